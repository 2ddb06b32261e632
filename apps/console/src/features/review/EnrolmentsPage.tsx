// Every enrolment of the programmes the regulator's authority takes part in (/regulator/enrolments),
// by state, page by page; each opens its review. The work queue shows only what waits for you; this
// is where the rest is found (an exited enrolment's exit report, a declined application).
import { Anchor, Button, Center, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { Link } from 'react-router';
import { type EnrolmentState, RegulatorEnrolmentsDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { EnrolmentStateBadge, TrackStateBadge } from './badges';
import { usePagedQuery } from './paging';
import { useMyAuthority } from './useMyAuthority';
import { ENROLMENT_STATES, when } from './words';

const STATES = (Object.keys(ENROLMENT_STATES) as EnrolmentState[]).filter((s) => s !== 'DRAFT');

export function Component() {
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') as EnrolmentState | null) ?? null;
  const me = useMyAuthority();
  const list = usePagedQuery({
    query: RegulatorEnrolmentsDocument,
    variables: { state, first: 50 },
    connection: (data) => data.enrolments,
  });
  const myId = me.authority?.id;

  return (
    <>
      <PageHeader
        title="Enrolments"
        description="Every application and enrolment in the programmes your authority takes part in."
        actions={
          <Select
            label="State"
            data={[
              { value: '', label: 'Any state' },
              ...STATES.map((s) => ({ value: s, label: ENROLMENT_STATES[s].label })),
            ]}
            value={state ?? ''}
            onChange={(value) => setParams(value ? { state: value } : {})}
            allowDeselect={false}
            w={200}
          />
        }
      />
      <ErrorNotice error={list.error ?? me.error} onRetry={list.reload} />
      {list.fetching && !list.data ? (
        <Center py="xl">
          <Loader aria-label="Loading the enrolments" />
        </Center>
      ) : list.data && list.nodes.length === 0 ? (
        <Text>{state ? `No enrolment is ${ENROLMENT_STATES[state].label.toLowerCase()}.` : 'No enrolment yet.'}</Text>
      ) : list.data ? (
        <Stack>
          <Table.ScrollContainer minWidth={860}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Caption>
                {list.nodes.length < list.totalCount
                  ? `The first ${list.nodes.length} of ${list.totalCount} enrolments`
                  : `${list.totalCount} ${list.totalCount === 1 ? 'enrolment' : 'enrolments'}`}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>AI system</Table.Th>
                  <Table.Th>Programme</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Tracks</Table.Th>
                  <Table.Th>Submitted</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.nodes.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/regulator/enrolments/${e.id}`} fw={500} size="sm">
                        {e.aiSystem.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {e.organisation.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{e.programme.name}</Text>
                    </Table.Td>
                    <Table.Td>
                      <EnrolmentStateBadge state={e.state} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        {e.tracks.map((t) => (
                          <Group key={t.authority.id} gap={4} wrap="nowrap">
                            <Text size="sm" fw={t.authority.id === myId ? 700 : 400}>
                              {t.authority.acronym}
                            </Text>
                            <TrackStateBadge state={t.state} />
                          </Group>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{when(e.submittedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.hasMore && (
            <Button variant="default" w="fit-content" onClick={() => void list.loadMore()} loading={list.loadingMore}>
              Load more enrolments
            </Button>
          )}
        </Stack>
      ) : null}
    </>
  );
}

// Open programmes (innovator): the programmes open for application — their authorities, application
// window, cohort capacity and joint-entry rule — each linking to its page (ProgrammePage), where its
// criteria are and from where one applies.
import { Anchor, Badge, Button, Center, Group, Loader, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { type OpenProgrammeRowFragment, OpenProgrammesDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { usePaging } from '../my-enrolments/paging';
import { applicationWindow, day, JOINT_ENTRY_RULES } from '../my-enrolments/words';

const PAGE = 50;
const CONTEXT = { additionalTypenames: ['Programme'] };

export function Component() {
  const paging = usePaging<OpenProgrammeRowFragment>();
  const [{ data, fetching, error }, reload] = useQuery({
    query: OpenProgrammesDocument,
    variables: { first: PAGE, after: paging.after },
    context: CONTEXT,
  });
  const programmes = paging.items(data?.programmes.edges.map((e) => e.node) ?? []);
  const more = data?.programmes.pageInfo;

  return (
    <>
      <PageHeader
        title="Open programmes"
        description="Sandbox programmes that take applications: who runs them, when you can apply, and what each authority assesses."
      />
      <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
      {fetching && !programmes.length ? (
        <Center py="xl">
          <Loader aria-label="Loading the open programmes" />
        </Center>
      ) : data && !programmes.length ? (
        <Text>No programme is open for applications at the moment.</Text>
      ) : programmes.length ? (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Caption>
                {programmes.length === 1 ? '1 open programme' : `${programmes.length} open programmes`}
                {data && data.programmes.totalCount > programmes.length
                  ? ` shown of ${data.programmes.totalCount}`
                  : ''}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th miw={240}>Programme</Table.Th>
                  <Table.Th>Authorities</Table.Th>
                  <Table.Th miw={210}>Application window</Table.Th>
                  <Table.Th>Capacity</Table.Th>
                  <Table.Th>Joint entry</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {programmes.map((p) => {
                  const window = applicationWindow(p);
                  return (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor component={Link} to={p.id} fw={500} c="indigo.9">
                          {p.name}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {p.sectors.join(', ') || 'Every sector'}
                          {p.acceptsRecognisedResults ? ' · accepts recognised results' : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {p.participants.map((pt) => (
                            <Badge
                              key={pt.authority.id}
                              variant={pt.isLead ? 'filled' : 'light'}
                              title={`${pt.authority.name}${pt.isLead ? ' (lead)' : ''}`}
                            >
                              {pt.authority.acronym}
                              {pt.isLead ? ' · lead' : ''}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {day(p.applicationOpens)} – {day(p.applicationCloses)}
                        </Text>
                        <Text size="xs" c={window.open ? 'var(--mantine-color-green-light-color)' : 'dimmed'}>
                          {window.open ? 'Open today' : window.reason}
                        </Text>
                      </Table.Td>
                      <Table.Td>{p.cohortCapacity} places</Table.Td>
                      <Table.Td>{JOINT_ENTRY_RULES[p.jointEntryRule].label}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {more?.hasNextPage && (
            <Button
              variant="default"
              mt="md"
              loading={fetching}
              onClick={() => paging.loadMore(programmes, more.endCursor)}
            >
              Load more
            </Button>
          )}
        </>
      ) : null}
    </>
  );
}

// Programmes (regulator): the programmes the regulator's authority takes part in — drafts included —
// by status; creating one (a DRAFT the authority leads). Each opens on its own page
// (ProgrammePage): participants, criteria per stage, lifecycle. Pages of 50 with "Load more".
import { Anchor, Badge, Button, Center, Group, Loader, Select, Table, Text } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import {
  type ProgrammeFilterInput,
  type ProgrammeStatus,
  SetupAuthorityDocument,
  SetupProgrammesDocument,
} from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { ProgrammeForm } from './ProgrammeForm';
import { applicationWindow, jointEntryRule, PROGRAMME_STATUSES, programmeStatus } from './words';

const PAGE = 50;
const CONTEXT = { additionalTypenames: ['Programme'] };

interface PageState {
  hasNextPage: boolean;
  endCursor?: string | null;
  total: number;
}

export function Component() {
  const [{ data: me, error: meError }, reloadMe] = useQuery({ query: SetupAuthorityDocument });
  const authority = me?.me.authority ?? null;
  const navigate = useNavigate();
  const [status, setStatus] = useState<ProgrammeStatus | null>(null);
  const filter = useMemo<ProgrammeFilterInput>(
    () => ({ participantAuthorityId: authority?.id, status }),
    [authority?.id, status],
  );
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [filter]);
  const [lastPage, setLastPage] = useState<PageState | null>(null);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title="Programmes"
        description={
          authority
            ? `The programmes ${authority.acronym} leads or takes part in, drafts included.`
            : 'The programmes your authority leads or takes part in.'
        }
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} disabled={!authority}>
            Create a programme
          </Button>
        }
      />
      <ErrorNotice error={meError} onRetry={() => reloadMe({ requestPolicy: 'network-only' })} />
      <Group mb="md">
        <Select
          label="Status"
          placeholder="Every status"
          data={PROGRAMME_STATUSES.map(({ value, label }) => ({ value, label }))}
          value={status}
          onChange={(value) => setStatus(value as ProgrammeStatus | null)}
          clearable
          w={220}
        />
      </Group>
      {authority && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Caption>
              {lastPage && lastPage.total > 0
                ? `${lastPage.total} ${lastPage.total === 1 ? 'programme' : 'programmes'}`
                : ''}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={240}>Name</Table.Th>
                <Table.Th miw={110}>Status</Table.Th>
                <Table.Th>Authorities</Table.Th>
                <Table.Th>Applications</Table.Th>
                <Table.Th>Capacity</Table.Th>
                <Table.Th>Joint entry</Table.Th>
              </Table.Tr>
            </Table.Thead>
            {cursors.map((after, index) => (
              <ProgrammeRows
                key={after ?? 'first'}
                filter={filter}
                after={after}
                onLoaded={(page) => {
                  if (index === cursors.length - 1) setLastPage(page);
                }}
              />
            ))}
          </Table>
        </Table.ScrollContainer>
      )}
      {lastPage?.total === 0 && (
        <Text mt="md">
          {status
            ? 'None of your authority’s programmes has this status.'
            : 'Your authority takes part in no programme yet: create one, or ask a lead authority to add yours.'}
        </Text>
      )}
      {lastPage?.hasNextPage && lastPage.endCursor && (
        <Center mt="md">
          <Button variant="default" onClick={() => setCursors((list) => [...list, lastPage.endCursor!])}>
            Load more
          </Button>
        </Center>
      )}

      <Dialog opened={creating} onClose={() => setCreating(false)} title="Create a programme" size="xl">
        {creating && (
          <ProgrammeForm
            programme={null}
            ownAuthorityId={authority?.id ?? null}
            onCancel={() => setCreating(false)}
            onRefresh={() => undefined}
            onSaved={(saved) => {
              notifications.show({ color: 'green', title: 'Draft programme created', message: saved.name });
              setCreating(false);
              void navigate(`/regulator/programmes/${saved.id}`);
            }}
          />
        )}
      </Dialog>
    </>
  );
}

function ProgrammeRows({
  filter,
  after,
  onLoaded,
}: {
  filter: ProgrammeFilterInput;
  after: string | null;
  onLoaded: (page: PageState) => void;
}) {
  const [{ data, fetching, error }, reload] = useQuery({
    query: SetupProgrammesDocument,
    variables: { first: PAGE, after, filter },
    context: CONTEXT,
  });
  const connection = data?.programmes;
  useEffect(() => {
    if (connection) onLoaded({ ...connection.pageInfo, total: connection.totalCount });
    // The callback is new on every render of the page; what matters is new data.
  }, [connection]);

  if (error && !data)
    return (
      <Table.Tbody>
        <Table.Tr>
          <Table.Td colSpan={6}>
            <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    );
  if (fetching && !data)
    return (
      <Table.Tbody>
        <Table.Tr>
          <Table.Td colSpan={6}>
            <Center py="md">
              <Loader aria-label="Loading programmes" />
            </Center>
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    );
  return (
    <Table.Tbody>
      {(connection?.edges ?? []).map(({ node: p }) => (
        <Table.Tr key={p.id}>
          <Table.Td>
            <Anchor component={Link} to={`/regulator/programmes/${p.id}`} fw={500}>
              {p.name}
            </Anchor>
          </Table.Td>
          <Table.Td>
            <Badge color={programmeStatus(p.status).color} variant="light">
              {programmeStatus(p.status).label}
            </Badge>
          </Table.Td>
          <Table.Td>
            <Text size="sm">
              {p.participants.map((x) => (x.isLead ? `${x.authority.acronym} (lead)` : x.authority.acronym)).join(', ')}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{applicationWindow(p.applicationOpens, p.applicationCloses)}</Text>
          </Table.Td>
          <Table.Td>{p.cohortCapacity}</Table.Td>
          <Table.Td>
            <Text size="sm">{jointEntryRule(p.jointEntryRule).label}</Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </Table.Tbody>
  );
}

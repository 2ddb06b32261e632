// Criteria (regulator): every version of the signed-in regulator's authority's criteria, filtered by
// stage, status or words; writing a new one, editing, publishing, revising and retiring from the row;
// each key's version history one click away (CriterionHistoryPage). Pages of 50 with "Load more"
// (the connection's cursor): each loaded page is a query of its own, so that a change refreshes it.
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Menu,
  Select,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconArchive,
  IconCopy,
  IconDots,
  IconHistory,
  IconPencil,
  IconPlus,
  IconSearch,
  IconUpload,
} from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import {
  AuthorityCriteriaDocument,
  type CriterionFilterInput,
  type CriterionStatus,
  type CriterionVersionFragment,
  SetupAuthorityDocument,
  type Stage,
} from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { type CriterionAction, CriterionActionModal, CriterionEditorModal } from './CriterionDialogs';
import { kindLabel, requirement, stageLabel, STAGES, statusOf, STATUSES } from './words';

const PAGE = 50;
// An empty page carries no Criterion for urql's cache to see: name the type, so that creating the
// first criterion still refreshes the list.
const CONTEXT = { additionalTypenames: ['Criterion'] };

export function Component() {
  const [{ data: me, error: meError }, reloadMe] = useQuery({ query: SetupAuthorityDocument });
  const authority = me?.me.authority ?? null;
  const navigate = useNavigate();

  const [stage, setStage] = useState<Stage | null>(null);
  const [status, setStatus] = useState<CriterionStatus | null>(null);
  const [search, setSearch] = useState('');
  const [words] = useDebouncedValue(search.trim(), 300);
  const filter = useMemo<CriterionFilterInput>(
    () => ({ authorityId: authority?.id, stage, status, search: words || null }),
    [authority?.id, stage, status, words],
  );
  // The cursors of the pages loaded so far: the first page, then one per "Load more".
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [filter]);
  const [lastPage, setLastPage] = useState<{ hasNextPage: boolean; endCursor?: string | null; total: number } | null>(
    null,
  );
  const [shown, setShown] = useState(0);

  const [editing, setEditing] = useState<{ id: string | 'new'; title?: string } | null>(null);
  const [pending, setPending] = useState<{ action: CriterionAction; criterion: CriterionVersionFragment } | null>(null);

  const filtered = stage !== null || status !== null || words !== '';

  return (
    <>
      <PageHeader
        title="Criteria"
        description={
          authority
            ? `Every version of ${authority.acronym}’s criteria. A published version never changes: revise it to make the next.`
            : 'Your authority’s criteria, every version.'
        }
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ id: 'new' })} disabled={!authority}>
            New criterion
          </Button>
        }
      />
      <ErrorNotice error={meError} onRetry={() => reloadMe({ requestPolicy: 'network-only' })} />
      <Group mb="md" align="flex-end" wrap="wrap">
        <Select
          label="Stage"
          placeholder="Every stage"
          data={STAGES}
          value={stage}
          onChange={(value) => setStage(value as Stage | null)}
          clearable
          w={180}
        />
        <Select
          label="Status"
          placeholder="Every status"
          data={STATUSES.map(({ value, label }) => ({ value, label }))}
          value={status}
          onChange={(value) => setStatus(value as CriterionStatus | null)}
          clearable
          w={180}
        />
        <TextInput
          label="Search"
          placeholder="Key or title"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={260}
        />
      </Group>

      {authority && (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Caption>
              {lastPage
                ? lastPage.total === 0
                  ? ''
                  : shown < lastPage.total
                    ? `${shown} of ${lastPage.total} criterion versions`
                    : `${lastPage.total} criterion ${lastPage.total === 1 ? 'version' : 'versions'}`
                : ''}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key and version</Table.Th>
                <Table.Th miw={160}>Title</Table.Th>
                <Table.Th>Stage</Table.Th>
                <Table.Th miw={200} maw={300}>
                  Requires
                </Table.Th>
                <Table.Th miw={90}>Status</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            {cursors.map((after, index) => (
              <CriteriaRows
                key={after ?? 'first'}
                filter={filter}
                after={after}
                onLoaded={(page) => {
                  if (index === cursors.length - 1) setLastPage(page);
                }}
                onCount={(count) => {
                  if (index === cursors.length - 1) setShown(index * PAGE + count);
                }}
                onEdit={(criterion) =>
                  setEditing({ id: criterion.id, title: `Edit version ${criterion.version} of ${criterion.key}` })
                }
                onAction={(action, criterion) => setPending({ action, criterion })}
              />
            ))}
          </Table>
        </Table.ScrollContainer>
      )}
      {lastPage?.total === 0 && (
        <Text mt="md">
          {filtered
            ? 'No criterion matches these filters.'
            : 'Your authority has no criteria yet: create one, then publish it to attach it to programmes.'}
        </Text>
      )}
      {lastPage?.hasNextPage && lastPage.endCursor && (
        <Center mt="md">
          <Button variant="default" onClick={() => setCursors((list) => [...list, lastPage.endCursor!])}>
            Load more
          </Button>
        </Center>
      )}

      <CriterionEditorModal
        editing={editing?.id ?? null}
        title={editing?.title}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          if (editing?.id === 'new') void navigate(`/regulator/criteria/${saved.id}`);
        }}
      />
      <CriterionActionModal
        pending={pending}
        onClose={() => setPending(null)}
        onDone={(action, result) => {
          if (action === 'revise') void navigate(`/regulator/criteria/${result.id}`);
        }}
      />
    </>
  );
}

/** One page of the list: its own query (refreshed by urql when a criterion changes), its rows. */
function CriteriaRows({
  filter,
  after,
  onLoaded,
  onCount,
  onEdit,
  onAction,
}: {
  filter: CriterionFilterInput;
  after: string | null;
  onLoaded: (page: { hasNextPage: boolean; endCursor?: string | null; total: number }) => void;
  onCount: (count: number) => void;
  onEdit: (criterion: CriterionVersionFragment) => void;
  onAction: (action: CriterionAction, criterion: CriterionVersionFragment) => void;
}) {
  const [{ data, fetching, error }, reload] = useQuery({
    query: AuthorityCriteriaDocument,
    variables: { first: PAGE, after, filter },
    context: CONTEXT,
  });
  const connection = data?.criteria;
  useEffect(() => {
    if (!connection) return;
    onLoaded({ ...connection.pageInfo, total: connection.totalCount });
    onCount(connection.edges.length);
    // The callbacks are new on every render of the page; what matters is new data.
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
              <Loader aria-label="Loading criteria" />
            </Center>
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    );
  return (
    <Table.Tbody>
      {(connection?.edges ?? []).map(({ node: c }) => {
        const name = `${c.key} version ${c.version}`;
        return (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Anchor
                component={Link}
                to={`/regulator/criteria/${c.id}`}
                fw={500}
                ff="monospace"
                size="sm"
                title={`Version history of ${c.key}`}
              >
                {c.key}
              </Anchor>
              <Text size="xs" c="dimmed">
                version {c.version}
              </Text>
            </Table.Td>
            <Table.Td>{c.title}</Table.Td>
            <Table.Td>{stageLabel(c.stage)}</Table.Td>
            <Table.Td>
              <Text size="sm">{kindLabel(c.kind)}</Text>
              <Text size="sm" c="dimmed" lineClamp={2}>
                {requirement(c)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge color={statusOf(c.status).color} variant="light">
                {statusOf(c.status).label}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" aria-label={`Actions for ${name}`}>
                    <IconDots size={18} aria-hidden />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  {c.status === 'DRAFT' && (
                    <>
                      <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onEdit(c)}>
                        Edit
                      </Menu.Item>
                      <Menu.Item
                        leftSection={<IconUpload size={14} aria-hidden />}
                        onClick={() => onAction('publish', c)}
                      >
                        Publish
                      </Menu.Item>
                    </>
                  )}
                  {c.status === 'ACTIVE' && (
                    <>
                      <Menu.Item leftSection={<IconCopy size={14} aria-hidden />} onClick={() => onAction('revise', c)}>
                        Revise
                      </Menu.Item>
                      <Menu.Item
                        color="red"
                        leftSection={<IconArchive size={14} aria-hidden />}
                        onClick={() => onAction('retire', c)}
                      >
                        Retire
                      </Menu.Item>
                    </>
                  )}
                  <Menu.Item
                    leftSection={<IconHistory size={14} aria-hidden />}
                    component={Link}
                    to={`/regulator/criteria/${c.id}`}
                  >
                    Version history
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </Table.Tbody>
  );
}

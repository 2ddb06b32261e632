// A criterion's version history (regulator), /regulator/criteria/:id with the id of any version: every
// version of the key side by side, one column each, oldest first; a value that differs from the
// version before it is marked "changed" (in words and in colour). The key's next steps — edit or
// publish its draft, revise it, retire its active version — are the page's actions.
import {
  Anchor,
  Badge,
  Box,
  Breadcrumbs,
  Button,
  Center,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CriterionHistoryDocument, type CriterionVersionFragment } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { type CriterionAction, CriterionActionModal, CriterionEditorModal } from './CriterionDialogs';
import { categoryLabel, comparatorLabel, kindLabel, stageLabel, statusOf, when } from './words';

type Version = CriterionVersionFragment;

interface Row {
  label: string;
  value: (v: Version) => string;
  /** Compared with the version before: a content field (the lifecycle's dates and counts are not). */
  compared: boolean;
}

const list = (items: string[]) => (items.length ? items.join(', ') : 'All');

const ROWS: Row[] = [
  { label: 'Title', value: (v) => v.title, compared: true },
  { label: 'Description', value: (v) => v.description, compared: true },
  { label: 'Stage', value: (v) => stageLabel(v.stage), compared: true },
  { label: 'Category', value: (v) => categoryLabel(v.category), compared: true },
  { label: 'Kind', value: (v) => kindLabel(v.kind), compared: true },
  { label: 'Metric key', value: (v) => v.metricKey ?? '', compared: true },
  { label: 'Unit', value: (v) => v.unit ?? '', compared: true },
  { label: 'Comparator', value: (v) => comparatorLabel(v.comparator), compared: true },
  { label: 'Threshold', value: (v) => (v.threshold ?? '').toString(), compared: true },
  { label: 'Upper threshold', value: (v) => (v.thresholdHigh ?? '').toString(), compared: true },
  { label: 'Document type', value: (v) => v.evidenceType ?? '', compared: true },
  { label: 'Statement', value: (v) => v.statement ?? '', compared: true },
  { label: 'Sectors', value: (v) => list(v.sectors), compared: true },
  { label: 'Risk classes', value: (v) => list(v.riskClasses), compared: true },
  {
    label: 'Clauses',
    value: (v) => (v.clauses.length ? v.clauses.map((c) => c.id).join(', ') : 'None'),
    compared: true,
  },
  { label: 'Published', value: (v) => when(v.publishedAt), compared: false },
  { label: 'Retired', value: (v) => when(v.retiredAt), compared: false },
  { label: 'Revision', value: (v) => String(v.revision), compared: false },
];

export function Component() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reload] = useQuery({ query: CriterionHistoryDocument, variables: { id } });
  const [editing, setEditing] = useState<Version | null>(null);
  const [pending, setPending] = useState<{ action: CriterionAction; criterion: Version } | null>(null);
  const refresh = () => reload({ requestPolicy: 'network-only' });
  const criterion = data?.criterion;

  const back = (
    <Breadcrumbs mb="xs">
      <Anchor component={Link} to="/regulator/criteria" size="sm">
        Criteria
      </Anchor>
      <Text size="sm">{criterion?.key ?? 'Version history'}</Text>
    </Breadcrumbs>
  );

  if (fetching && !data)
    return (
      <>
        {back}
        <PageHeader title="Version history" />
        <Center py="xl">
          <Loader aria-label="Loading the version history" />
        </Center>
      </>
    );
  if (!criterion)
    return (
      <>
        {back}
        <PageHeader title="Version history" />
        <ErrorNotice error={error} onRetry={refresh} />
        {!error && (
          <Stack align="flex-start">
            <Text>This criterion does not exist, or is not yours to see.</Text>
            <Button component={Link} to="/regulator/criteria" leftSection={<IconArrowBackUp size={16} />}>
              Back to the criteria
            </Button>
          </Stack>
        )}
      </>
    );

  const versions = criterion.versions;
  const newest = versions[versions.length - 1] ?? criterion;
  const draft = versions.find((v) => v.status === 'DRAFT');
  const active = versions.find((v) => v.status === 'ACTIVE');

  return (
    <>
      {back}
      <PageHeader
        title={newest.title}
        description={
          <>
            <Text span ff="monospace" size="sm">
              {criterion.key}
            </Text>{' '}
            · {criterion.authority.acronym} · {versions.length} {versions.length === 1 ? 'version' : 'versions'}
            {active ? `, version ${active.version} in force` : ', none in force'}
          </>
        }
        actions={
          <>
            {draft && (
              <>
                <Button variant="default" onClick={() => setEditing(draft)}>
                  Edit draft
                </Button>
                <Button onClick={() => setPending({ action: 'publish', criterion: draft })}>
                  Publish version {draft.version}
                </Button>
              </>
            )}
            {!draft && (
              <Button variant="default" onClick={() => setPending({ action: 'revise', criterion: newest })}>
                Revise
              </Button>
            )}
            {active && (
              <Button variant="default" color="red" onClick={() => setPending({ action: 'retire', criterion: active })}>
                Retire version {active.version}
              </Button>
            )}
          </>
        }
      />
      <ErrorNotice error={error} onRetry={refresh} />

      <Title order={2} size="h4" mb="xs" id="versions-heading">
        Versions side by side
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Oldest first. A value that differs from the version before it is marked changed.
      </Text>
      <Table.ScrollContainer minWidth={240 + versions.length * 240}>
        <Table layout="fixed" withTableBorder withColumnBorders verticalSpacing="xs" aria-labelledby="versions-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={160}>Field</Table.Th>
              {versions.map((v) => (
                <Table.Th key={v.id} miw={220} aria-current={v.id === id ? 'true' : undefined}>
                  <Group gap="xs">
                    <span>Version {v.version}</span>
                    <Badge color={statusOf(v.status).color} variant="light">
                      {statusOf(v.status).label}
                    </Badge>
                  </Group>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ROWS.map((row) => (
              <Table.Tr key={row.label}>
                <Table.Th scope="row" fw={500}>
                  {row.label}
                </Table.Th>
                {versions.map((v, index) => {
                  const value = row.value(v);
                  const changed = row.compared && index > 0 && value !== row.value(versions[index - 1]);
                  return (
                    <Cell key={v.id} changed={changed}>
                      {value || (
                        <Text span c="dimmed" size="sm">
                          —
                        </Text>
                      )}
                    </Cell>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <CriterionEditorModal
        editing={editing?.id ?? null}
        title={editing ? `Edit version ${editing.version} of ${editing.key}` : undefined}
        onClose={() => setEditing(null)}
      />
      <CriterionActionModal
        pending={pending}
        onClose={() => setPending(null)}
        onDone={(action, result) => {
          if (action === 'revise') void navigate(`/regulator/criteria/${result.id}`, { replace: true });
        }}
      />
    </>
  );
}

function Cell({ changed, children }: { changed: boolean; children: ReactNode }) {
  return (
    <Table.Td
      data-changed={changed || undefined}
      style={changed ? { background: 'var(--mantine-color-yellow-light)' } : undefined}
    >
      <Box style={{ whiteSpace: 'pre-wrap' }} fz="sm">
        {children}
      </Box>
      {changed && (
        <Badge color="yellow" variant="light" size="sm" mt={4}>
          changed
        </Badge>
      )}
    </Table.Td>
  );
}

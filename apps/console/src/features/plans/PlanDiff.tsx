// Two versions of a sandbox plan side by side, section by section: every field of a changed section,
// the changed ones highlighted and labelled "Changed" (not by colour alone), list items marked added or
// removed; unchanged sections folded to one line unless asked for.
import { Badge, Group, List, Select, Stack, Switch, Table, Text, Title, type TitleOrder } from '@mantine/core';
import { useState } from 'react';
import { defaultComparison, diffPlans, type FieldChange, type Plan, type SectionDiff } from './plan-fields';
import { FieldValue, sectionNote } from './PlanView';
import { PLAN_STATUS } from './words';

const versionLabel = (v: Plan) =>
  `Version ${v.version} (${PLAN_STATUS[v.status].label.toLowerCase()}${v.inForce ? ', in force' : ''})`;

/** Choose two versions and see what changed between them (by default the newest against the one in force, or the one before). */
export function PlanCompare({ versions, headingOrder = 3 }: { versions: readonly Plan[]; headingOrder?: TitleOrder }) {
  const initial = defaultComparison(versions);
  const [from, setFrom] = useState<string | null>(initial ? String(initial.from) : null);
  const [to, setTo] = useState<string | null>(initial ? String(initial.to) : null);
  if (!initial) return <Text size="sm">There is only one version: nothing to compare yet.</Text>;
  const options = versions.map((v) => ({ value: String(v.version), label: versionLabel(v) }));
  const before = versions.find((v) => String(v.version) === from);
  const after = versions.find((v) => String(v.version) === to);
  return (
    <Stack gap="md">
      <Group align="flex-end">
        <Select label="Compare" data={options} value={from} onChange={setFrom} allowDeselect={false} w={280} />
        <Select label="with" data={options} value={to} onChange={setTo} allowDeselect={false} w={280} />
      </Group>
      {before && after && <PlanDiff before={before} after={after} headingOrder={headingOrder} />}
    </Stack>
  );
}

export function PlanDiff({
  before,
  after,
  headingOrder = 3,
}: {
  before: Plan;
  after: Plan;
  headingOrder?: TitleOrder;
}) {
  const [showUnchanged, setShowUnchanged] = useState(false);
  const sections = diffPlans(before, after);
  const changed = sections.filter((s) => s.changed);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" role="status">
          {changed.length === 0
            ? `Versions ${before.version} and ${after.version} do not differ in anything you may read.`
            : `Version ${after.version} changes ${changed.length} of ${sections.length} sections of version ${before.version}: ${changed.map((s) => s.title.toLowerCase()).join(', ')}.`}
        </Text>
        <Switch
          label="Show unchanged sections"
          checked={showUnchanged}
          onChange={(event) => setShowUnchanged(event.currentTarget.checked)}
        />
      </Group>
      {sections
        .filter((s) => s.changed || showUnchanged)
        .map((section) => (
          <SectionChanges
            key={section.key}
            section={section}
            before={before.version}
            after={after.version}
            headingOrder={headingOrder}
          />
        ))}
    </Stack>
  );
}

function SectionChanges({
  section,
  before,
  after,
  headingOrder,
}: {
  section: SectionDiff;
  before: number;
  after: number;
  headingOrder: TitleOrder;
}) {
  const id = `diff-${before}-${after}-${section.key}`;
  const beforeNote = sectionNote(section.before);
  const afterNote = sectionNote(section.after);
  return (
    <section aria-labelledby={id} data-changed={section.changed || undefined}>
      <Group gap="xs" mb={6}>
        <Title order={headingOrder} size="h5" id={id}>
          {section.title}
        </Title>
        <Badge
          variant={section.changed ? 'filled' : 'outline'}
          color={section.changed ? 'yellow.3' : 'gray'}
          c="dark.9"
        >
          {section.changed ? 'Changed' : 'Unchanged'}
        </Badge>
      </Group>
      {section.partial && (
        <Text size="sm" c="dimmed" mb={4}>
          Its content is withheld from you in at least one of the versions: only who may read it is compared.
        </Text>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table layout="fixed" verticalSpacing={6} withTableBorder withColumnBorders>
          <Table.Caption>
            {section.title}: version {before} and version {after}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={200}>Field</Table.Th>
              <Table.Th>Version {before}</Table.Th>
              <Table.Th>Version {after}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(section.before.absent || section.after.absent) && (
              <Table.Tr>
                <Table.Td>Section</Table.Td>
                <Table.Td>{beforeNote ?? 'Planned'}</Table.Td>
                <Table.Td>{afterNote ?? 'Planned'}</Table.Td>
              </Table.Tr>
            )}
            {section.fields.map((field) => (
              <FieldRow key={field.label} field={field} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}

function FieldRow({ field }: { field: FieldChange }) {
  return (
    <Table.Tr
      data-changed={field.changed || undefined}
      bg={field.changed ? 'var(--mantine-color-yellow-light)' : undefined}
    >
      <Table.Td>
        <Text size="sm" fw={field.changed ? 700 : 400}>
          {field.label}
        </Text>
        {field.changed && (
          <Text size="xs" fw={700}>
            Changed
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Side field={field.before} marked={field.removed} mark="removed" />
      </Table.Td>
      <Table.Td>
        <Side field={field.after} marked={field.added} mark="added" />
      </Table.Td>
    </Table.Tr>
  );
}

/** One version's value of a field; in a list, the items only this side has are marked. */
function Side({ field, marked, mark }: { field: FieldChange['before']; marked: string[]; mark: 'added' | 'removed' }) {
  if (!field)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  if (!field.items || marked.length === 0) return <FieldValue value={field.value} items={field.items} />;
  return (
    <List size="sm" spacing={2}>
      {field.items.map((item) => (
        <List.Item key={item}>
          <Text span size="sm" td={marked.includes(item) && mark === 'removed' ? 'line-through' : undefined}>
            {item}
          </Text>
          {marked.includes(item) && (
            <Text span size="xs" fw={700} ml={6}>
              ({mark})
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

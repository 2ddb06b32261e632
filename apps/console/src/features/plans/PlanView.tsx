// One version of a sandbox plan, read-only: each section with who may read it, its content in words
// (or that its confidentiality withholds it from the reader), and the version's status.
import { Badge, type BadgeProps, List, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import type { SandboxPlanStatus } from '../../gql/graphql';
import { EvidenceLink, type LinkedEvidence } from '../evidence/EvidenceLink';
import { FactList } from '../review/FactList';
import { type Plan, type SectionView, sectionView } from './plan-fields';
import { PLAN_STATUS, SECTIONS } from './words';

export const PlanStatusBadge = ({ status, ...props }: BadgeProps & { status: SandboxPlanStatus }) => (
  <Badge variant="light" color={PLAN_STATUS[status].color} {...props}>
    {PLAN_STATUS[status].label}
  </Badge>
);

/** A field's value: a paragraph (line breaks kept), a list, or files to open and download. */
export function FieldValue({
  value,
  items,
  evidence,
}: {
  value: string | null;
  items?: string[];
  evidence?: LinkedEvidence[];
}) {
  if (evidence)
    return (
      <Stack gap={4}>
        {evidence.map((file) => (
          <EvidenceLink key={file.id} evidence={file} compact />
        ))}
      </Stack>
    );
  if (items)
    return items.length ? (
      <List size="sm" spacing={2}>
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    ) : (
      <Text size="sm">None</Text>
    );
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {value}
    </Text>
  );
}

/** What a section shows when it has no content to list. */
export function sectionNote(view: SectionView): string | null {
  if (view.absent) return 'None planned.';
  if (view.withheld)
    return `Withheld from you: its confidentiality (${view.marking.toLowerCase()}) keeps it from your authority.`;
  return null;
}

export function PlanView({ plan, headingOrder = 3 }: { plan: Plan; headingOrder?: TitleOrder }) {
  return (
    <Stack gap="lg">
      {plan.withheld > 0 && (
        <Text size="sm" c="dimmed">
          {plan.withheld} {plan.withheld === 1 ? 'section is' : 'sections are'} withheld from you by their
          confidentiality.
        </Text>
      )}
      {SECTIONS.map(({ key }) => {
        const view = sectionView(plan, key);
        const id = `plan-${plan.version}-${key}`;
        const note = sectionNote(view);
        return (
          <section key={key} aria-labelledby={id}>
            <Title order={headingOrder} size="h5" id={id} mb={6}>
              {view.title}
            </Title>
            {note ? (
              <Text size="sm">{note}</Text>
            ) : (
              <FactList
                labelWidth={190}
                facts={view.fields.map((f) => [
                  f.label,
                  <FieldValue key={f.label} value={f.value} items={f.items} evidence={f.evidence} />,
                ])}
              />
            )}
          </section>
        );
      })}
    </Stack>
  );
}

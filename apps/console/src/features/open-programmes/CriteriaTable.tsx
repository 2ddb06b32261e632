// The criteria an authority attached to one stage of a programme: what each requires and whether it
// is mandatory (admitting over an unmet mandatory entry criterion needs a written justification).
import { Badge, Stack, Table, Text } from '@mantine/core';
import type { ProgrammeCriterionFactsFragment } from '../../gql/graphql';
import { KIND_LABELS, requirement } from '../my-enrolments/words';

export interface AttachedCriterion {
  mandatory: boolean;
  criterion: ProgrammeCriterionFactsFragment;
}

/** Who a criterion applies to, when it narrows it ("FINANCE; high risk"). */
export function applicability(c: ProgrammeCriterionFactsFragment): string | null {
  const parts = [
    c.sectors.length ? `sectors ${c.sectors.join(', ')}` : null,
    c.riskClasses.length ? `${c.riskClasses.map((r) => r.toLowerCase()).join(', ')} risk` : null,
  ].filter(Boolean);
  return parts.length ? `Applies to ${parts.join('; ')} only` : null;
}

export function CriteriaTable({ criteria, caption }: { criteria: AttachedCriterion[]; caption: string }) {
  if (!criteria.length) return <Text c="dimmed">None attached.</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={260}>Criterion</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>What it requires</Table.Th>
            <Table.Th w={130}>Mandatory</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {criteria.map(({ criterion: c, mandatory }) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" fw={500}>
                    {c.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {c.key} · version {c.version} · {c.category.replace(/_/g, ' ').toLowerCase()}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>{KIND_LABELS[c.kind]}</Table.Td>
              <Table.Td>
                <Text size="sm">{requirement(c)}</Text>
                {applicability(c) && (
                  <Text size="xs" c="dimmed">
                    {applicability(c)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {mandatory ? (
                  <Badge color="red" variant="light" style={{ overflow: 'visible' }}>
                    Mandatory
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light">
                    Optional
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

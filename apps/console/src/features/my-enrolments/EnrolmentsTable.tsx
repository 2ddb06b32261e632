// A table of enrolments (MyEnrolmentRow): system, programme, state, each targeted authority's track,
// and when — each row linking to the enrolment's page. Used by My enrolments, a system's page and a
// programme's page (`hide` leaves out the column that page is about).
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { MyEnrolmentRowFragment } from '../../gql/graphql';
import { EnrolmentStateBadge, instant, TrackStateBadge } from './words';

export function EnrolmentsTable({
  enrolments,
  caption,
  hide,
}: {
  enrolments: MyEnrolmentRowFragment[];
  caption: string;
  hide?: 'system' | 'programme';
}) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {hide !== 'system' && <Table.Th miw={200}>AI system</Table.Th>}
            {hide !== 'programme' && <Table.Th miw={220}>Programme</Table.Th>}
            <Table.Th miw={120}>State</Table.Th>
            <Table.Th>Tracks</Table.Th>
            <Table.Th miw={170}>Submitted</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Open</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {enrolments.map((e) => (
            <Table.Tr key={e.id}>
              {hide !== 'system' && <Table.Td fw={500}>{e.aiSystem.name}</Table.Td>}
              {hide !== 'programme' && <Table.Td>{e.programme.name}</Table.Td>}
              <Table.Td>
                <EnrolmentStateBadge state={e.state} />
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {e.tracks.map((t) => (
                    <Group key={t.authority.id} gap={2} wrap="nowrap">
                      <Badge variant="default" radius="sm">
                        {t.authority.acronym}
                      </Badge>
                      <TrackStateBadge state={t.state} />
                    </Group>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.submittedAt ? instant(e.submittedAt) : 'Not yet'}</Text>
              </Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/innovator/enrolments/${e.id}`}
                  size="sm"
                  c="indigo.9"
                  aria-label={`Open the enrolment of ${e.aiSystem.name} in ${e.programme.name}`}
                >
                  Open
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

// Incidents as a list of cards: severity, when, who reported it, what happened, the harm and the
// jurisdictions affected; those that arrived live since the page opened are marked "New".
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ReviewIncidentFragment } from '../../gql/graphql';
import { severity, when } from '../review/words';

export interface IncidentRow extends ReviewIncidentFragment {
  /** The enrolment it was reported on, when the list spans several. */
  enrolment?: { id: string; name: string };
}

export function IncidentList({
  incidents,
  authorities,
  fresh = new Set<string>(),
  empty,
}: {
  incidents: IncidentRow[];
  /** Authority acronyms by id (the reporting authority). */
  authorities: Map<string, string>;
  fresh?: Set<string>;
  empty: string;
}) {
  if (incidents.length === 0) return <Text>{empty}</Text>;
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Incidents">
      {incidents.map((incident) => {
        const level = severity(incident.severity);
        const reporter = incident.reportingAuthorityId
          ? (authorities.get(incident.reportingAuthorityId) ?? 'an authority')
          : 'the innovator';
        return (
          <Card component="li" key={incident.id} withBorder padding="md" data-incident-id={incident.id}>
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
              <Group gap="xs">
                <Badge color={level.color} variant="light">
                  {level.label} severity
                </Badge>
                {fresh.has(incident.id) && (
                  <Badge color="indigo" variant="filled">
                    New
                  </Badge>
                )}
                {incident.enrolment && (
                  <Anchor component={Link} to={`/regulator/enrolments/${incident.enrolment.id}`} fw={600} size="sm">
                    {incident.enrolment.name}
                  </Anchor>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                Reported {when(incident.reportedAt)} by {reporter}
              </Text>
            </Group>
            <Text size="sm" mt="xs">
              {incident.description}
            </Text>
            {incident.harm && (
              <Text size="sm" mt={4}>
                <Text span fw={600} size="sm">
                  Harm:
                </Text>{' '}
                {incident.harm}
              </Text>
            )}
            <Text size="sm" mt={4}>
              <Text span fw={600} size="sm">
                Affected jurisdictions:
              </Text>{' '}
              {incident.affectedJurisdictions.join(', ') || '—'}
            </Text>
          </Card>
        );
      })}
    </Stack>
  );
}

// Incidents (/regulator/incidents): every incident reported on the enrolments of a programme your
// authority takes part in, newest first, and new ones as they are reported (enrolmentEvents: they
// appear without a reload, marked "New"); reporting one on an enrolment in testing.
import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';
import { notifications } from '@mantine/notifications';
import { IconBroadcast, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ProgrammeIncidentsDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { useEnrolmentEvents } from '../review/live';
import { usePagedQuery } from '../review/paging';
import { useProgrammePicker } from '../review/ProgrammePicker';
import { type IncidentRow, IncidentList } from './IncidentList';
import { ReportIncidentForm } from './ReportIncidentForm';

// A programme without incidents yet holds no Incident for urql's cache to see.
const CONTEXT = { additionalTypenames: ['Incident'] };
const TESTING_STATES = ['TESTING', 'EXIT_REVIEW', 'SUSPENDED'];

export function Component() {
  const { programme, picker, authority, fetching, error, reload } = useProgrammePicker();
  const list = usePagedQuery({
    query: ProgrammeIncidentsDocument,
    variables: { programmeId: programme?.id ?? '', first: 100 },
    connection: (data) => data.enrolments,
    pause: !programme,
    context: CONTEXT,
  });
  const [reporting, setReporting] = useState(false);
  const [fresh, setFresh] = useState<Set<string>>(() => new Set());
  const [live, setLive] = useState<string | null>(null);

  useEnrolmentEvents(programme?.id, (event) => {
    if (event.type !== 'INCIDENT_REPORTED' || !event.incidentId) return;
    setFresh((known) => new Set(known).add(event.incidentId!));
    setLive(event.summary);
    list.reload();
  });

  const authorities = new Map((programme?.participants ?? []).map((p) => [p.authority.id, p.authority.acronym]));
  const incidents: IncidentRow[] = list.nodes
    .flatMap((e) => e.incidents.map((i) => ({ ...i, enrolment: { id: e.id, name: e.aiSystem.name } })))
    .sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
  const reportable = list.nodes
    .filter((e) => TESTING_STATES.includes(e.state) && e.tracks.some((t) => t.authority.id === authority?.id))
    .map((e) => ({ value: e.id, label: `${e.aiSystem.name} (${e.organisation.name})` }));

  return (
    <>
      <PageHeader
        title="Incidents"
        description="Incidents reported during testing, shared at once with every participating authority."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setReporting(true)} disabled={!programme}>
            Report an incident
          </Button>
        }
      />
      <Stack>
        <Group justify="space-between" align="flex-end">
          {picker}
          <Group gap={4} wrap="nowrap" role="status" aria-live="polite">
            <IconBroadcast size={16} aria-hidden />
            <Text size="sm" c="dimmed">
              {live ? `Live: ${live}` : 'New incidents appear here as they are reported'}
            </Text>
          </Group>
        </Group>
        <ErrorNotice error={error ?? list.error} onRetry={() => (error ? reload() : list.reload())} />
        {fetching || (list.fetching && !list.data) ? (
          <Center py="xl">
            <Loader aria-label="Loading the incidents" />
          </Center>
        ) : !programme ? (
          <Text>Your authority takes part in no programme yet.</Text>
        ) : (
          <>
            <IncidentList
              incidents={incidents}
              authorities={authorities}
              fresh={fresh}
              empty="No incident has been reported in this programme."
            />
            {list.hasMore && (
              <Button variant="default" w="fit-content" onClick={() => void list.loadMore()} loading={list.loadingMore}>
                Load more enrolments
              </Button>
            )}
          </>
        )}
      </Stack>

      <Dialog opened={reporting} onClose={() => setReporting(false)} title="Report an incident" size="lg">
        {reporting && (
          <ReportIncidentForm
            enrolments={reportable}
            onCancel={() => setReporting(false)}
            onReported={(incident) => {
              notifications.show({
                color: 'green',
                title: 'Incident reported',
                message: incident.description.slice(0, 120),
              });
              setReporting(false);
            }}
          />
        )}
      </Dialog>
    </>
  );
}

// On the regulator's exit report page: its own authority's exit documents on the enrolment — the
// written proof issued at its final exit decision, the exit report it writes (when it is due; the
// editor: a draft, then issued; a correction of the issued version), and every version issued, the
// superseded ones included, each to download, print and verify.
import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useQuery } from 'urql';
import { AuthorityExitDocumentsDocument, type AuthorityExitDocumentsQuery } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { DeadlineList } from '../deadlines/Deadlines';
import { TRACK_STATES } from '../review/words';
import { exitDocumentsPath, ReportVersionCard, WrittenProofCard } from './DocumentCards';
import { ExitReportEditor, type SectionsSource } from './ExitReportEditor';

// A first draft is the first ExitReportVersion the query's answer holds: name the type so it reloads.
const CONTEXT = { additionalTypenames: ['ExitReportVersion', 'WrittenProof'] };

type Own = AuthorityExitDocumentsQuery['exitReport']['authorities'][number];

/** The issued document's authored sections, as a correction starts from them. */
function sectionsOfIssued(document: unknown): SectionsSource | null {
  const sections = (document as { sections?: Record<string, unknown> } | null)?.sections;
  if (!sections) return null;
  const incidents = (sections.seriousIncidents as { incidents?: { id: string; outcome: string }[] } | undefined)
    ?.incidents;
  return {
    ...(sections as Omit<SectionsSource, 'incidentOutcomes'>),
    incidentOutcomes: (incidents ?? []).map((i) => ({ incidentId: i.id, outcome: i.outcome })),
  };
}

export function AuthorityExitDocuments({ enrolmentId }: { enrolmentId: string }) {
  const [{ data, fetching, error }, reload] = useQuery({
    query: AuthorityExitDocumentsDocument,
    variables: { enrolmentId },
    context: CONTEXT,
  });
  const refresh = useCallback(() => reload({ requestPolicy: 'network-only' }), [reload]);
  const [correcting, setCorrecting] = useState(false);
  const authority = data?.me.authority ?? null;
  const own = data?.exitReport.authorities.find((a) => a.authorityId === authority?.id) ?? null;

  return (
    <section aria-labelledby="own-exit-documents">
      <Title order={2} size="h3" id="own-exit-documents" mb="sm">
        {authority ? `Exit documents of ${authority.acronym}` : 'Your exit documents'}
      </Title>
      <ErrorNotice error={error} onRetry={refresh} />
      {fetching && !data ? (
        <Center py="md">
          <Loader size="sm" aria-label="Loading your exit documents" />
        </Center>
      ) : !data ? null : !own ? (
        <Text size="sm">Your authority has no track on this enrolment: it issues no exit documents on it.</Text>
      ) : own.trackState !== 'AUTHORISED' && own.trackState !== 'REJECTED' ? (
        <Text size="sm">
          Your track is {TRACK_STATES[own.trackState].label.toLowerCase()}: the written proof is issued, and the exit
          report written, once it has a final exit decision (authorised or rejected).
        </Text>
      ) : (
        <OwnDocuments
          own={own}
          enrolmentId={enrolmentId}
          system={data.exitReport.aiSystem.name}
          incidents={data.enrolment?.incidents ?? []}
          correcting={correcting}
          setCorrecting={setCorrecting}
          onRefresh={refresh}
        />
      )}
    </section>
  );
}

function OwnDocuments({
  own,
  enrolmentId,
  system,
  incidents,
  correcting,
  setCorrecting,
  onRefresh,
}: {
  own: Own;
  enrolmentId: string;
  system: string;
  incidents: NonNullable<AuthorityExitDocumentsQuery['enrolment']>['incidents'];
  correcting: boolean;
  setCorrecting: (correcting: boolean) => void;
  onRefresh: () => void;
}) {
  const basePath = exitDocumentsPath('regulator', enrolmentId);
  const issued = own.issuedReport;
  const versions = own.reportVersions.filter((v) => v.status !== 'DRAFT');
  const serious = incidents.filter((i) => i.severity === 'HIGH' || i.severity === 'CRITICAL');
  const editing = own.draftReport !== null || !issued || correcting;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={3} size="h4">
          Written proof
        </Title>
        {own.writtenProof ? (
          <WrittenProofCard proof={own.writtenProof} system={system} basePath={basePath} />
        ) : (
          <Text size="sm">Not issued yet.</Text>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={3} size="h4">
          Exit report
        </Title>
        <Text size="sm" c="dimmed">
          What the exit report lists — your exit criteria, their evidence, the decisions — comes from the enrolment;
          your authority writes the sections below, saves them as a draft, and issues the report: signed, and never
          changed again.
        </Text>
        <DeadlineList deadlines={own.deadline ? [own.deadline] : []} label="When the exit report is due" />
        {editing ? (
          <ExitReportEditor
            enrolmentId={enrolmentId}
            draft={own.draftReport}
            startFrom={own.draftReport ? null : sectionsOfIssued(issued?.document)}
            nextVersion={(own.reportVersions[0]?.version ?? 0) + (own.draftReport ? 0 : 1)}
            seriousIncidents={serious}
            onRefresh={onRefresh}
            onCancel={issued && !own.draftReport ? () => setCorrecting(false) : undefined}
            onIssued={() => setCorrecting(false)}
          />
        ) : (
          <Alert color="blue" variant="light" title={`Version ${issued.version} is issued`}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                It never changes. To correct it, write a new version: it starts from this one and, once issued,
                supersedes it.
              </Text>
              <Button size="xs" leftSection={<IconPencil size={14} />} onClick={() => setCorrecting(true)}>
                Start a correction
              </Button>
            </Stack>
          </Alert>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={3} size="h4">
          Issued versions
        </Title>
        {versions.length === 0 ? (
          <Text size="sm">None yet.</Text>
        ) : (
          versions.map((v) => (
            <ReportVersionCard
              key={v.id}
              version={v}
              acronym={own.acronym}
              authorityId={own.authorityId}
              system={system}
              basePath={basePath}
            />
          ))
        )}
      </Stack>
    </Stack>
  );
}

// The recognition explorer (regulators, negotiators, administrators), at /regulator/explorer and
// /negotiator/explorer: an authority's criteria resolved for a system on a day, in plain words.
// Regulators and administrators explore a recorded system they may see (recognitionStatus);
// everyone may explore a hypothetical case — a sandbridge/recognition-case@1 document loaded from a
// file or an example, its results edited — evaluated by the same engine (explainRecognitionCase).
// Moving the day from change to change shows agreements and rules come into and go out of force.
import { Group, Loader, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { lexiconOf, useBefore } from './before';
import { useQuery } from 'urql';
import { useSessionState } from '../../auth/session';
import {
  type ExplorerAuthorityFragment,
  ExplorerReferenceDocument,
  ExplorerStatusDocument,
  ExplorerSystemsDocument,
} from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { STAGES } from '../reports/words';
import { buildNames, readCase } from '../passports/words';
import { CaseExplorer } from './CaseExplorer';
import { DayControl } from './DayControl';
import { todayUtc } from './days';
import { ExplainedCriteria } from './ExplainedCriteria';
import { changeDays, type Lexicon, type Windowed } from './explain';

export function Component() {
  const { session } = useSessionState();
  const role = session?.account.role;
  const mayReadSystems = role === 'REGULATOR' || role === 'ADMIN';
  const [mode, setMode] = useState<'system' | 'case'>(mayReadSystems ? 'system' : 'case');
  const [reference, reload] = useQuery({ query: ExplorerReferenceDocument });
  const authorities = useMemo(() => reference.data?.authorities.edges.map((e) => e.node) ?? [], [reference.data]);
  const agreements = useMemo<Windowed[]>(
    () => reference.data?.agreements.edges.map((e) => e.node) ?? [],
    [reference.data],
  );

  return (
    <>
      <PageHeader
        title="Recognition explorer"
        description="Pick a system, an authority and a day: each criterion's outcome with its checks and the results considered, in plain words. Move the day to see agreements and rules come into and go out of force."
      />
      <ErrorNotice error={reference.error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
      {!reference.data ? (
        reference.fetching && <Loader aria-label="Loading the authorities and agreements" />
      ) : (
        <Stack gap="lg">
          {mayReadSystems ? (
            <SegmentedControl
              aria-label="What to explore"
              value={mode}
              onChange={(value) => setMode(value as typeof mode)}
              data={[
                { value: 'system', label: 'A recorded system' },
                { value: 'case', label: 'A hypothetical case' },
              ]}
              w="fit-content"
            />
          ) : (
            <Text size="sm" c="dimmed">
              Negotiators see no recorded system: explore a hypothetical case — an example, or a recognition case file —
              and edit its results.
            </Text>
          )}
          {mode === 'system' ? (
            <RecordedExplorer authorities={authorities} agreements={agreements} actsFor={session?.account.actsFor} />
          ) : (
            <CaseExplorer authorities={authorities} agreements={agreements} />
          )}
        </Stack>
      )}
    </>
  );
}

function RecordedExplorer({
  authorities,
  agreements,
  actsFor,
}: {
  authorities: ExplorerAuthorityFragment[];
  agreements: Windowed[];
  actsFor: string | null | undefined;
}) {
  const [systemsQuery, reloadSystems] = useQuery({ query: ExplorerSystemsDocument });
  const systems = useMemo(() => {
    const seen = new Map<string, { value: string; label: string }>();
    for (const { node } of systemsQuery.data?.enrolments.edges ?? [])
      if (!seen.has(node.aiSystem.id))
        seen.set(node.aiSystem.id, { value: node.aiSystem.id, label: node.aiSystem.name });
    return [...seen.values()].sort((a, b) => a.label.localeCompare(b.label));
  }, [systemsQuery.data]);
  // A regulator acts for "Name (ACRONYM)": its own authority is the first choice.
  const own = authorities.find((a) => actsFor === `${a.name} (${a.acronym})` || actsFor === a.acronym);
  const [systemId, setSystemId] = useState<string | null>(null);
  const [authorityId, setAuthorityId] = useState<string | null>(own?.id ?? authorities[0]?.id ?? null);
  const [day, setDay] = useState(todayUtc);
  const chosenSystem = systemId ?? systems[0]?.value ?? null;
  const days = useMemo(() => changeDays(agreements), [agreements]);

  const [{ data, fetching, error }, reload] = useQuery({
    query: ExplorerStatusDocument,
    variables: { aiSystemId: chosenSystem ?? '', authorityId: authorityId ?? '', asOf: day },
    pause: !chosenSystem || !authorityId,
  });
  const status =
    data?.recognitionStatus.aiSystemId === chosenSystem &&
    data.recognitionStatus.authorityId === authorityId &&
    data.recognitionStatus.asOf === day
      ? data.recognitionStatus
      : undefined;
  const authority = authorities.find((a) => a.id === authorityId);
  const outcomes = useMemo(
    () => (status ? new Map(status.criteria.map((c) => [c.criterion.id, c.outcome])) : undefined),
    [status],
  );
  const before = useBefore(`${chosenSystem}/${authorityId}`, status?.asOf, outcomes, agreements);

  const caseNames = useMemo(() => readCase(status ? data?.recognitionCase : undefined), [status, data]);
  const names = useMemo(
    () =>
      buildNames({
        authorities,
        criteria: status?.criteria.map((c) => c.criterion) ?? [],
        caseNames,
        agreements: agreements.map((a) => ({
          id: a.id,
          name: a.name,
          rules: a.rules.map((r) => ({ id: r.id, name: r.name ?? r.id })),
        })),
      }),
    [authorities, status, caseNames, agreements],
  );
  const lexicon: Lexicon | null =
    status && authority ? lexiconOf(status.asOf, authority.jurisdiction.code, names, agreements) : null;

  return (
    <Stack gap="lg">
      <ErrorNotice error={systemsQuery.error} onRetry={() => reloadSystems({ requestPolicy: 'network-only' })} />
      <Group align="flex-end" gap="sm">
        <Select
          label="AI system"
          description="The systems enrolled in your authority's programmes"
          data={systems}
          value={chosenSystem}
          onChange={setSystemId}
          allowDeselect={false}
          searchable
          nothingFoundMessage="No such system"
          w={{ base: '100%', sm: 320 }}
          disabled={!systems.length}
        />
        <Select
          label="Authority"
          description="Whose criteria"
          data={authorities.map((a) => ({ value: a.id, label: `${a.acronym} (${a.jurisdiction.code})` }))}
          value={authorityId}
          onChange={setAuthorityId}
          allowDeselect={false}
          searchable
          w={{ base: '100%', sm: 220 }}
        />
        <DayControl day={day} days={days} onChange={setDay} />
      </Group>
      {systemsQuery.data && !systems.length && (
        <Text size="sm">No system is enrolled in a programme you may see: explore a hypothetical case instead.</Text>
      )}
      <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
      {fetching && !status ? (
        <Loader aria-label="Loading the recognition status" />
      ) : status && lexicon && authority ? (
        <ExplainedCriteria
          authority={authority.acronym}
          lexicon={lexicon}
          names={names}
          before={before}
          rows={status.criteria.map((c) => ({
            id: c.criterion.id,
            title: c.criterion.title,
            detail: `${STAGES[c.criterion.stage as keyof typeof STAGES] ?? ''} · ${c.criterion.key}`,
            resolution: c,
          }))}
        />
      ) : null}
    </Stack>
  );
}

// One authority of a system's recognition passport (innovator), at
// /innovator/passports/:systemId/:authorityId: each of the authority's active criteria with its
// outcome and the engine's explanation — the checks, and every result considered (candidates) with
// its own checks (recognitionStatus) — and the tests still needed there (the passport's testsNeeded),
// with a way to report them when the system is in testing with that authority. The ids in the
// explanations are named from the recognition case and the agreements; the case can be downloaded
// and replayed offline (`npm run -s recognise -- FILE`).
import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Box,
  Breadcrumbs,
  Button,
  Center,
  Group,
  List,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconSend } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import {
  RecognitionDetailDocument,
  type RecognitionDetailQuery,
  RecognitionNamesDocument,
  RecognitionPassportDocument,
  type ShownRecognitionOutcome,
  SystemEnrolmentsInTestingDocument,
} from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Checks, ConsideredResults } from './Checks';
import { PageHeader } from '../../ui/PageHeader';
import { STAGES } from '../reports/words';
import {
  buildNames,
  describeResult,
  type Names,
  readCase,
  RECOGNITION_OUTCOMES,
  shortId,
  supplementaryOf,
} from './words';

type Resolution = NonNullable<RecognitionDetailQuery['recognitionStatus']>['criteria'][number];

const OUTCOME_ORDER: ShownRecognitionOutcome[] = [
  'GAP',
  'RECOGNISED_WITH_CONDITIONS',
  'RECOGNISED',
  'SATISFIED_LOCALLY',
  'NOT_APPLICABLE',
  'WITHHELD',
];

export function Component() {
  const { systemId = '', authorityId = '' } = useParams();
  const variables = { aiSystemId: systemId, authorityId };
  const [{ data, fetching, error }, reload] = useQuery({
    query: RecognitionDetailDocument,
    variables,
    requestPolicy: 'cache-and-network',
  });
  const [passport] = useQuery({
    query: RecognitionPassportDocument,
    variables: { aiSystemId: systemId },
    requestPolicy: 'cache-and-network',
  });
  const [namesQuery] = useQuery({ query: RecognitionNamesDocument, variables });
  const [enrolments] = useQuery({ query: SystemEnrolmentsInTestingDocument, variables: { aiSystemId: systemId } });
  const [filter, setFilter] = useState<'ALL' | ShownRecognitionOutcome>('ALL');

  // What an earlier address (another system or authority) loaded is never shown under this one.
  const current =
    data?.recognitionStatus.aiSystemId === systemId && data.recognitionStatus.authorityId === authorityId
      ? data
      : undefined;
  const status = current?.recognitionStatus;
  const entry = passport.data?.recognitionPassport.authorities.find((e) => e.authority.id === authorityId);
  const names = useMemo(
    () =>
      buildNames({
        authorities: passport.data?.recognitionPassport.authorities.map((e) => e.authority) ?? [],
        criteria: status?.criteria.map((c) => c.criterion) ?? [],
        caseNames: readCase(namesQuery.data?.recognitionCase),
        agreements: namesQuery.data?.agreements.edges.map((e) => e.node) ?? [],
      }),
    [passport.data, status, namesQuery.data],
  );
  const system = current?.aiSystem;
  const authority = current?.authority;
  // Enrolments of this system in testing where this authority admitted it: where the tests still
  // needed can be reported.
  const reportable =
    enrolments.data?.enrolments.edges
      .map((e) => e.node)
      .filter((e) => e.tracks.some((t) => t.authority.id === authorityId && t.state === 'ADMITTED')) ?? [];

  const counts = new Map<ShownRecognitionOutcome, number>();
  for (const c of status?.criteria ?? []) counts.set(c.outcome, (counts.get(c.outcome) ?? 0) + 1);
  const shown = (status?.criteria ?? []).filter((c) => filter === 'ALL' || c.outcome === filter);

  function download() {
    const document = namesQuery.data?.recognitionCase;
    if (!document) return;
    const blob = new Blob([`${JSON.stringify(document, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = window.document.createElement('a');
    link.href = url;
    link.download = `recognition-case-${authority?.acronym.replace(/\W+/g, '-').toLowerCase() ?? authorityId}-${status?.asOf ?? 'today'}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  return (
    <>
      <Box component="nav" aria-label="Breadcrumb" mb="xs">
        <Breadcrumbs>
          <Anchor component={Link} to="/innovator/passports" size="sm">
            Recognition passports
          </Anchor>
          <Anchor component={Link} to={`/innovator/passports?system=${systemId}`} size="sm">
            {system?.name ?? 'AI system'}
          </Anchor>
        </Breadcrumbs>
      </Box>
      <PageHeader
        title={system && authority ? `${system.name} at ${authority.acronym}` : 'Recognition at an authority'}
        description={
          authority && status
            ? `${authority.name} (${authority.jurisdiction.name}): each active criterion as of ${status.asOf} (UTC), with why.`
            : undefined
        }
        actions={
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={download}
            disabled={!namesQuery.data}
          >
            Download the recognition case
          </Button>
        }
      />
      <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
      {fetching && !current ? (
        <Center py="xl">
          <Loader aria-label="Loading the criteria" />
        </Center>
      ) : current && (!system || !authority) ? (
        <Alert color="red" variant="light" title="Not found, or not yours to see">
          <Text size="sm">There is no such AI system of your organisation, or no such authority.</Text>
        </Alert>
      ) : status ? (
        <Stack gap="xl">
          <Stack gap="sm" component="section" aria-labelledby="tests-needed">
            <Title order={2} size="h3" id="tests-needed">
              Tests still needed
            </Title>
            <ErrorNotice error={passport.error} />
            {!entry ? (
              passport.fetching ? (
                <Loader size="sm" aria-label="Loading the tests still needed" />
              ) : null
            ) : entry.testsNeeded.length === 0 ? (
              <Text size="sm">
                None: every criterion of {authority!.acronym} that applies is met here or recognised in full
                {entry.withheld ? ' (or decided by a result you may not read)' : ''}.
              </Text>
            ) : (
              <>
                <Text size="sm">
                  {entry.testsNeeded.length} of {authority!.acronym}&apos;s criteria still need a test: the gaps, and
                  the criteria recognised only with conditions.
                </Text>
                <List size="sm" spacing={4}>
                  {entry.testsNeeded.map((c) => (
                    <List.Item key={c.id}>
                      <Text span size="sm" fw={500}>
                        {c.title}
                      </Text>{' '}
                      <Text span size="xs" c="dimmed">
                        {STAGES[c.stage]} · {c.key}
                      </Text>
                    </List.Item>
                  ))}
                </List>
                {reportable.length > 0 ? (
                  <Group gap="sm">
                    {reportable.map((e) => (
                      <Button
                        key={e.id}
                        component={Link}
                        to={`/innovator/enrolments/${e.id}/report?submittedTo=${authorityId}`}
                        leftSection={<IconSend size={16} />}
                        variant="light"
                      >
                        Submit a test report to {authority!.acronym} ({e.programme.name})
                      </Button>
                    ))}
                  </Group>
                ) : (
                  enrolments.data && (
                    <Text size="sm" c="dimmed">
                      No enrolment of this system is in testing with {authority!.acronym}: enrol it in a programme{' '}
                      {authority!.acronym} runs to test there.
                    </Text>
                  )
                )}
              </>
            )}
          </Stack>

          <Stack gap="sm" component="section" aria-labelledby="criteria">
            <Title order={2} size="h3" id="criteria">
              Criteria
            </Title>
            {status.criteria.length === 0 ? (
              <Text size="sm">{authority!.acronym} has no active criteria.</Text>
            ) : (
              <>
                <SegmentedControl
                  aria-label="Show criteria"
                  value={filter}
                  onChange={(value) => setFilter(value as typeof filter)}
                  data={[
                    { value: 'ALL', label: `All (${status.criteria.length})` },
                    ...OUTCOME_ORDER.filter((o) => counts.get(o)).map((o) => ({
                      value: o,
                      label: `${RECOGNITION_OUTCOMES[o].plural} (${counts.get(o)})`,
                    })),
                  ]}
                  w="fit-content"
                  style={{ flexWrap: 'wrap' }}
                />
                <Accordion multiple variant="separated" chevronPosition="left">
                  {shown.map((resolution) => (
                    <CriterionItem
                      key={resolution.criterion.id}
                      resolution={resolution}
                      names={names}
                      jurisdiction={authority!.jurisdiction.code}
                    />
                  ))}
                </Accordion>
              </>
            )}
          </Stack>
        </Stack>
      ) : null}
    </>
  );
}

function CriterionItem({
  resolution,
  names,
  jurisdiction,
}: {
  resolution: Resolution;
  names: Names;
  jurisdiction: string;
}) {
  const { criterion, outcome } = resolution;
  const words = RECOGNITION_OUTCOMES[outcome];
  return (
    <Accordion.Item value={criterion.id}>
      <Accordion.Control>
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Stack gap={0}>
            <Text fw={500}>{criterion.title}</Text>
            <Text size="xs" c="dimmed">
              {STAGES[criterion.stage]} · {criterion.key}
            </Text>
          </Stack>
          <Badge color={words.color} variant="light" style={{ flexShrink: 0 }}>
            {words.label}
          </Badge>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="md">
          <Explanation resolution={resolution} names={names} jurisdiction={jurisdiction} />
          {resolution.checks.length > 0 && (
            <Checks checks={resolution.checks} names={names} caption={`Checks for ${criterion.title}`} />
          )}
          {resolution.candidates.length > 0 && (
            <ConsideredResults
              names={names}
              candidates={resolution.candidates.map((candidate) => {
                const result = names.result(candidate.result);
                return {
                  result: candidate.result,
                  label: result ? describeResult(result, names) : `Result ${shortId(candidate.result)}`,
                  chosen: candidate.result === resolution.result,
                  checks: candidate.checks,
                  caption: `Checks of the result ${result ? `tested in ${result.testedIn} on ${result.testedAt}` : shortId(candidate.result)}`,
                };
              })}
            />
          )}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

/** The outcome in a sentence, from what the resolution carries. */
function Explanation({
  resolution,
  names,
  jurisdiction,
}: {
  resolution: Resolution;
  names: Names;
  jurisdiction: string;
}) {
  const result = resolution.result ? names.result(resolution.result) : undefined;
  const rule =
    resolution.agreement && resolution.rule ? names.rule(resolution.agreement, resolution.rule, true) : undefined;
  const supplementary = supplementaryOf(resolution.supplementary);
  const considered = resolution.candidates.length;
  switch (resolution.outcome) {
    case 'SATISFIED_LOCALLY':
      return (
        <Text size="sm">
          Met by a passing result of yours tested in {jurisdiction}
          {result ? `: ${describeResult(result, names)}` : '.'}
        </Text>
      );
    case 'RECOGNISED':
    case 'RECOGNISED_WITH_CONDITIONS':
      return (
        <Stack gap="xs">
          <Text size="sm">
            {resolution.outcome === 'RECOGNISED' ? 'Recognised in full' : 'Recognised with conditions'}
            {rule ? ` through ${rule}` : ''}
            {result ? `. ${describeResult(result, names)}` : '.'}
          </Text>
          {resolution.divergent && (
            <Alert color="yellow" variant="light" title="Divergent">
              <Text size="sm">
                Recognised as equivalent although the value misses this authority&apos;s own threshold.
              </Text>
            </Alert>
          )}
          {resolution.outcome === 'RECOGNISED_WITH_CONDITIONS' && (
            <Alert color="yellow" variant="light" title="Still to do">
              <Stack gap={4}>
                <Text size="sm">
                  {supplementary.text ?? 'The rule recognises it only in part: the rest still needs a test here.'}
                </Text>
                {supplementary.criteria.length > 0 && (
                  <Text size="sm">
                    To test in addition: {supplementary.criteria.map((id) => names.of(id) ?? shortId(id)).join(', ')}.
                  </Text>
                )}
              </Stack>
            </Alert>
          )}
        </Stack>
      );
    case 'GAP':
      return (
        <Text size="sm">
          A gap: no passing result of yours tested in {jurisdiction}, and no result from abroad recognised through an
          agreement in force.{' '}
          {considered
            ? `${considered} ${considered === 1 ? 'result was' : 'results were'} considered: see why ${considered === 1 ? 'it does' : 'they do'} not count below.`
            : 'No result of yours corresponds to this criterion.'}
        </Text>
      );
    case 'NOT_APPLICABLE':
      return (
        <Text size="sm">Does not apply to this system (its sector or risk class is outside the criterion&apos;s).</Text>
      );
    case 'WITHHELD':
      return (
        <Text size="sm">
          Decided by a result in a report you may not read (a confidential report of another authority): its outcome is
          not shown.
        </Text>
      );
  }
}

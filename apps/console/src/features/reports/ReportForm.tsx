// The test report form. One row per TESTING and EXIT criterion of the enrolment's testing tracks (a
// value, an evidence reference with its SHA-256, or an attestation, by the criterion's kind); blank
// rows are not reported. Evidence may be a file of the organisation's library, chosen or uploaded at
// the row (EvidencePicker): its id goes with the result and the API checks the stated hash is its. As the person types, the server evaluates the report (previewTestReport,
// debounced): each result's outcome is shown at its row, and what the report would change on each
// track below. The API validates: a refused submission's problems land at their fields.
//
// Retry-safe: the form has one idempotency key, made when it opens and kept across retries, so a
// submission whose answer was lost can be sent again and returns the first report.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileButton,
  Fieldset,
  Grid,
  Group,
  List,
  Loader,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFileDigit, IconSend } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { errorCode, fieldProblems, sentence } from '../../api/errors';
import { useFormMutation } from '../../api/useFormMutation';
import {
  type PreviewTestReportInput,
  PreviewTestReportDocument,
  type PreviewTestReportQuery,
  type ReportEnrolmentQuery,
  SubmitTestReportDocument,
} from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { withChosenEvidence } from '../evidence/choice';
import { type ChosenEvidence, EvidencePicker } from '../evidence/EvidencePicker';
import {
  emptyRow,
  isReported,
  newIdempotencyKey,
  type ReportValues,
  reportInput,
  rowPath,
  sha256Hex,
} from './report-input';
import { ReportOutlook } from './ReportOutlook';
import { CONFIDENTIALITY, CRITERION_OUTCOMES, requirement, RESULT_OUTCOMES, STAGES, utcToday } from './words';

type Enrolment = NonNullable<ReportEnrolmentQuery['enrolment']>;
type Track = Enrolment['tracks'][number];
type Evaluation = Track['testing'][number];
type Preview = PreviewTestReportQuery['previewTestReport'];

/** Tracks whose authority is testing the system: their criteria get a row (as the preview's tracks). */
const TESTING_TRACKS = ['ADMITTED', 'SUSPENDED'];
/** How long typing pauses before the server is asked again. */
const PREVIEW_DELAY_MS = 400;

interface Row {
  track: Track;
  stage: 'TESTING' | 'EXIT';
  evaluation: Evaluation;
}

function rowsOf(enrolment: Enrolment): Row[] {
  return enrolment.tracks
    .filter((track) => TESTING_TRACKS.includes(track.state))
    .flatMap((track) => [
      ...track.testing.map((evaluation) => ({ track, stage: 'TESTING' as const, evaluation })),
      ...track.exit.map((evaluation) => ({ track, stage: 'EXIT' as const, evaluation })),
    ]);
}

/** The form's field names in words, for the preview's problems. */
const FIELD_NAMES: Record<string, string> = {
  submittedTo: 'Submitted to',
  confidentiality: 'Confidentiality',
  testedIn: 'Where tested',
  periodStart: 'Period start',
  periodEnd: 'Period end',
  'lab.name': 'Lab name',
  'lab.accredited': 'Accredited',
  'lab.accreditationBody': 'Accreditation body',
  'method.id': 'Method',
  'method.version': 'Method version',
  results: 'Results',
};
const RESULT_FIELDS: Record<string, string> = {
  value: 'value',
  evidenceReference: 'evidence reference',
  evidenceSha256: 'SHA-256',
  evidenceId: 'evidence file',
  attested: 'attestation',
};

export function ReportForm({
  enrolment,
  jurisdictions,
  initialSubmittedTo,
  onRefresh,
}: {
  enrolment: Enrolment;
  jurisdictions: { code: string; name: string }[];
  /** An authority to preselect (e.g. from a passport's "tests still needed"). */
  initialSubmittedTo?: string | null;
  /** Reloads the enrolment (after a CONFLICT, to find the report this form's key already made). */
  onRefresh: () => void;
}) {
  const navigate = useNavigate();
  // The rows are fixed when the form opens (the form's values are one per row); the enrolment's later
  // reloads only update what each row shows as its current outcome.
  const [rows] = useState(() => rowsOf(enrolment));
  const current = useMemo(() => new Map(rowsOf(enrolment).map((r) => [r.evaluation.criterion.id, r])), [enrolment]);
  const kinds = useMemo(
    () => new Map(rows.map((r) => [r.evaluation.criterion.id, r.evaluation.criterion.kind])),
    [rows],
  );
  const authorities = enrolment.tracks
    .filter((t) => t.state === 'ADMITTED')
    .map((t) => ({ value: t.authority.id, label: `${t.authority.acronym} — ${t.authority.name}` }));
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);

  const form = useForm<ReportValues>({
    initialValues: (() => {
      const submittedTo =
        authorities.find((a) => a.value === initialSubmittedTo)?.value ??
        (authorities.length === 1 ? authorities[0].value : '');
      const home = enrolment.tracks.find((t) => t.authority.id === submittedTo)?.authority.jurisdiction.code;
      return {
        submittedTo,
        confidentiality: 'PARTICIPANTS',
        testedIn: home ?? '',
        periodStart: enrolment.testingStartedAt?.slice(0, 10) ?? utcToday(),
        periodEnd: utcToday(),
        lab: { name: '', accredited: false, accreditationBody: '' },
        method: { id: '', version: '' },
        results: rows.map((r) => emptyRow(r.evaluation.criterion.id)),
      };
    })(),
  });

  // The preview: the same input as a submission (less the key), sent once typing pauses.
  const input = useMemo(
    () => reportInput(enrolment.id, form.values, (id) => kinds.get(id)),
    [enrolment.id, form.values, kinds],
  );
  const json = input.results.length ? JSON.stringify(input) : '';
  const [debounced] = useDebouncedValue(json, PREVIEW_DELAY_MS);
  const previewInput = useMemo(
    () => (debounced ? (JSON.parse(debounced) as PreviewTestReportInput) : null),
    [debounced],
  );
  const [preview] = useQuery({
    query: PreviewTestReportDocument,
    variables: { input: previewInput! },
    pause: !previewInput,
    requestPolicy: 'network-only',
  });
  const lastPreview = useRef<{ input: PreviewTestReportInput; preview: Preview } | null>(null);
  if (preview.data && previewInput && !preview.error)
    lastPreview.current = { input: previewInput, preview: preview.data.previewTestReport };
  const evaluating = json !== '' && (json !== debounced || preview.fetching);
  const shown = json === '' || preview.error ? null : lastPreview.current;

  // The submission. The API's problems name positions among the results sent: rowPath maps them to rows.
  const sent = useRef<{ criterionId: string | number }[]>([]);
  const fieldTarget = {
    getValues: () => form.getValues(),
    setFieldError: (path: string, message: string) =>
      form.setFieldError(rowPath(path, sent.current, form.getValues().results), message),
  };
  const submission = useFormMutation(SubmitTestReportDocument, fieldTarget);
  const conflict = errorCode(submission.problem?.error) === 'CONFLICT';
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!submission.problem) return;
    if (conflict) onRefresh();
    // Take keyboard and screen-reader users to the first field the API refused.
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [submission.problem]);

  async function save(values: ReportValues) {
    if (submission.submitting) return;
    const payload = reportInput(enrolment.id, values, (id) => kinds.get(id));
    sent.current = payload.results;
    // Made under the plan version in force as shown above the form: a later one agreed meanwhile is refused.
    const planVersion = enrolment.plan?.inForce ? enrolment.plan.version : null;
    const data = await submission.submit({ input: { ...payload, idempotencyKey, planVersion } });
    if (!data) return;
    const report = data.submitTestReport;
    notifications.show({
      color: 'green',
      title: 'Test report submitted',
      message: `${report.resultCount} ${report.resultCount === 1 ? 'result' : 'results'} to ${report.submittedTo.acronym}`,
    });
    navigate(`/innovator/enrolments/${enrolment.id}/reports/${report.id}`);
  }

  const conflicting = conflict ? enrolment.testReports.find((r) => r.idempotencyKey === idempotencyKey) : undefined;

  // Rows grouped by track and stage, as headed sections.
  const groups: { title: string; indices: number[] }[] = [];
  rows.forEach((row, index) => {
    const title = `${row.track.authority.acronym} · ${STAGES[row.stage]} criteria`;
    const group = groups.at(-1);
    if (group?.title === title) group.indices.push(index);
    else groups.push({ title, indices: [index] });
  });

  // Criteria already met or not applicable are usually not tested again: shown on request (or once filled in).
  const [showSettled, setShowSettled] = useState(false);
  const settled = (index: number) => {
    const now = (current.get(rows[index].evaluation.criterion.id) ?? rows[index]).evaluation.outcome;
    return (now === 'MET' || now === 'NOT_APPLICABLE') && !isReported(form.values.results[index]);
  };
  const settledCount = rows.filter((_, index) => settled(index)).length;
  const visible = (index: number) => showSettled || !settled(index);

  const previewProblems = fieldProblems(preview.error).map((problem) => ({
    where: problemField(problem.path, previewInput, rows),
    message: sentence(problem.message),
  }));
  const counts = shown?.preview;

  return (
    <form ref={formRef} onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack gap="lg">
        <Fieldset legend="The report">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="Submitted to"
                description="An authority that admitted the system (not suspended)"
                placeholder="Choose an authority"
                data={authorities}
                allowDeselect={false}
                withAsterisk
                {...form.getInputProps('submittedTo')}
              />
              <Select
                label="Where tested"
                description="The jurisdiction where the tests ran"
                placeholder="Choose a jurisdiction"
                data={jurisdictions.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }))}
                searchable
                allowDeselect={false}
                withAsterisk
                {...form.getInputProps('testedIn')}
              />
              <TextInput type="date" label="Period start" withAsterisk {...form.getInputProps('periodStart')} />
              <TextInput
                type="date"
                label="Period end"
                description="Recognition dates a result by its report's period end"
                withAsterisk
                {...form.getInputProps('periodEnd')}
              />
            </SimpleGrid>
            <Radio.Group
              label="Confidentiality"
              description="Who may read the report, and so which tracks it counts toward"
              withAsterisk
              {...form.getInputProps('confidentiality')}
            >
              <Stack gap="xs" mt="xs">
                {CONFIDENTIALITY.map((c) => (
                  <Radio key={c.value} value={c.value} label={c.label} description={c.description} />
                ))}
              </Stack>
            </Radio.Group>
          </Stack>
        </Fieldset>

        <Fieldset legend="Lab and method">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Lab name" withAsterisk {...form.getInputProps('lab.name')} />
            <TextInput
              label="Accreditation body"
              description="e.g. SAC, UKAS or DAkkS; leave blank if none"
              {...form.getInputProps('lab.accreditationBody')}
            />
            <Checkbox
              label="The lab is accredited"
              mt="xs"
              {...form.getInputProps('lab.accredited', { type: 'checkbox' })}
            />
            <div />
            <TextInput
              label="Method"
              description="A standard clause id or a method id, e.g. ISO42001:A.6.2.4"
              withAsterisk
              {...form.getInputProps('method.id')}
            />
            <TextInput label="Method version" {...form.getInputProps('method.version')} />
          </SimpleGrid>
        </Fieldset>

        <Stack gap="sm" component="section" aria-labelledby="report-results">
          <Title order={2} size="h3" id="report-results">
            Results
          </Title>
          <Text size="sm" c="dimmed">
            One result per criterion of the tracks in testing: a measured value, evidence (a file from your library or
            uploaded here, or a reference with the SHA-256 of its content), or an attestation. Leave a criterion blank
            to report nothing on it. Each result is evaluated by the server as you type.
          </Text>
          {settledCount > 0 && (
            <Switch
              label={`Show the ${settledCount} ${settledCount === 1 ? 'criterion' : 'criteria'} already met or not applicable`}
              checked={showSettled}
              onChange={(event) => setShowSettled(event.currentTarget.checked)}
            />
          )}
          {typeof form.errors.results === 'string' && (
            <Text c="red" size="sm" role="alert">
              {form.errors.results}
            </Text>
          )}
          {groups.map((group) => (
            <Stack key={group.title} gap="sm">
              <Title order={3} size="h4">
                {group.title}
              </Title>
              {!group.indices.some(visible) && (
                <Text size="sm" c="dimmed">
                  Every criterion here is already met or does not apply.
                </Text>
              )}
              {group.indices.filter(visible).map((index) => (
                <ResultFields
                  key={rows[index].evaluation.criterion.id}
                  index={index}
                  row={current.get(rows[index].evaluation.criterion.id) ?? rows[index]}
                  form={form}
                  outcome={
                    isReported(form.values.results[index])
                      ? shown?.preview.results.find((r) => r.criterion.id === rows[index].evaluation.criterion.id)
                      : undefined
                  }
                  evaluating={evaluating}
                  refused={Boolean(preview.error)}
                />
              ))}
            </Stack>
          ))}
        </Stack>

        <Stack gap="sm" component="section" aria-labelledby="report-outlook">
          <Title order={2} size="h3" id="report-outlook">
            What this report would change
          </Title>
          {json === '' ? (
            <Text size="sm">Enter a result to see how each track&apos;s criteria would stand with this report.</Text>
          ) : preview.error && errorCode(preview.error) === 'BAD_USER_INPUT' ? (
            <Alert
              color="yellow"
              variant="light"
              title="The server cannot evaluate this report yet"
              icon={<IconAlertTriangle aria-hidden size={20} />}
            >
              <List size="sm">
                {previewProblems.map((p) => (
                  <List.Item key={`${p.where}: ${p.message}`}>
                    {p.where ? `${p.where}: ` : ''}
                    {p.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : preview.error ? (
            <ErrorNotice error={preview.error} />
          ) : shown ? (
            <ReportOutlook tracks={shown.preview.tracks} updating={evaluating} />
          ) : (
            <Loader size="sm" aria-label="Evaluating the report" />
          )}
        </Stack>

        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            {conflict ? (
              <Alert color="orange" variant="light" title="This form already submitted a different report">
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">
                    A report was submitted from this form before, with other content; submitting the changed report
                    would make a second one. Look at the first, or start a new report from this form.
                  </Text>
                  <Group gap="sm">
                    {conflicting && (
                      <Anchor
                        component={Link}
                        to={`/innovator/enrolments/${enrolment.id}/reports/${conflicting.id}`}
                        size="sm"
                      >
                        See the report already submitted
                      </Anchor>
                    )}
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        setIdempotencyKey(newIdempotencyKey());
                        submission.clearProblem();
                      }}
                    >
                      Make this a new report
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            ) : (
              <ErrorNotice error={submission.problem?.error} unplaced={submission.problem?.unplaced} />
            )}
            <Group justify="space-between" align="center" wrap="wrap">
              <Text size="sm" role="status">
                {json === ''
                  ? 'No result entered yet.'
                  : counts && !preview.error
                    ? `${input.results.length} ${input.results.length === 1 ? 'result' : 'results'} — as evaluated now: ${counts.passed} pass, ${counts.failed} fail, ${counts.insufficientEvidence} insufficient evidence.`
                    : `${input.results.length} ${input.results.length === 1 ? 'result' : 'results'}.`}
              </Text>
              <Group gap="sm">
                <Button variant="default" component={Link} to={`/innovator/enrolments/${enrolment.id}`}>
                  Cancel
                </Button>
                <Button type="submit" leftSection={<IconSend size={16} />} loading={submission.submitting}>
                  Submit the report
                </Button>
              </Group>
            </Group>
            <Text size="xs" c="dimmed">
              Submission key {idempotencyKey}: sending this form again (say, after a lost connection) returns the report
              it already made, never a second one.
            </Text>
          </Stack>
        </Paper>
      </Stack>
    </form>
  );
}

type ReportForm = ReturnType<typeof useForm<ReportValues>>;

/** One criterion's result: what it asks, what it stands at now, the inputs of its kind, and the outcome the server gives it. */
function ResultFields({
  index,
  row,
  form,
  outcome,
  evaluating,
  refused,
}: {
  index: number;
  row: Row;
  form: ReportForm;
  outcome: Preview['results'][number] | undefined;
  evaluating: boolean;
  /** The last preview was refused (its problems are listed below the results). */
  refused: boolean;
}) {
  const { criterion, mandatory, outcome: now } = row.evaluation;
  const path = `results.${index}`;
  // A problem with the whole result (nothing given, an unknown criterion) is shown at its first input.
  const rowError = form.errors[`${path}.criterionId`] ?? form.errors[path];
  const reported = isReported(form.values.results[index]);
  const [hashing, setHashing] = useState(false);
  const chosenRef = useRef<ChosenEvidence | null>(null);

  /** A file chosen (or uploaded): its id and hash fill the result, its title the reference unless one was typed. */
  function chooseEvidence(evidence: ChosenEvidence | null) {
    const next = withChosenEvidence(form.getValues().results[index], chosenRef.current, evidence);
    form.setFieldValue(`${path}.evidenceId`, next.evidenceId);
    form.setFieldValue(`${path}.evidenceSha256`, next.evidenceSha256);
    form.setFieldValue(`${path}.evidenceReference`, next.evidenceReference);
    chosenRef.current = evidence;
  }

  async function hashFile(file: File | null) {
    if (!file) return;
    setHashing(true);
    try {
      form.setFieldValue(`${path}.evidenceSha256`, await sha256Hex(file));
    } finally {
      setHashing(false);
    }
  }

  return (
    <Fieldset legend={criterion.title} variant="filled" radius="md">
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap={6}>
            <Text size="sm">{requirement(criterion)}</Text>
            <Group gap={6}>
              <Badge size="sm" variant="light" color={mandatory ? 'blue' : 'gray'}>
                {mandatory ? 'Mandatory' : 'Optional'}
              </Badge>
              <Text size="xs" c="dimmed">
                {criterion.key}
              </Text>
            </Group>
            <Group gap={6}>
              <Text size="xs">Now:</Text>
              <Badge size="sm" variant="light" color={CRITERION_OUTCOMES[now].color}>
                {CRITERION_OUTCOMES[now].label}
              </Badge>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {criterion.kind === 'METRIC' ? (
            <NumberInput
              label={`Value${criterion.unit ? ` (${criterion.unit})` : ''}`}
              hideControls
              {...form.getInputProps(`${path}.value`)}
              error={form.errors[`${path}.value`] ?? rowError}
            />
          ) : criterion.kind === 'EVIDENCE' ? (
            <Stack gap="xs">
              <EvidencePicker
                label={criterion.title}
                value={form.values.results[index].evidenceId}
                onChange={(evidence) => chooseEvidence(evidence)}
                error={form.errors[`${path}.evidenceId`]}
                defaultEffectiveDay={form.values.periodEnd}
              />
              <TextInput
                label="Evidence reference"
                description="Defaults to the chosen file's title"
                placeholder="e.g. dms://reports/explainability-2026.pdf"
                {...form.getInputProps(`${path}.evidenceReference`)}
                error={form.errors[`${path}.evidenceReference`] ?? rowError}
              />
              <TextInput
                label="SHA-256 of the evidence"
                description="64 lower-case hexadecimal characters"
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                {...form.getInputProps(`${path}.evidenceSha256`)}
              />
              {typeof crypto !== 'undefined' && crypto.subtle && (
                <FileButton onChange={(file) => void hashFile(file)}>
                  {(props) => (
                    <Button
                      {...props}
                      size="xs"
                      variant="subtle"
                      leftSection={<IconFileDigit size={14} />}
                      loading={hashing}
                      w="fit-content"
                      aria-label={`Compute the SHA-256 of a file for ${criterion.title}`}
                    >
                      Compute the SHA-256 of a file
                    </Button>
                  )}
                </FileButton>
              )}
            </Stack>
          ) : (
            <Select
              label="Attestation"
              placeholder="Not reported"
              data={[
                { value: 'true', label: 'Yes: attested' },
                { value: 'false', label: 'No: not attested' },
              ]}
              clearable
              clearButtonProps={{ 'aria-label': `Clear the attestation for ${criterion.title}` }}
              {...form.getInputProps(`${path}.attested`)}
              value={form.values.results[index].attested || null}
              onChange={(value) => form.setFieldValue(`${path}.attested`, value ?? '')}
              error={form.errors[`${path}.attested`] ?? rowError}
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              If submitted
            </Text>
            {!reported ? (
              <Text size="sm" c="dimmed">
                Not reported
              </Text>
            ) : outcome ? (
              <>
                <Group gap={6}>
                  <Badge color={RESULT_OUTCOMES[outcome.outcome].color} variant="light" size="lg">
                    {RESULT_OUTCOMES[outcome.outcome].label}
                  </Badge>
                  {evaluating && <Loader size="xs" aria-label="Evaluating" />}
                </Group>
                <Text size="xs">{outcome.detail}</Text>
              </>
            ) : evaluating ? (
              <Loader size="xs" aria-label="Evaluating" />
            ) : refused ? (
              <Text size="sm" c="dimmed">
                Not evaluated: see the problems below
              </Text>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </Fieldset>
  );
}

/** Where a problem of the preview lies, in words: a field's name, or a result's criterion (and field). */
function problemField(path: string, input: PreviewTestReportInput | null, rows: Row[]): string {
  const field = path.replace(/^input\.?/, '');
  const result = /^results\.(\d+)(?:\.(.+))?$/.exec(field);
  if (result) {
    const criterionId = input?.results[Number(result[1])]?.criterionId;
    const title = rows.find((r) => r.evaluation.criterion.id === criterionId)?.evaluation.criterion.title;
    const what = result[2] ? RESULT_FIELDS[result[2]] : undefined;
    return `${title ?? `Result ${Number(result[1]) + 1}`}${what ? `, ${what}` : ''}`;
  }
  return FIELD_NAMES[field] ?? field;
}

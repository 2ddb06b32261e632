// A hypothetical case in the recognition explorer: a sandbridge/recognition-case@1 document from an
// example (examples/recognition) or a file, its results edited (where and when tested, passed, value,
// method, the lab), evaluated on a day by explainRecognitionCase — against the platform's agreements
// (drafts treated as signed if asked) or the case's own, as `npm run -s recognise` replays the file.
import {
  Accordion,
  Button,
  Checkbox,
  FileInput,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFileUpload, IconPlayerPlay } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { applyFieldErrors } from '../../api/errors';
import type { FieldProblem } from '../../api/errors';
import { ExplainCaseDocument, type ExplorerAuthorityFragment } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { buildNames, readCase } from '../passports/words';
import { DayControl } from './DayControl';
import { isoDay } from './days';
import { ExplainedCriteria } from './ExplainedCriteria';
import { changeDays, type Windowed } from './explain';
import { lexiconOf, useBefore } from './before';

/** The example cases, each loaded when chosen. */
const EXAMPLES = import.meta.glob<Record<string, unknown>>('../../../../../examples/recognition/*.case.json', {
  import: 'default',
});
const exampleName = (path: string) => path.split('/').pop()!.replace('.case.json', '');

type Json = Record<string, unknown>;

/** A result of the case as its editor holds it (inputs hold '' for absent). */
interface ResultRow {
  id: string;
  system: string;
  criterion: string;
  testedIn: string;
  testedAt: string;
  passed: boolean;
  value: number | string;
  method: string;
  lab: { accredited: boolean; accreditationBody: string };
  /** What else the file had on the result: kept as it was. */
  rest: Json;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));

function rowsOf(document: Json): ResultRow[] {
  const results = Array.isArray(document.results) ? document.results : [];
  return results.map((r: unknown) => {
    const o = isObject(r) ? r : {};
    const lab = isObject(o.lab) ? o.lab : {};
    return {
      id: text(o.id),
      system: text(o.system),
      criterion: text(o.criterion),
      testedIn: text(o.testedIn),
      testedAt: text(o.testedAt),
      passed: o.passed === true,
      value: typeof o.value === 'number' ? o.value : '',
      method: text(o.method),
      lab: { accredited: lab.accredited === true, accreditationBody: text(lab.accreditationBody) },
      rest: o,
    };
  });
}

function resultOf(row: ResultRow): Json {
  return {
    ...row.rest,
    id: row.id,
    system: row.system,
    criterion: row.criterion,
    testedIn: row.testedIn,
    testedAt: row.testedAt,
    value: row.value === '' ? null : Number(row.value),
    passed: row.passed,
    method: row.method || null,
    lab: { accredited: row.lab.accredited, accreditationBody: row.lab.accreditationBody || null },
  };
}

export function CaseExplorer({
  authorities,
  agreements,
}: {
  authorities: ExplorerAuthorityFragment[];
  agreements: Windowed[];
}) {
  const [example, setExample] = useState<string | null>(null);
  const [base, setBase] = useState<Json | null>(null);
  const [json, setJson] = useState('');
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const form = useForm<{ results: ResultRow[] }>({ initialValues: { results: [] } });
  const [own, setOwn] = useState<'stored' | 'case'>('stored');
  const [signed, setSigned] = useState<string[]>([]);
  const [query, setQuery] = useState('0');
  /** The case as last evaluated (edits count once evaluated again), and the day. */
  const [evaluated, setEvaluated] = useState<Json | null>(null);
  const [day, setDay] = useState('');
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);

  function load(document: unknown, name: string) {
    if (!isObject(document)) {
      setJsonProblem(`${name} is not a JSON object.`);
      return;
    }
    setJsonProblem(null);
    setBase(document);
    setJson(JSON.stringify(document, null, 2));
    form.setValues({ results: rowsOf(document) });
    form.resetDirty({ results: rowsOf(document) });
    form.clearErrors();
    setQuery('0');
    setEvaluated(null);
    setDay(isoDay(text(document.asOf)) ? text(document.asOf) : '');
  }

  async function chooseExample(path: string | null) {
    setExample(path);
    if (path) load(await EXAMPLES[path](), exampleName(path));
  }

  async function chooseFile(file: File | null) {
    if (!file) return;
    setExample(null);
    const content = await file.text();
    try {
      load(JSON.parse(content), file.name);
    } catch (error) {
      setJsonProblem(`${file.name} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function applyJson() {
    try {
      load(JSON.parse(json), 'The JSON');
    } catch (error) {
      setJsonProblem(`Not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const current: Json | null = base ? { ...base, results: form.values.results.map(resultOf) } : null;
  const queries = base && Array.isArray(base.queries) ? base.queries.filter(isObject) : [];

  const signedSet = useMemo(() => new Set(signed), [signed]);
  const [{ data, fetching, error }, reload] = useQuery({
    query: ExplainCaseDocument,
    variables: {
      case: evaluated ?? {},
      asOf: day || null,
      asIfSigned: signed.length ? signed : null,
      keepCaseAgreements: own === 'case',
    },
    pause: !evaluated || !day,
  });
  // The API's problems at the fields they name (case.results.0.testedAt → results.0.testedAt).
  useEffect(() => {
    form.clearErrors();
    setUnplaced(error ? applyFieldErrors(form, error, 'case.') : []);
  }, [error]);

  const answers = data?.explainRecognitionCase;
  const answer = answers?.[Number(query)] ?? answers?.[0];
  const shown = answer && answer.asOf === day ? answer : undefined;

  // The windows that move the day: the case's own agreements, or the platform's.
  const windows = useMemo<Windowed[]>(() => {
    if (own === 'stored') return agreements;
    const list = evaluated && Array.isArray(evaluated.agreements) ? evaluated.agreements.filter(isObject) : [];
    return list.map((a) => ({
      id: text(a.id),
      name: text(a.id),
      status: text(a.status),
      effectiveFrom: text(a.effectiveFrom) || null,
      effectiveTo: text(a.effectiveTo) || null,
      rules: (Array.isArray(a.rules) ? a.rules.filter(isObject) : []).map((r) => ({
        id: text(r.id),
        name: null,
        effectiveFrom: text(r.effectiveFrom) || null,
        effectiveTo: text(r.effectiveTo) || null,
      })),
    }));
  }, [own, agreements, evaluated]);
  const days = useMemo(() => changeDays(windows), [windows]);
  const outcomes = useMemo(
    () => (shown ? new Map(shown.criteria.map((c) => [c.criterion, c.outcome])) : undefined),
    [shown],
  );
  const subject = `${JSON.stringify(evaluated)}|${own}|${signed.join(',')}|${query}`;
  const before = useBefore(subject, shown?.asOf, outcomes, windows, signedSet);

  const caseAuthorities = useMemo(
    () =>
      (evaluated && Array.isArray(evaluated.authorities) ? evaluated.authorities.filter(isObject) : []).map((a) => ({
        id: text(a.id),
        jurisdiction: text(a.jurisdiction),
      })),
    [evaluated],
  );
  const names = useMemo(
    () =>
      buildNames({
        authorities: [
          ...caseAuthorities.map((a) => ({ id: a.id, acronym: a.id })),
          ...authorities.map((a) => ({ id: a.id, acronym: a.acronym })),
        ],
        criteria: [],
        caseNames: readCase(evaluated),
        agreements: windows.map((a) => ({
          id: a.id,
          name: a.name,
          rules: a.rules.map((r) => ({ id: r.id, name: r.name ?? r.id })),
        })),
      }),
    [caseAuthorities, authorities, evaluated, windows],
  );
  const target = shown ? caseAuthorities.find((a) => a.id === shown.authorityId) : undefined;
  const authorityName = shown ? (names.of(shown.authorityId) ?? shown.authorityId) : '';

  const proposable = agreements.filter((a) => a.status === 'DRAFT' || a.status === 'PROPOSED');

  return (
    <Stack gap="lg">
      <Group align="flex-end" gap="sm">
        <Select
          label="Example case"
          placeholder="Choose an example"
          data={Object.keys(EXAMPLES)
            .sort()
            .map((path) => ({ value: path, label: exampleName(path) }))}
          value={example}
          onChange={(value) => void chooseExample(value)}
          w={{ base: '100%', sm: 300 }}
        />
        <FileInput
          label="Or a case file"
          accept="application/json,.json"
          leftSection={<IconFileUpload size={16} aria-hidden />}
          onChange={(file) => void chooseFile(file)}
          clearable
          w={{ base: '100%', sm: 300 }}
        />
      </Group>
      {jsonProblem && (
        <Text size="sm" c="red" role="alert">
          {jsonProblem}
        </Text>
      )}
      {current && (
        <form
          noValidate
          onSubmit={form.onSubmit(() => {
            setUnplaced([]);
            setEvaluated(current);
            if (!day || !isoDay(day)) setDay(text(current.asOf));
            reload({ requestPolicy: 'network-only' });
          })}
        >
          <Stack gap="md">
            <Title order={2} size="h3">
              The case&apos;s results
            </Title>
            <Table.ScrollContainer minWidth={980}>
              <Table verticalSpacing={4} fz="sm">
                <Table.Caption>Results of the case: edit them, then evaluate</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Result</Table.Th>
                    <Table.Th>Tested in</Table.Th>
                    <Table.Th>Tested on</Table.Th>
                    <Table.Th>Passed</Table.Th>
                    <Table.Th>Value</Table.Th>
                    <Table.Th>Method</Table.Th>
                    <Table.Th>Accredited lab</Table.Th>
                    <Table.Th>Accreditation body</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {form.values.results.map((row, i) => (
                    <Table.Tr key={`${row.id}-${i}`} data-result={row.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {row.id}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {row.criterion}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`Tested in (${row.id})`}
                          w={80}
                          {...form.getInputProps(`results.${i}.testedIn`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`Tested on (${row.id})`}
                          w={150}
                          {...form.getInputProps(`results.${i}.testedAt`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Checkbox
                          aria-label={`Passed (${row.id})`}
                          {...form.getInputProps(`results.${i}.passed`, { type: 'checkbox' })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={`Value (${row.id})`}
                          w={100}
                          hideControls
                          {...form.getInputProps(`results.${i}.value`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`Method (${row.id})`}
                          w={170}
                          {...form.getInputProps(`results.${i}.method`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Checkbox
                          aria-label={`Accredited lab (${row.id})`}
                          {...form.getInputProps(`results.${i}.lab.accredited`, { type: 'checkbox' })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`Accreditation body (${row.id})`}
                          w={120}
                          {...form.getInputProps(`results.${i}.lab.accreditationBody`)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Accordion variant="contained">
              <Accordion.Item value="json">
                <Accordion.Control>
                  The whole case as JSON (criteria, crosswalks, agreements, queries)
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="xs">
                    <Textarea
                      label="Recognition case (JSON)"
                      autosize
                      minRows={6}
                      maxRows={24}
                      value={json}
                      onChange={(event) => setJson(event.currentTarget.value)}
                      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                    />
                    <Button variant="default" onClick={applyJson} w="fit-content">
                      Use this JSON
                    </Button>
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            </Accordion>
            <Group align="flex-end" gap="sm">
              <Stack gap={4}>
                <Text size="sm" fw={500} id="explorer-agreements">
                  Agreements
                </Text>
                <SegmentedControl
                  aria-labelledby="explorer-agreements"
                  value={own}
                  onChange={(value) => setOwn(value as typeof own)}
                  data={[
                    { value: 'stored', label: "The platform's" },
                    { value: 'case', label: "The case's own" },
                  ]}
                />
              </Stack>
              {proposable.length > 0 && (
                <MultiSelect
                  label="Treat as signed"
                  description="Draft and proposed agreements, in force in their windows"
                  data={proposable.map((a) => ({ value: a.id, label: a.name }))}
                  value={signed}
                  onChange={setSigned}
                  clearable
                  w={{ base: '100%', sm: 360 }}
                />
              )}
              {queries.length > 1 && (
                <Select
                  label="Question"
                  data={queries.map((q, i) => ({
                    value: String(i),
                    label: `${text(q.system)} at ${text(q.authority)}`,
                  }))}
                  value={query}
                  onChange={(value) => value && setQuery(value)}
                  allowDeselect={false}
                />
              )}
              <Button type="submit" leftSection={<IconPlayerPlay size={16} aria-hidden />}>
                Evaluate
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {evaluated && (
        <Group align="flex-end" gap="sm">
          <DayControl day={day} days={days} onChange={setDay} />
        </Group>
      )}
      <ErrorNotice error={error} unplaced={unplaced} onRetry={() => reload({ requestPolicy: 'network-only' })} />
      {evaluated && fetching && !shown ? (
        <Loader aria-label="Evaluating the case" />
      ) : shown ? (
        <ExplainedCriteria
          authority={authorityName}
          lexicon={lexiconOf(shown.asOf, target?.jurisdiction ?? '', names, windows)}
          names={names}
          before={before}
          rows={shown.criteria.map((c) => ({
            id: c.criterion,
            title: names.of(c.criterion) ?? c.criterion,
            resolution: c,
          }))}
        />
      ) : null}
    </Stack>
  );
}

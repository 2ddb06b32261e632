// The programme designer (/…/programme-designs/new): a sandbridge/programme-scenario@1 made from a
// stored programme (programmeDesignScenario: its design, two variants, screening rates calibrated from
// the platform's decisions), from a file, or from observed cohorts (calibrateProgramme); its designs
// edited, added, duplicated or removed, its population set; then downloaded, or started as a run.
// The API checks the scenario: a refusal's problems are shown at the field their JSON path names.
import {
  Alert,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCopy, IconDownload, IconPlayerPlay, IconPlus, IconScale, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { fieldProblems, sentence } from '../../api/errors';
import {
  DesignableProgrammesDocument,
  ProgrammeDesignScenarioDocument,
  StartProgrammeSimulationDocument,
} from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { downloadText, slug } from '../exit-documents/files';
import { useDesignsBase } from './base';
import { CalibrateDialog } from './CalibrateDialog';
import {
  addDesign,
  applyCalibration,
  asScenario,
  type CalibrationChange,
  duplicateDesign,
  JOINT_ENTRY_RULES,
  type JointEntryRule,
  type ProgrammeScenario,
  percent,
  removeDesign,
  updateAuthority,
  updateDesign,
} from './scenario';

const num = (value: number | string) => (typeof value === 'number' ? value : Number(value) || 0);

export function Component() {
  const navigate = useNavigate();
  const base = useDesignsBase();
  const client = useClient();
  const [{ data: programmesData }] = useQuery({ query: DesignableProgrammesDocument, variables: { first: 100 } });
  const programmes = (programmesData?.programmes.edges ?? []).map(({ node }) => ({
    value: node.id,
    label: `${node.name} (${node.status.toLowerCase()}, led by ${node.leadAuthority.name})`,
  }));

  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const [replications, setReplications] = useState<number | string>('');
  const [applicants, setApplicants] = useState<number | string>('');
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<Parameters<typeof ErrorNotice>[0]['error']>(undefined);
  const [fileProblem, setFileProblem] = useState<string | null>(null);

  const [scenario, setScenario] = useState<ProgrammeScenario | null>(null);
  const [name, setName] = useState('');
  const [chunkSize, setChunkSize] = useState<number | string>('');
  const [changes, setChanges] = useState<CalibrationChange[] | null>(null);
  const [calibrating, setCalibrating] = useState(false);
  const [started, start] = useMutation(StartProgrammeSimulationDocument);

  const problems = fieldProblems(started.error);
  const at = (path: string) => {
    const found = problems.find((p) => p.path === `input.scenario.${path}`);
    return found ? sentence(found.message) : undefined;
  };

  function take(next: ProgrammeScenario, runName: string) {
    setScenario(next);
    setChanges(null);
    if (!name) setName(runName);
  }

  async function loadProgramme() {
    if (!programmeId) return;
    setLoading(true);
    const answer = await client
      .query(
        ProgrammeDesignScenarioDocument,
        {
          programmeId,
          ...(replications === '' ? {} : { replications: num(replications) }),
          ...(applicants === '' ? {} : { applicants: num(applicants) }),
        },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    setLoading(false);
    setLoadError(answer.error);
    if (answer.data) {
      const label = programmes.find((p) => p.value === programmeId)?.label.replace(/ \(.*$/, '') ?? 'Programme';
      setName(`${label}: designs`);
      take(asScenario(answer.data.programmeDesignScenario), `${label}: designs`);
    }
  }

  async function readFile(file: File | null) {
    setFileProblem(null);
    if (!file) return;
    try {
      take(asScenario(JSON.parse(await file.text())), file.name.replace(/\.json$/, ''));
    } catch (e) {
      setFileProblem(`${file.name}: ${(e as Error).message}`);
    }
  }

  async function submit() {
    if (!scenario) return;
    const answer = await start({
      input: {
        scenario,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(chunkSize === '' ? {} : { chunkSize: num(chunkSize) }),
      },
    });
    if (answer.data) void navigate(`${base}/${answer.data.startProgrammeSimulation.id}`);
  }

  return (
    <>
      <PageHeader
        title="New programme design"
        description="Start from a stored programme, a programme-scenario@1 file or observed cohorts; edit the designs; start the simulation."
      />
      <Stack>
        <Card withBorder component="section" aria-labelledby="designer-source">
          <Title order={2} size="h4" mb="xs" id="designer-source">
            Start from
          </Title>
          <Stack>
            <ErrorNotice error={loadError} />
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Select
                label="Stored programme"
                description="One you may read; a regulator’s own authority must take part"
                placeholder="Choose a programme"
                data={programmes}
                value={programmeId}
                onChange={setProgrammeId}
                searchable
              />
              <NumberInput
                label="Replications"
                description="1–10,000; left empty: 1,000"
                min={1}
                max={10_000}
                allowDecimal={false}
                value={replications}
                onChange={setReplications}
              />
              <NumberInput
                label="Applicants"
                description="Left empty: three per cohort place"
                min={1}
                allowDecimal={false}
                value={applicants}
                onChange={setApplicants}
              />
            </SimpleGrid>
            <Group>
              <Button onClick={() => void loadProgramme()} loading={loading} disabled={!programmeId}>
                Load the programme
              </Button>
              <Button variant="default" leftSection={<IconScale size={16} />} onClick={() => setCalibrating(true)}>
                Calibrate…
              </Button>
            </Group>
            <FileInput
              label="Or a scenario file"
              description="A sandbridge/programme-scenario@1 JSON file (e.g. one downloaded here)"
              accept="application/json,.json"
              clearable
              error={fileProblem}
              onChange={(file) => void readFile(file)}
            />
          </Stack>
        </Card>
        <CalibrateDialog
          opened={calibrating}
          onClose={() => setCalibrating(false)}
          programmes={programmes}
          onCalibrated={(calibrated) => {
            const applied = applyCalibration(scenario, calibrated);
            if (!scenario && !name) setName('Calibrated designs');
            setScenario(applied.scenario);
            setChanges(applied.changes);
          }}
        />

        {changes && <CalibrationChanges changes={changes} />}

        {scenario && (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <Stack>
              <Population scenario={scenario} onChange={setScenario} at={at} />
              <Authorities scenario={scenario} onChange={setScenario} at={at} />
              <Title order={2} size="h3">
                Designs
              </Title>
              {at('designs') && (
                <Text c="red" size="sm">
                  {at('designs')}
                </Text>
              )}
              {scenario.designs.map((design, i) => (
                <DesignCard key={i} scenario={scenario} index={i} onChange={setScenario} at={at} />
              ))}
              <Group>
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} />}
                  onClick={() => setScenario(addDesign(scenario))}
                >
                  Add a design
                </Button>
              </Group>

              <Card withBorder component="section" aria-labelledby="designer-run">
                <Title order={2} size="h4" mb="xs" id="designer-run">
                  Run
                </Title>
                <Stack>
                  <ErrorNotice error={started.error} unplaced={problems} />
                  <SimpleGrid cols={{ base: 1, md: 2 }}>
                    <TextInput
                      label="Name of the run"
                      value={name}
                      error={problems.find((p) => p.path === 'input.name')?.message}
                      onChange={(e) => setName(e.currentTarget.value)}
                    />
                    <NumberInput
                      label="Replications per chunk"
                      description="Left empty: 500. The result does not depend on it; smaller chunks show progress more often."
                      min={1}
                      max={100_000}
                      allowDecimal={false}
                      value={chunkSize}
                      onChange={setChunkSize}
                    />
                  </SimpleGrid>
                  <Group justify="flex-end">
                    <Button
                      variant="default"
                      leftSection={<IconDownload size={16} />}
                      onClick={() =>
                        downloadText(
                          `${JSON.stringify(scenario, null, 2)}\n`,
                          `${slug(name || 'programme')}.programme-scenario.json`,
                          'application/json',
                        )
                      }
                    >
                      Download the scenario
                    </Button>
                    <Button type="submit" leftSection={<IconPlayerPlay size={16} />} loading={started.fetching}>
                      Start the simulation
                    </Button>
                  </Group>
                </Stack>
              </Card>
            </Stack>
          </form>
        )}
      </Stack>
    </>
  );
}

type At = (path: string) => string | undefined;
interface Part {
  scenario: ProgrammeScenario;
  onChange: (next: ProgrammeScenario) => void;
  at: At;
}

function Population({ scenario, onChange, at }: Part) {
  const applicants = scenario.applicants;
  return (
    <Card withBorder component="section" aria-labelledby="designer-population">
      <Title order={2} size="h4" mb="xs" id="designer-population">
        Population
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Every design sees the same applicants, drawn again in each replication from the seed: differences between
        designs are differences of design, not of luck.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <NumberInput
          label="Applicants"
          description="Applications per cohort, all on the start day"
          min={1}
          allowDecimal={false}
          value={applicants.count}
          error={at('applicants.count')}
          onChange={(v) => onChange({ ...scenario, applicants: { ...applicants, count: num(v) } })}
        />
        <NumberInput
          label="Authorities per applicant, at least"
          description="Each applicant names this many participants or more, drawn uniformly"
          min={1}
          allowDecimal={false}
          value={applicants.targets.min}
          error={at('applicants.targets.min') ?? at('applicants.targets')}
          onChange={(v) =>
            onChange({ ...scenario, applicants: { ...applicants, targets: { ...applicants.targets, min: num(v) } } })
          }
        />
        <NumberInput
          label="Authorities per applicant, at most"
          min={1}
          allowDecimal={false}
          value={applicants.targets.max}
          error={at('applicants.targets.max')}
          onChange={(v) =>
            onChange({ ...scenario, applicants: { ...applicants, targets: { ...applicants.targets, max: num(v) } } })
          }
        />
        <TextInput
          label="Start day"
          description="When the applications arrive (YYYY-MM-DD)"
          value={scenario.startDay}
          error={at('startDay')}
          onChange={(e) => onChange({ ...scenario, startDay: e.currentTarget.value })}
        />
        <NumberInput
          label="Replications"
          description="1–10,000: more give steadier figures and take longer"
          min={1}
          max={10_000}
          allowDecimal={false}
          value={scenario.replications}
          error={at('replications')}
          onChange={(v) => onChange({ ...scenario, replications: num(v) })}
        />
        <NumberInput
          label="Seed"
          description="The same seed gives the same figures"
          allowDecimal={false}
          value={scenario.seed}
          error={at('seed')}
          onChange={(v) => onChange({ ...scenario, seed: num(v) })}
        />
      </SimpleGrid>
      {scenario.calibration?.assumptions?.length ? (
        <Alert variant="light" color="blue" mt="md" title="Assumptions of the stored programme’s scenario">
          <List size="sm">
            {scenario.calibration.assumptions.map((a) => (
              <List.Item key={a}>{a}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Card>
  );
}

function Authorities({ scenario, onChange, at }: Part) {
  const estimates = new Map((scenario.calibration?.authorities ?? []).map((c) => [c.authority, c]));
  return (
    <Card withBorder component="section" aria-labelledby="designer-authorities">
      <Title order={2} size="h4" mb="xs" id="designer-authorities">
        Authorities
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Screening: the share of applications an authority admits. Reviews: days from a track’s start to its decision,
        and how many decisions it takes per 30 days. Exit: the share of admitted tracks authorised at the end of
        testing.
      </Text>
      {at('authorities') && (
        <Text c="red" size="sm">
          {at('authorities')}
        </Text>
      )}
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label="Authorities">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Authority</Table.Th>
              <Table.Th scope="col">Screening pass rate</Table.Th>
              <Table.Th scope="col">Review days, min</Table.Th>
              <Table.Th scope="col">Review days, max</Table.Th>
              <Table.Th scope="col">Reviews per month</Table.Th>
              <Table.Th scope="col">Exit authorise rate</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scenario.authorities.map((a, i) => {
              const estimate = estimates.get(a.id);
              const path = `authorities[${i}]`;
              const set = (change: Parameters<typeof updateAuthority>[2]) =>
                onChange(updateAuthority(scenario, a.id, change));
              return (
                <Table.Tr key={a.id}>
                  <Table.Th scope="row">
                    {a.id}{' '}
                    <Text span size="xs" c="dimmed">
                      ({a.jurisdiction})
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <NumberInput
                      aria-label={`${a.id}: screening pass rate`}
                      description={
                        estimate
                          ? estimate.suppressed
                            ? 'prior: too few decisions'
                            : `90 %: ${percent(estimate.p5)} – ${percent(estimate.p95)}`
                          : undefined
                      }
                      min={0}
                      max={1}
                      step={0.01}
                      decimalScale={6}
                      value={a.screeningPassRate}
                      error={at(`${path}.screeningPassRate`)}
                      onChange={(v) => set({ screeningPassRate: num(v) })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`${a.id}: review days, min`}
                      min={0}
                      allowDecimal={false}
                      value={a.reviewDays.min}
                      error={at(`${path}.reviewDays.min`) ?? at(`${path}.reviewDays`)}
                      onChange={(v) => set({ reviewDays: { ...a.reviewDays, min: num(v) } })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`${a.id}: review days, max`}
                      min={0}
                      allowDecimal={false}
                      value={a.reviewDays.max}
                      error={at(`${path}.reviewDays.max`)}
                      onChange={(v) => set({ reviewDays: { ...a.reviewDays, max: num(v) } })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`${a.id}: reviews per month`}
                      min={1}
                      allowDecimal={false}
                      value={a.reviewsPerMonth}
                      error={at(`${path}.reviewsPerMonth`)}
                      onChange={(v) => set({ reviewsPerMonth: num(v) })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`${a.id}: exit authorise rate`}
                      min={0}
                      max={1}
                      step={0.05}
                      decimalScale={6}
                      value={a.exitAuthoriseRate}
                      error={at(`${path}.exitAuthoriseRate`)}
                      onChange={(v) => set({ exitAuthoriseRate: num(v) })}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function DesignCard({ scenario, index, onChange, at }: Part & { index: number }) {
  const design = scenario.designs[index];
  const path = `designs[${index}]`;
  const set = (change: Parameters<typeof updateDesign>[2]) => onChange(updateDesign(scenario, index, change));
  const title = `Design ${index + 1}: ${design.name}`;
  return (
    <Card withBorder component="section" aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Group gap="xs">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconCopy size={14} />}
            aria-label={`Duplicate design ${index + 1}`}
            onClick={() => onChange(duplicateDesign(scenario, index))}
          >
            Duplicate
          </Button>
          <Button
            variant="subtle"
            size="xs"
            color="red"
            leftSection={<IconTrash size={14} />}
            aria-label={`Remove design ${index + 1}`}
            disabled={scenario.designs.length === 1}
            onClick={() => onChange(removeDesign(scenario, index))}
          >
            Remove
          </Button>
        </Group>
      </Group>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <TextInput
            label="Name"
            value={design.name}
            error={at(`${path}.name`)}
            onChange={(e) => set({ name: e.currentTarget.value })}
          />
          <Select
            label="Joint entry rule"
            data={JOINT_ENTRY_RULES}
            value={design.jointEntryRule}
            allowDeselect={false}
            error={at(`${path}.jointEntryRule`)}
            onChange={(v) => v && set({ jointEntryRule: v as JointEntryRule })}
          />
          {design.jointEntryRule === 'LEAD_DECIDES' && (
            <Select
              label="Lead"
              description="Its decision is every participant’s"
              data={design.participants}
              value={design.lead ?? null}
              allowDeselect={false}
              error={at(`${path}.lead`)}
              onChange={(v) => v && set({ lead: v })}
            />
          )}
          <NumberInput
            label="Capacity"
            description="Places in the cohort"
            min={1}
            allowDecimal={false}
            value={design.capacity}
            error={at(`${path}.capacity`)}
            onChange={(v) => set({ capacity: num(v) })}
          />
          <NumberInput
            label="Testing days"
            description="How long testing lasts once admitted"
            min={0}
            allowDecimal={false}
            value={design.testingDays}
            error={at(`${path}.testingDays`)}
            onChange={(v) => set({ testingDays: num(v) })}
          />
          <Switch
            label="Accepts recognised results"
            description="A decline may become an admission through recognition"
            checked={design.acceptsRecognisedResults}
            onChange={(e) => set({ acceptsRecognisedResults: e.currentTarget.checked })}
            mt="md"
          />
        </SimpleGrid>
        <Checkbox.Group
          label="Participants"
          description="The authorities taking part in this design"
          value={design.participants}
          error={at(`${path}.participants`)}
          onChange={(participants) =>
            set({ participants: scenario.authorities.map((a) => a.id).filter((id) => participants.includes(id)) })
          }
        >
          <Group mt="xs">
            {scenario.authorities.map((a) => (
              <Checkbox key={a.id} value={a.id} label={a.id} />
            ))}
          </Group>
        </Checkbox.Group>
      </Stack>
    </Card>
  );
}

function CalibrationChanges({ changes }: { changes: CalibrationChange[] }) {
  return (
    <Card withBorder component="section" aria-labelledby="designer-calibration">
      <Title order={2} size="h4" mb="xs" id="designer-calibration">
        What the calibration changed
      </Title>
      {changes.length === 0 ? (
        <Text size="sm">Nothing: no authority was calibrated.</Text>
      ) : (
        <Table aria-label="What the calibration changed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Authority</Table.Th>
              <Table.Th scope="col">Observed</Table.Th>
              <Table.Th scope="col">Screening pass rate before</Table.Th>
              <Table.Th scope="col">After</Table.Th>
              <Table.Th scope="col">90 % credible interval</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((c) => (
              <Table.Tr key={c.authority}>
                <Table.Td>{c.authority}</Table.Td>
                <Table.Td>
                  {c.after.applications !== undefined
                    ? `${c.after.admitted ?? 0} admitted of ${c.after.applications}`
                    : ''}
                </Table.Td>
                <Table.Td>{c.before === null ? 'added' : String(c.before)}</Table.Td>
                <Table.Td>{String(c.after.mean)}</Table.Td>
                <Table.Td>
                  {percent(c.after.p5)} – {percent(c.after.p95)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

// Negotiator: build a sandbridge/scenario@1 scenario (/negotiator/simulations/new) instead of
// writing its JSON — a name and a day; the baseline (the agreements in force); variants (stored
// drafts as if signed, agreements removed, rules changed or removed); what a test costs where; the
// population, synthetic or recorded (with its preview under disclosure control). The document the
// page shows is the one it downloads and starts; an uploaded file is loaded back into the builder.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Code,
  FileButton,
  Group,
  Loader,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDownload, IconPlayerPlay, IconPlus, IconUpload } from '@tabler/icons-react';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ScenarioBuilderDataDocument, StartSimulationDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { windowText } from '../agreements/words';
import { downloadText } from '../exit-documents/files';
import { PopulationSection } from './builder/PopulationSection';
import { placeProblems } from './builder/problems';
import {
  agreementDocument,
  type BuilderState,
  fileNameOf,
  fromDocument,
  inForceOn,
  initialState,
  newVariant,
  startInput,
  toDocument,
} from './builder/scenario';
import { agreementName, VariantEditor } from './builder/VariantEditor';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function Component() {
  const navigate = useNavigate();
  const [{ data, fetching, error }, reload] = useQuery({ query: ScenarioBuilderDataDocument });
  const stored = useMemo(() => data?.agreements.edges.map((e) => e.node) ?? [], [data]);
  const jurisdictions = useMemo(() => data?.jurisdictions.edges.map((e) => e.node.code).sort() ?? [], [data]);
  const authorities = useMemo(
    () =>
      data?.authorities.edges.map(({ node }) => ({
        id: node.id,
        name: node.name,
        jurisdiction: node.jurisdiction.code,
      })) ?? [],
    [data],
  );
  const [state, setState] = useState<BuilderState | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [started, start] = useMutation(StartSimulationDocument);

  useEffect(() => {
    if (data && !state) setState(initialState(stored, jurisdictions));
  }, [data, state, stored, jurisdictions]);

  const document = useMemo(() => (state ? toDocument(state) : null), [state]);
  const json = useMemo(() => (document ? `${JSON.stringify(document, null, 2)}\n` : ''), [document]);

  if (!state || !document)
    return (
      <>
        <PageHeader title="New scenario" />
        <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
        {fetching && (
          <Center py="xl">
            <Loader aria-label="Loading the agreements and jurisdictions" />
          </Center>
        )}
      </>
    );

  const patch = (p: Partial<BuilderState>) => setState((s) => (s ? { ...s, ...p } : s));
  const fields = new Set<string>([
    'name',
    'asOf',
    'costs',
    ...Object.keys(state.costs).map((c) => `costs.${c}`),
    ...state.variants.flatMap((_, i) => [`variants.${i}`, `variants.${i}.name`]),
    ...(state.populationKind === 'SYNTHETIC' && state.explicitPopulation === undefined
      ? [
          'seed',
          'innovators',
          'targetsPerInnovator',
          'passRate',
          'accreditedLabRate',
          'resultAgeDays',
          'homeWeights',
          'riskClassWeights',
          'sectorWeights',
        ].map((f) => `synthetic.${f}`)
      : []),
    ...(state.populationKind === 'RECORDED'
      ? ['jurisdictions', 'sectors', 'targets', 'testedFrom', 'testedTo'].map((f) => `recorded.${f}`)
      : []),
  ]);
  const problems = placeProblems(started.error, (key) => fields.has(key));

  async function upload(file: File | null) {
    if (!file) return;
    try {
      setState(fromDocument(await file.text(), file.name, initialState(stored, jurisdictions)));
      setUploadError(null);
    } catch (e) {
      setUploadError(`${file.name}: ${(e as Error).message}`);
    }
  }

  async function submit() {
    if (!state) return;
    const answer = await start({ input: startInput(state) });
    if (answer.data) void navigate(`/negotiator/simulations/${answer.data.startSimulation.id}`);
  }

  const platformBaseline = () =>
    patch({
      baseline: stored.filter((a) => a.status === 'IN_FORCE').map((a) => agreementDocument(a)),
      baselineFromFile: false,
    });

  return (
    <>
      <PageHeader
        title="New scenario"
        description={
          <>
            Build a simulation: the agreements in force as the baseline, variants to compare with it, and a population.
            Download it as a sandbridge/scenario@1 file, load one, or start it.{' '}
            <Anchor component={Link} to="/negotiator/simulations" underline="always">
              Back to the simulations
            </Anchor>
          </>
        }
        actions={
          <>
            <FileButton onChange={(file) => void upload(file)} accept="application/json,.json">
              {(props) => (
                <Button variant="default" leftSection={<IconUpload size={16} />} {...props}>
                  Load a scenario file
                </Button>
              )}
            </FileButton>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              onClick={() => downloadText(json, fileNameOf(state.name), 'application/json')}
            >
              Download the scenario
            </Button>
          </>
        }
      />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          {uploadError && (
            <Alert color="red" variant="light" title="This file could not be loaded" role="alert">
              {uploadError}
            </Alert>
          )}
          <Section title="Scenario">
            <Group align="flex-start" grow>
              <TextInput
                label="Name"
                description="The run’s name; left empty, “Simulation”"
                value={state.name}
                error={problems.at.name}
                onChange={(event) => patch({ name: event.currentTarget.value })}
              />
              <TextInput
                type="date"
                label="As of"
                description="The day the agreements and results are judged on"
                withAsterisk
                value={state.asOf}
                error={problems.at.asOf}
                onChange={(event) => patch({ asOf: event.currentTarget.value })}
              />
            </Group>
          </Section>

          <Section title="Baseline">
            <Text size="sm" mb="sm">
              {state.baselineFromFile
                ? 'The baseline of the uploaded file: these agreements, as the file has them.'
                : 'The agreements in force on the platform, as they are today. Every variant starts from this baseline (variants do not stack); an agreement counts on the scenario’s day only within its window.'}
            </Text>
            {state.baselineFromFile && (
              <Button variant="subtle" size="compact-sm" mb="sm" onClick={platformBaseline}>
                Use the platform’s agreements in force instead
              </Button>
            )}
            {state.baseline.length === 0 ? (
              <Text size="sm" c="dimmed">
                No agreement in force: nothing is recognised in the baseline.
              </Text>
            ) : (
              <Table aria-label="Agreements of the baseline" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Agreement</Table.Th>
                    <Table.Th scope="col">Parties</Table.Th>
                    <Table.Th scope="col">Window</Table.Th>
                    <Table.Th scope="col">On {state.asOf}</Table.Th>
                    <Table.Th scope="col">Rules</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {state.baseline.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{agreementName(stored, a.id)}</Table.Td>
                      <Table.Td>{a.parties.join(', ')}</Table.Td>
                      <Table.Td>{windowText(a.effectiveFrom, a.effectiveTo)}</Table.Td>
                      <Table.Td>
                        {a.status === 'IN_FORCE' && inForceOn(a, state.asOf) ? (
                          <Badge color="green" variant="light">
                            In force
                          </Badge>
                        ) : (
                          <Badge color="gray" variant="light">
                            Not in force
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{a.rules.length}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>

          <Section title="Variants">
            <Stack>
              {state.variants.length === 0 && (
                <Text size="sm" c="dimmed">
                  No variant yet: the result will have the baseline only.
                </Text>
              )}
              {state.variants.map((variant, i) => (
                <VariantEditor
                  key={i}
                  index={i}
                  variant={variant}
                  baseline={state.baseline}
                  stored={stored}
                  nameError={problems.at[`variants.${i}.name`]}
                  error={problems.at[`variants.${i}`]}
                  onChange={(changed) => patch({ variants: state.variants.map((v, j) => (j === i ? changed : v)) })}
                  onRemove={() => patch({ variants: state.variants.filter((_, j) => j !== i) })}
                />
              ))}
              <Group>
                <Button
                  variant="light"
                  leftSection={<IconPlus size={16} />}
                  onClick={() => patch({ variants: [...state.variants, newVariant(state.variants.length)] })}
                >
                  Add a variant
                </Button>
              </Group>
            </Stack>
          </Section>

          <Section title="Costs of a test">
            <Text size="sm" mb="sm">
              What a test costs, and how many days it takes, in each jurisdiction: the figures “cost saved” and “days
              saved” count them. Every jurisdiction an innovator could target must be priced.
            </Text>
            {problems.at.costs && (
              <Text size="sm" c="red" mb="sm">
                {problems.at.costs}
              </Text>
            )}
            <Table aria-label="Costs of a test per jurisdiction">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Jurisdiction</Table.Th>
                  <Table.Th scope="col">Cost of a test</Table.Th>
                  <Table.Th scope="col">Days it takes</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {Object.entries(state.costs).map(([code, cost]) => (
                  <Table.Tr key={code}>
                    <Table.Td>{code}</Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Cost of a test in ${code}`}
                        min={0}
                        thousandSeparator=","
                        value={cost.testCost}
                        error={problems.at[`costs.${code}`]}
                        onChange={(v) =>
                          patch({
                            costs: { ...state.costs, [code]: { ...cost, testCost: typeof v === 'number' ? v : 0 } },
                          })
                        }
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Days a test takes in ${code}`}
                        min={0}
                        allowDecimal={false}
                        value={cost.testDays}
                        onChange={(v) =>
                          patch({
                            costs: { ...state.costs, [code]: { ...cost, testDays: typeof v === 'number' ? v : 0 } },
                          })
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Section>

          <Section title="Population">
            <PopulationSection
              state={state}
              jurisdictions={jurisdictions}
              authorities={authorities}
              errors={problems.at}
              onChange={patch}
            />
          </Section>

          <Section title="The scenario file">
            <Text size="sm" mb="xs">
              What is downloaded and started.{' '}
              {state.reference === undefined &&
                'The reference (jurisdictions, authorities, active criteria and crosswalks) is left out: the platform fills in its own when the run starts.'}
              {state.populationKind === 'RECORDED' &&
                ' A recorded population is written as its filter ({ "recorded": … }): the platform takes the snapshot when the run starts.'}
            </Text>
            <Code
              block
              role="region"
              aria-label="The scenario as JSON"
              tabIndex={0}
              style={{ maxHeight: 360, overflow: 'auto' }}
              data-scenario-json
            >
              {json}
            </Code>
          </Section>

          <ErrorNotice error={started.error} unplaced={problems.unplaced} />
          <Group justify="flex-end">
            <Button type="submit" leftSection={<IconPlayerPlay size={16} />} loading={started.fetching}>
              Start the simulation
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

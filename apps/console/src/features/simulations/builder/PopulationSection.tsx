// The scenario's population: synthetic (every parameter with its default and what it does; the
// seed makes it reproducible) or recorded (the platform's accepted results, filtered; a live preview
// of what a run would take, as aggregates with small groups suppressed, and why a run would be refused).
import {
  Alert,
  Fieldset,
  Group,
  List,
  Loader,
  MultiSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from 'urql';
import { type RecordedCellFragment, RecordedPopulationPreviewDocument } from '../../../gql/graphql';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import {
  type BuilderState,
  type RecordedFilter,
  recordedInput,
  SYNTHETIC_DEFAULTS,
  type SyntheticPopulation,
} from './scenario';

const RISK_CLASSES = ['UNACCEPTABLE', 'HIGH', 'LIMITED', 'MINIMAL'];

export interface PopulationSectionProps {
  state: BuilderState;
  jurisdictions: string[];
  authorities: { id: string; name: string; jurisdiction: string }[];
  onChange: (patch: Partial<BuilderState>) => void;
  /** Field key (`synthetic.passRate`, `recorded.testedTo`) → the API's message. */
  errors: Record<string, string>;
}

export function PopulationSection({ state, jurisdictions, authorities, onChange, errors }: PopulationSectionProps) {
  return (
    <Stack>
      <Radio.Group
        label="Population"
        description="Who the agreements are simulated for"
        value={state.explicitPopulation !== undefined ? 'EXPLICIT' : state.populationKind}
        onChange={(kind) =>
          onChange({ populationKind: kind as BuilderState['populationKind'], explicitPopulation: undefined })
        }
      >
        <Group mt="xs">
          <Radio value="SYNTHETIC" label="Synthetic: innovators drawn from parameters" />
          <Radio value="RECORDED" label="Recorded: the platform’s accepted results" />
          {state.explicitPopulation !== undefined && <Radio value="EXPLICIT" label="Explicit: the uploaded file’s" />}
        </Group>
      </Radio.Group>
      {state.explicitPopulation !== undefined ? (
        <Text size="sm">
          The uploaded file lists its systems, results and targets; they are kept as they are. Choose synthetic or
          recorded to replace them.
        </Text>
      ) : state.populationKind === 'SYNTHETIC' ? (
        <SyntheticFields
          value={state.synthetic}
          jurisdictions={jurisdictions}
          errors={errors}
          onChange={(synthetic) => onChange({ synthetic })}
        />
      ) : (
        <RecordedFields
          value={state.recorded}
          jurisdictions={jurisdictions}
          authorities={authorities}
          errors={errors}
          onChange={(recorded) => onChange({ recorded })}
        />
      )}
    </Stack>
  );
}

const num = (v: number | string, fallback: number) => (typeof v === 'number' ? v : fallback);

function SyntheticFields({
  value,
  jurisdictions,
  errors,
  onChange,
}: {
  value: SyntheticPopulation;
  jurisdictions: string[];
  errors: Record<string, string>;
  onChange: (value: SyntheticPopulation) => void;
}) {
  const d = SYNTHETIC_DEFAULTS;
  const set = (patch: Partial<SyntheticPopulation>) => onChange({ ...value, ...patch });
  const weight = (field: 'homeWeights' | 'riskClassWeights', key: string, v: number | string) => {
    const weights = { ...value[field] };
    if (typeof v === 'number') weights[key] = v;
    else delete weights[key];
    set({ [field]: weights });
  };
  const sectorText = Object.entries(value.sectorWeights)
    .map(([k, w]) => `${k}=${w}`)
    .join(', ');
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Each innovator has one AI system, a home jurisdiction, results of its home authority’s criteria and targets
        abroad, drawn at random from these parameters. The same seed and parameters give the same population.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label="Seed"
          description={`Default ${d.seed}. Change it for another draw of the same kind of population.`}
          allowDecimal={false}
          value={value.seed}
          error={errors['synthetic.seed']}
          onChange={(v) => set({ seed: num(v, d.seed) })}
        />
        <NumberInput
          label="Innovators"
          description={`Default ${d.innovators}. How many innovators (1 to 10,000,000); each has one system.`}
          allowDecimal={false}
          min={1}
          value={value.innovators}
          error={errors['synthetic.innovators']}
          onChange={(v) => set({ innovators: num(v, d.innovators) })}
        />
        <NumberInput
          label="Fewest targets per innovator"
          description={`Default ${d.targetsPerInnovator.min}. The fewest authorities abroad each innovator applies to.`}
          allowDecimal={false}
          min={0}
          value={value.targetsPerInnovator.min}
          error={errors['synthetic.targetsPerInnovator']}
          onChange={(v) =>
            set({ targetsPerInnovator: { ...value.targetsPerInnovator, min: num(v, d.targetsPerInnovator.min) } })
          }
        />
        <NumberInput
          label="Most targets per innovator"
          description={`Default ${d.targetsPerInnovator.max}. At most the number of authorities abroad.`}
          allowDecimal={false}
          min={0}
          value={value.targetsPerInnovator.max}
          onChange={(v) =>
            set({ targetsPerInnovator: { ...value.targetsPerInnovator, max: num(v, d.targetsPerInnovator.max) } })
          }
        />
        <NumberInput
          label="Pass rate"
          description={`Default ${d.passRate}. The probability (0 to 1) that a result passed its own criterion.`}
          min={0}
          max={1}
          step={0.05}
          decimalScale={4}
          value={value.passRate}
          error={errors['synthetic.passRate']}
          onChange={(v) => set({ passRate: num(v, d.passRate) })}
        />
        <NumberInput
          label="Accredited lab rate"
          description={`Default ${d.accreditedLabRate}. The probability (0 to 1) that a result comes from an accredited lab.`}
          min={0}
          max={1}
          step={0.05}
          decimalScale={4}
          value={value.accreditedLabRate}
          error={errors['synthetic.accreditedLabRate']}
          onChange={(v) => set({ accreditedLabRate: num(v, d.accreditedLabRate) })}
        />
        <NumberInput
          label="Youngest result (days)"
          description={`Default ${d.resultAgeDays.min}. Results are from this many days before the scenario’s day…`}
          allowDecimal={false}
          min={0}
          value={value.resultAgeDays.min}
          error={errors['synthetic.resultAgeDays']}
          onChange={(v) => set({ resultAgeDays: { ...value.resultAgeDays, min: num(v, d.resultAgeDays.min) } })}
        />
        <NumberInput
          label="Oldest result (days)"
          description={`Default ${d.resultAgeDays.max}. …to this many (at most 36,500).`}
          allowDecimal={false}
          min={0}
          value={value.resultAgeDays.max}
          onChange={(v) => set({ resultAgeDays: { ...value.resultAgeDays, max: num(v, d.resultAgeDays.max) } })}
        />
      </SimpleGrid>
      <Fieldset legend="Home jurisdictions (weights)">
        <Text size="sm" c="dimmed" mb="xs">
          Default: all empty — every jurisdiction of the reference, weight 1. Fill some to draw homes only from those,
          in proportion to their weights.
        </Text>
        {errors['synthetic.homeWeights'] && (
          <Text size="sm" c="red">
            {errors['synthetic.homeWeights']}
          </Text>
        )}
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {jurisdictions.map((code) => (
            <NumberInput
              key={code}
              label={`Weight of home ${code}`}
              min={0}
              value={value.homeWeights[code] ?? ''}
              onChange={(v) => weight('homeWeights', code, v)}
            />
          ))}
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="Risk classes (weights)">
        <Text size="sm" c="dimmed" mb="xs">
          Default: all empty — the four classes, weight 1.
        </Text>
        {errors['synthetic.riskClassWeights'] && (
          <Text size="sm" c="red">
            {errors['synthetic.riskClassWeights']}
          </Text>
        )}
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {RISK_CLASSES.map((rc) => (
            <NumberInput
              key={rc}
              label={`Weight of ${rc.toLowerCase()} risk`}
              min={0}
              value={value.riskClassWeights[rc] ?? ''}
              onChange={(v) => weight('riskClassWeights', rc, v)}
            />
          ))}
        </SimpleGrid>
      </Fieldset>
      <TextInput
        label="Sector weights"
        description="Default: empty — the sectors the reference’s criteria name, weight 1. Written SECTOR=weight, separated by commas (FINANCE=3, HEALTH=1)."
        defaultValue={sectorText}
        key={sectorText}
        error={errors['synthetic.sectorWeights']}
        onBlur={(event) => {
          const weights: Record<string, number> = {};
          for (const part of event.currentTarget.value.split(',')) {
            const [k, w] = part.split('=').map((x) => x.trim());
            if (k && w !== undefined && w !== '' && !Number.isNaN(Number(w))) weights[k.toUpperCase()] = Number(w);
          }
          set({ sectorWeights: weights });
        }}
      />
    </Stack>
  );
}

function RecordedFields({
  value,
  jurisdictions,
  authorities,
  errors,
  onChange,
}: {
  value: RecordedFilter;
  jurisdictions: string[];
  authorities: { id: string; name: string; jurisdiction: string }[];
  errors: Record<string, string>;
  onChange: (value: RecordedFilter) => void;
}) {
  const set = (patch: Partial<RecordedFilter>) => onChange({ ...value, ...patch });
  return (
    <Stack>
      <Alert variant="light" color="blue" title="How recorded data is protected">
        <List size="sm" spacing={4}>
          <List.Item>
            A recorded population is built only from ACCEPTED results of reports marked PUBLIC or PARTICIPANTS — never
            from those only the home authority may read.
          </List.Item>
          <List.Item>You never get rows — no system, result or organisation — only aggregates.</List.Item>
          <List.Item>
            Any figure that covers fewer than 5 distinct AI systems is suppressed: shown as “suppressed”, not counted.
          </List.Item>
          <List.Item>
            A run is refused when the filtered population has fewer than 5 AI systems or fewer than 2 organisations.
          </List.Item>
        </List>
      </Alert>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label="Jurisdictions"
          description="Systems homed in, or tested in, one of these. Empty: all."
          data={jurisdictions}
          value={value.jurisdictions}
          error={errors['recorded.jurisdictions']}
          onChange={(jurisdictions) => set({ jurisdictions })}
          clearable
        />
        <TagsInput
          label="Sectors"
          description="Upper-case words such as FINANCE. Empty: all."
          value={value.sectors}
          error={errors['recorded.sectors']}
          onChange={(sectors) => set({ sectors: sectors.map((s) => s.trim().toUpperCase()) })}
          clearable
        />
        <MultiSelect
          label="Target authorities"
          description="Every system targets these. Empty: each system’s own enrolment targets."
          data={authorities.map((a) => ({ value: a.id, label: `${a.name} (${a.jurisdiction})` }))}
          value={value.targets}
          error={errors['recorded.targets']}
          onChange={(targets) => set({ targets })}
          searchable
          clearable
        />
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label="Tested from"
            description="Results tested on or after this day"
            value={value.testedFrom ?? ''}
            error={errors['recorded.testedFrom']}
            onChange={(event) => set({ testedFrom: event.currentTarget.value || null })}
          />
          <TextInput
            type="date"
            label="Tested until"
            description="Results tested on or before this day"
            value={value.testedTo ?? ''}
            error={errors['recorded.testedTo']}
            onChange={(event) => set({ testedTo: event.currentTarget.value || null })}
          />
        </Group>
      </SimpleGrid>
      <RecordedPreview filter={value} />
    </Stack>
  );
}

const figure = (cell: RecordedCellFragment, n: number | null) => (cell.suppressed ? 'suppressed' : (n ?? '—'));

function CellsTable({ caption, cells }: { caption: string; cells: RecordedCellFragment[] }) {
  return (
    <Table striped aria-label={caption} withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">
            {caption.replace(/^Recorded population by /, '').replace(/^./, (c) => c.toUpperCase())}
          </Table.Th>
          <Table.Th scope="col">AI systems</Table.Th>
          <Table.Th scope="col">Organisations</Table.Th>
          <Table.Th scope="col">Accepted results</Table.Th>
          <Table.Th scope="col">Targets</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cells.map((cell) => (
          <Table.Tr key={cell.key} data-suppressed={cell.suppressed || undefined}>
            <Table.Td>{cell.key === '*' ? 'Suppressed groups together' : cell.key}</Table.Td>
            <Table.Td>{figure(cell, cell.systems)}</Table.Td>
            <Table.Td>{figure(cell, cell.organisations)}</Table.Td>
            <Table.Td>{figure(cell, cell.results)}</Table.Td>
            <Table.Td>{figure(cell, cell.targets)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** What a run would take for this filter: recordedPopulation, asked again whenever the filter changes. */
function RecordedPreview({ filter }: { filter: RecordedFilter }) {
  const [{ data, fetching, error }, reload] = useQuery({
    query: RecordedPopulationPreviewDocument,
    variables: { filter: recordedInput(filter) },
    requestPolicy: 'cache-and-network',
  });
  const preview = data?.recordedPopulation;
  const total = preview?.total;
  return (
    <Stack gap="sm" aria-live="polite" aria-busy={fetching}>
      <Title order={3} size="h5">
        Preview of the recorded population
      </Title>
      <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
      {!preview ? (
        <Loader size="sm" aria-label="Loading the preview" />
      ) : (
        <>
          {preview.runnable ? (
            <Alert color="green" variant="light" title="A run can start on this population" data-runnable="true">
              {total?.systems} AI systems of {total?.organisations} organisations, {total?.results} accepted results,{' '}
              {total?.targets} targets.
            </Alert>
          ) : (
            <Alert color="orange" variant="light" title="A run would be refused" data-runnable="false">
              {total?.suppressed
                ? 'The filtered population has fewer than 5 AI systems (its figures are suppressed): a run needs at least 5 AI systems from at least 2 organisations.'
                : `The filtered population has ${total?.systems ?? 0} AI systems from ${total?.organisations ?? 0} organisation(s): a run needs at least 5 AI systems from at least 2 organisations.`}
            </Alert>
          )}
          <CellsTable caption="Recorded population in total" cells={[preview.total]} />
          <CellsTable caption="Recorded population by home jurisdiction" cells={preview.byHomeJurisdiction} />
          <CellsTable caption="Recorded population by sector" cells={preview.bySector} />
          <CellsTable caption="Recorded population by risk class" cells={preview.byRiskClass} />
        </>
      )}
    </Stack>
  );
}

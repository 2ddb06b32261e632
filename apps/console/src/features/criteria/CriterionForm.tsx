// Writing a criterion: version 1 of a new key (createCriterion), or the edit of a DRAFT version
// (updateCriterion, with the revision it read as `expectedRevision`). The form's values are named as
// the mutation's input, so the API's BAD_USER_INPUT problems land at their fields; what a kind needs
// (a metric's key, unit, comparator and thresholds; an evidence's document type; an attestation's
// statement) shows only for that kind, and only that kind's fields are sent.
import {
  Alert,
  Button,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useRef } from 'react';
import { useQuery } from 'urql';
import { useFormMutation } from '../../api/useFormMutation';
import {
  type Category,
  ClauseChoicesDocument,
  type Comparator,
  CreateCriterionDocument,
  type CriterionKind,
  type CriterionVersionFragment,
  type RiskClass,
  type Stage,
  UpdateCriterionDocument,
} from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { RISK_CLASSES } from '../systems/risk-classes';
import { CATEGORIES, COMPARATORS, KINDS, STAGES } from './words';

export interface CriterionValues {
  key: string;
  title: string;
  description: string;
  stage: Stage | '';
  category: Category | '';
  kind: CriterionKind;
  metricKey: string;
  unit: string;
  comparator: Comparator | '';
  threshold: number | string;
  thresholdHigh: number | string;
  evidenceType: string;
  statement: string;
  sectors: string[];
  riskClasses: RiskClass[];
  clauseIds: string[];
}

const EMPTY: CriterionValues = {
  key: '',
  title: '',
  description: '',
  stage: '',
  category: '',
  kind: 'METRIC',
  metricKey: '',
  unit: '',
  comparator: '',
  threshold: '',
  thresholdHigh: '',
  evidenceType: '',
  statement: '',
  sectors: [],
  riskClasses: [],
  clauseIds: [],
};

function valuesOf(c: CriterionVersionFragment): CriterionValues {
  return {
    key: c.key,
    title: c.title,
    description: c.description,
    stage: c.stage,
    category: c.category,
    kind: c.kind,
    metricKey: c.metricKey ?? '',
    unit: c.unit ?? '',
    comparator: c.comparator ?? '',
    threshold: c.threshold ?? '',
    thresholdHigh: c.thresholdHigh ?? '',
    evidenceType: c.evidenceType ?? '',
    statement: c.statement ?? '',
    sectors: c.sectors,
    riskClasses: c.riskClasses,
    clauseIds: c.clauses.map((clause) => clause.id),
  };
}

/** The labels of the fields, for the form and for "changed since you opened it". */
const FIELD_LABELS: Record<Exclude<keyof CriterionValues, 'key'>, string> = {
  title: 'Title',
  description: 'Description',
  stage: 'Stage',
  category: 'Category',
  kind: 'Kind',
  metricKey: 'Metric key',
  unit: 'Unit',
  comparator: 'Comparator',
  threshold: 'Threshold',
  thresholdHigh: 'Upper threshold',
  evidenceType: 'Document type',
  statement: 'Statement',
  sectors: 'Sectors',
  riskClasses: 'Risk classes',
  clauseIds: 'Clauses',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose saved value moved from `before` to `after` (someone else's edit). */
function changedFields(before: CriterionValues, after: CriterionValues): string[] {
  return (Object.keys(FIELD_LABELS) as (keyof typeof FIELD_LABELS)[])
    .filter((field) => !same(before[field], after[field]))
    .map((field) => FIELD_LABELS[field]);
}

const number = (value: number | string): number | null =>
  value === '' || value === null || value === undefined ? null : Number(value);
const text = (value: string): string | null => (value.trim() === '' ? null : value);

/** The definition the mutation takes: the chosen kind's fields, every other kind's cleared. */
function definitionOf(values: CriterionValues) {
  const metric = values.kind === 'METRIC';
  return {
    title: values.title,
    description: values.description,
    stage: values.stage as Stage,
    category: values.category as Category,
    kind: values.kind,
    metricKey: metric ? text(values.metricKey) : null,
    unit: metric ? text(values.unit) : null,
    comparator: metric && values.comparator ? values.comparator : null,
    threshold: metric ? number(values.threshold) : null,
    thresholdHigh: metric && values.comparator === 'BETWEEN' ? number(values.thresholdHigh) : null,
    evidenceType: values.kind === 'EVIDENCE' ? text(values.evidenceType) : null,
    statement: values.kind === 'ATTESTATION' ? text(values.statement) : null,
    sectors: values.sectors,
    riskClasses: values.riskClasses,
    clauseIds: values.clauseIds,
  };
}

export function CriterionForm({
  criterion,
  onSaved,
  onCancel,
  onRefresh,
}: {
  /** The DRAFT version to edit (as last loaded: its `revision` is sent); null writes a new criterion. */
  criterion: CriterionVersionFragment | null;
  onSaved: (saved: CriterionVersionFragment) => void;
  onCancel: () => void;
  /** Reloads the criterion (CONFLICT's refresh): the form keeps what was typed. */
  onRefresh: () => void;
}) {
  const form = useForm<CriterionValues>({
    initialValues: criterion ? valuesOf(criterion) : EMPTY,
    validate: {
      stage: (value) => (value ? null : 'Choose the stage it is assessed at'),
      category: (value) => (value ? null : 'Choose a category'),
    },
  });
  const create = useFormMutation(CreateCriterionDocument, form);
  const update = useFormMutation(UpdateCriterionDocument, form);
  const mutation = criterion ? update : create;
  // What the form was opened on: after a refresh, the fields a colleague changed since are named.
  const opened = useRef(criterion);
  const changedSince =
    criterion && opened.current && criterion.revision !== opened.current.revision
      ? changedFields(valuesOf(opened.current), valuesOf(criterion))
      : [];

  const [{ data: clauseData }] = useQuery({ query: ClauseChoicesDocument });
  const clauseOptions = useMemo(
    () =>
      (clauseData?.standards.edges ?? []).map(({ node }) => ({
        group: `${node.code}: ${node.title}`,
        items: node.clauses.map((clause) => ({ value: clause.id, label: `${clause.id} ${clause.title}` })),
      })),
    [clauseData],
  );

  async function save(values: CriterionValues) {
    const definition = definitionOf(values);
    if (criterion) {
      const data = await update.submit({
        input: { id: criterion.id, expectedRevision: criterion.revision, ...definition },
      });
      if (data) onSaved(data.updateCriterion);
    } else {
      const data = await create.submit({ input: { key: values.key, ...definition } });
      if (data) onSaved(data.createCriterion);
    }
  }

  /** A list field's error, or the first of its items' (`clauseIds.1` names the second clause). */
  const listError = (field: 'sectors' | 'riskClasses' | 'clauseIds') =>
    form.errors[field] ?? Object.entries(form.errors).find(([path]) => path.startsWith(`${field}.`))?.[1] ?? undefined;

  const kind = form.values.kind;
  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack>
        <ErrorNotice error={mutation.problem?.error} unplaced={mutation.problem?.unplaced} onRefresh={onRefresh} />
        {changedSince.length > 0 && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden size={20} />} title="Reloaded">
            Revision {criterion!.revision} is now the latest; your input is kept. Changed since you opened it:
            <List size="sm" mt={4}>
              {changedSince.map((label) => (
                <List.Item key={label}>{label}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {!criterion && (
          <TextInput
            label="Key"
            description="Stable across versions, e.g. testing.robustness-noise (lower case, digits, dots, dashes)"
            withAsterisk
            data-autofocus
            {...form.getInputProps('key')}
          />
        )}
        <TextInput
          label="Title"
          withAsterisk
          data-autofocus={criterion ? true : undefined}
          {...form.getInputProps('title')}
        />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Stage"
            description="When in a programme it is assessed"
            placeholder="Choose one"
            data={STAGES}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('stage')}
          />
          <Select
            label="Category"
            description="What it is about"
            placeholder="Choose one"
            data={CATEGORIES}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('category')}
          />
        </SimpleGrid>
        <Radio.Group
          label="Kind"
          description="What the innovator supplies"
          withAsterisk
          {...form.getInputProps('kind')}
        >
          <Group mt="xs">
            {KINDS.map((k) => (
              <Radio key={k.value} value={k.value} label={k.label} description={k.description} />
            ))}
          </Group>
        </Radio.Group>
        {kind === 'METRIC' && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Metric key"
                description="The measured quantity, e.g. accuracy.auc"
                withAsterisk
                {...form.getInputProps('metricKey')}
              />
              <TextInput
                label="Unit"
                description="e.g. ratio, ms, percent"
                withAsterisk
                {...form.getInputProps('unit')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label="Comparator"
                placeholder="Choose one"
                data={COMPARATORS}
                allowDeselect={false}
                withAsterisk
                {...form.getInputProps('comparator')}
              />
              <NumberInput
                label={form.values.comparator === 'BETWEEN' ? 'Lower threshold' : 'Threshold'}
                decimalScale={6}
                withAsterisk
                {...form.getInputProps('threshold')}
              />
              {form.values.comparator === 'BETWEEN' && (
                <NumberInput
                  label="Upper threshold"
                  decimalScale={6}
                  withAsterisk
                  {...form.getInputProps('thresholdHigh')}
                />
              )}
            </SimpleGrid>
          </>
        )}
        {kind === 'EVIDENCE' && (
          <TextInput
            label="Document type"
            description="The kind of document the innovator must supply, e.g. MODEL_CARD"
            withAsterisk
            {...form.getInputProps('evidenceType')}
          />
        )}
        {kind === 'ATTESTATION' && (
          <Textarea
            label="Statement"
            description="What the innovator attests"
            autosize
            minRows={2}
            withAsterisk
            {...form.getInputProps('statement')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TagsInput
            label="Sectors"
            description="Upper-case words such as FINANCE; none: every sector"
            {...form.getInputProps('sectors')}
            error={listError('sectors')}
          />
          <MultiSelect
            label="Risk classes"
            description="None: every risk class"
            data={RISK_CLASSES.map(({ value, label }) => ({ value, label }))}
            {...form.getInputProps('riskClasses')}
            error={listError('riskClasses')}
          />
        </SimpleGrid>
        <MultiSelect
          label="Clauses"
          description="Clauses of standards it references (shared clauses make criteria correspond)"
          data={clauseOptions}
          searchable
          nothingFoundMessage="No clause matches"
          {...form.getInputProps('clauseIds')}
          error={listError('clauseIds')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.submitting}>
            {criterion ? 'Save draft' : 'Create draft'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

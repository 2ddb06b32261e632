// A rule of a DRAFT agreement (addAgreementRule, or updateAgreementRule which replaces every field):
// origins and recognising jurisdictions among the parties; the scope (categories, stages, sectors,
// risk classes, criteria; empty = all); its window; the mode and effect; the conditions a result must
// meet; supplementary tests (RECOGNISE_WITH_CONDITIONS only). The values are named as the mutation's
// input, so each BAD_USER_INPUT problem (`input.mode`, `input.conditions.maxResultAgeDays`) is shown
// at its field; the rules are the API's, the form checks nothing itself but what it needs to send.
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useFormMutation } from '../../api/useFormMutation';
import {
  AddAgreementRuleDocument,
  type AgreementFieldsFragment,
  type AgreementRuleFieldsFragment,
  type Category,
  type RecognitionMode,
  type RiskClass,
  type RuleEffect,
  type Stage,
  UpdateAgreementRuleDocument,
} from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CATEGORIES, STAGES } from '../criteria/words';
import { RISK_CLASSES } from '../systems/risk-classes';
import { EFFECTS, MODES } from './words';

export interface RuleValues {
  name: string;
  origins: string[];
  recognising: string[];
  categories: Category[];
  stages: Stage[];
  sectors: string[];
  riskClasses: RiskClass[];
  criteria: string[];
  effectiveFrom: string;
  effectiveTo: string;
  mode: RecognitionMode | '';
  effect: RuleEffect;
  conditions: {
    requireAccreditedLab: boolean;
    accreditationBodies: string[];
    maxResultAgeDays: number | string;
    acceptedMethods: string[];
    minMargin: number | string;
  };
  supplementary: string;
}

function valuesOf(rule: AgreementRuleFieldsFragment | null): RuleValues {
  const s = rule?.supplementary as string | { text: string } | null | undefined;
  return {
    name: rule?.name ?? '',
    origins: rule?.origins ?? [],
    recognising: rule?.recognising ?? [],
    categories: rule?.categories ?? [],
    stages: rule?.stages ?? [],
    sectors: rule?.sectors ?? [],
    riskClasses: rule?.riskClasses ?? [],
    criteria: rule?.criteria ?? [],
    effectiveFrom: rule?.effectiveFrom ?? '',
    effectiveTo: rule?.effectiveTo ?? '',
    mode: rule?.mode ?? '',
    effect: rule?.effect ?? 'RECOGNISE',
    conditions: {
      requireAccreditedLab: rule?.conditions?.requireAccreditedLab ?? false,
      accreditationBodies: rule?.conditions?.accreditationBodies ?? [],
      maxResultAgeDays: rule?.conditions?.maxResultAgeDays ?? '',
      acceptedMethods: rule?.conditions?.acceptedMethods ?? [],
      minMargin: rule?.conditions?.minMargin ?? '',
    },
    supplementary: s == null ? '' : typeof s === 'string' ? s : s.text,
  };
}

const number = (value: number | string): number | null => (value === '' || value == null ? null : Number(value));

/** The fields the mutations share, as the API takes them. */
function fieldsOf(values: RuleValues) {
  const c = values.conditions;
  return {
    name: values.name.trim() || null,
    origins: values.origins,
    recognising: values.recognising,
    categories: values.categories,
    stages: values.stages,
    sectors: values.sectors,
    riskClasses: values.riskClasses,
    criteria: values.criteria,
    effectiveFrom: values.effectiveFrom || null,
    effectiveTo: values.effectiveTo || null,
    mode: values.mode || null,
    effect: values.effect,
    conditions: {
      requireAccreditedLab: c.requireAccreditedLab,
      accreditationBodies: c.accreditationBodies,
      maxResultAgeDays: number(c.maxResultAgeDays),
      acceptedMethods: c.acceptedMethods,
      minMargin: number(c.minMargin),
    },
    supplementary: values.supplementary.trim() ? values.supplementary : null,
  };
}

export function RuleForm({
  agreement,
  rule,
  onSaved,
  onCancel,
}: {
  agreement: AgreementFieldsFragment;
  /** The rule to edit; null adds one. */
  rule: AgreementRuleFieldsFragment | null;
  onSaved: (agreement: AgreementFieldsFragment) => void;
  onCancel: () => void;
}) {
  const form = useForm<RuleValues>({ initialValues: valuesOf(rule) });
  const add = useFormMutation(AddAgreementRuleDocument, form);
  const update = useFormMutation(UpdateAgreementRuleDocument, form);
  const mutation = rule ? update : add;

  async function save(values: RuleValues) {
    const fields = fieldsOf(values);
    if (rule) {
      const data = await update.submit({ input: { id: rule.id, ...fields } });
      if (data) onSaved(data.updateAgreementRule);
    } else {
      const data = await add.submit({ input: { agreementId: agreement.id, ...fields } });
      if (data) onSaved(data.addAgreementRule);
    }
  }

  /** A list field's error, or the first of its items'. */
  const listError = (field: string) =>
    form.errors[field] ?? Object.entries(form.errors).find(([path]) => path.startsWith(`${field}.`))?.[1] ?? undefined;
  const listProps = (field: keyof RuleValues) => ({ ...form.getInputProps(field), error: listError(field) });

  const parties = agreement.parties.map((code) => ({ value: code, label: code }));
  const effect = form.values.effect;
  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack>
        <ErrorNotice error={mutation.problem?.error} unplaced={mutation.problem?.unplaced} />
        <TextInput
          label="Name"
          description="A human label, e.g. “EU-tested accuracy results”"
          data-autofocus
          {...form.getInputProps('name')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label="Origins"
            description="Where the results were tested"
            withAsterisk
            data={parties}
            {...listProps('origins')}
          />
          <MultiSelect
            label="Recognising jurisdictions"
            description="Who accepts them"
            withAsterisk
            data={parties}
            {...listProps('recognising')}
          />
        </SimpleGrid>
        <Fieldset legend="Scope (empty = all)">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect label="Categories" data={CATEGORIES} {...listProps('categories')} />
            <MultiSelect label="Stages" data={STAGES} {...listProps('stages')} />
            <TagsInput
              label="Sectors"
              description="Upper-case words, e.g. FINANCE; Enter after each"
              {...listProps('sectors')}
            />
            <MultiSelect
              label="Risk classes"
              data={RISK_CLASSES.map(({ value, label }) => ({ value, label }))}
              {...listProps('riskClasses')}
            />
          </SimpleGrid>
          <TagsInput
            mt="sm"
            label="Criteria"
            description="Criterion ids (per version); Enter after each"
            {...listProps('criteria')}
          />
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label="Rule in force from"
            description="Empty = the agreement's"
            {...form.getInputProps('effectiveFrom')}
          />
          <TextInput
            type="date"
            label="Rule in force until"
            description="Exclusive; empty = the agreement's"
            {...form.getInputProps('effectiveTo')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Effect" withAsterisk allowDeselect={false} data={EFFECTS} {...form.getInputProps('effect')} />
          <Select
            label="Mode"
            description={
              MODES.find((m) => m.value === form.values.mode)?.description ?? 'Required unless the effect is Exclude'
            }
            placeholder="Choose a mode"
            clearable
            data={MODES.map(({ value, label }) => ({ value, label }))}
            {...form.getInputProps('mode')}
            onChange={(value) => form.setFieldValue('mode', (value ?? '') as RecognitionMode | '')}
          />
        </SimpleGrid>
        <Fieldset legend="Conditions a result must meet">
          <Stack>
            <Checkbox
              label="Tested by an accredited lab"
              {...form.getInputProps('conditions.requireAccreditedLab', { type: 'checkbox' })}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TagsInput
                label="Accreditation bodies"
                description="Empty = any; Enter after each"
                {...listProps('conditions.accreditationBodies' as keyof RuleValues)}
              />
              <TagsInput
                label="Accepted methods"
                description="Clause or method ids; empty = any"
                {...listProps('conditions.acceptedMethods' as keyof RuleValues)}
              />
              <NumberInput
                label="Maximum result age (days)"
                description="Empty = any age"
                allowDecimal={false}
                {...form.getInputProps('conditions.maxResultAgeDays')}
              />
              <NumberInput
                label="Minimum margin"
                description="By how much the result must pass its threshold; empty = 0"
                {...form.getInputProps('conditions.minMargin')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Textarea
          label="Supplementary tests"
          description={
            effect === 'RECOGNISE_WITH_CONDITIONS'
              ? 'What must still be tested locally'
              : 'Only for the effect “Recognise with supplementary tests”'
          }
          autosize
          minRows={2}
          {...form.getInputProps('supplementary')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.submitting}>
            {rule ? 'Save the rule' : 'Add the rule'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

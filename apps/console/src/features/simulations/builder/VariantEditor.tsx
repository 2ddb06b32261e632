// One variant of the scenario: stored drafts included as if signed (`add`, status IN_FORCE),
// agreements removed from the baseline (`remove`), and rules changed or removed (`replace`: the
// baseline's agreement with its rules edited). Each variant starts from the baseline; they do not stack.
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { AgreementRuleFieldsFragment, RecognitionMode, RuleEffect } from '../../../gql/graphql';
import { EFFECTS, MODES, ruleSentences } from '../../agreements/words';
import {
  agreementDocument,
  effectiveAgreement,
  type ScenarioAgreement,
  type ScenarioRule,
  type ScenarioVariant,
  type StoredAgreement,
  withReplacement,
} from './scenario';

export interface VariantEditorProps {
  index: number;
  variant: ScenarioVariant;
  baseline: ScenarioAgreement[];
  stored: StoredAgreement[];
  onChange: (variant: ScenarioVariant) => void;
  onRemove: () => void;
  /** Problems the API named at this variant: `name`, and anything else under it. */
  nameError?: string;
  error?: string;
}

export const agreementName = (stored: StoredAgreement[], id: string) => stored.find((a) => a.id === id)?.name ?? id;
const ruleName = (stored: StoredAgreement[], agreementId: string, ruleId: string) =>
  stored.find((a) => a.id === agreementId)?.rules.find((r) => r.id === ruleId)?.name || `rule ${ruleId}`;

/** A scenario rule in the agreements page's words. */
export const sentencesOf = (rule: ScenarioRule) =>
  ruleSentences({ ...rule, name: '' } as unknown as AgreementRuleFieldsFragment);

export function VariantEditor({
  index,
  variant,
  baseline,
  stored,
  onChange,
  onRemove,
  nameError,
  error,
}: VariantEditorProps) {
  const n = index + 1;
  const baselineIds = new Set(baseline.map((a) => a.id));
  const drafts = stored.filter((a) => a.status !== 'IN_FORCE' && a.status !== 'TERMINATED' && !baselineIds.has(a.id));
  const draftOptions = [
    ...drafts.map((a) => ({ value: a.id, label: `${a.name} (${a.status.toLowerCase()})` })),
    ...variant.add
      .filter((a) => !drafts.some((d) => d.id === a.id))
      .map((a) => ({ value: a.id, label: `${agreementName(stored, a.id)} (from the file)` })),
  ];
  const baselineOptions = baseline.map((a) => ({ value: a.id, label: agreementName(stored, a.id) }));

  function setDrafts(ids: string[]) {
    const add = ids.map(
      (id) =>
        variant.add.find((a) => a.id === id) ??
        agreementDocument(
          stored.find((a) => a.id === id)!,
          true,
        ),
    );
    onChange({ ...variant, add });
  }

  return (
    <Fieldset legend={`Variant ${n}: ${variant.name || 'unnamed'}`} data-variant={index}>
      <Stack>
        {error && (
          <Alert color="red" variant="light" title={`The API refused variant ${n}`}>
            {error}
          </Alert>
        )}
        <TextInput
          label={`Name of variant ${n}`}
          description="Unique; “baseline” is taken"
          withAsterisk
          value={variant.name}
          error={nameError}
          onChange={(event) => onChange({ ...variant, name: event.currentTarget.value })}
        />
        <MultiSelect
          label={`Drafts as if signed in variant ${n}`}
          description="Stored agreements not in force (drafts, proposed, suspended), simulated with the status IN_FORCE"
          data={draftOptions}
          value={variant.add.map((a) => a.id)}
          onChange={setDrafts}
          searchable
          clearable
          nothingFoundMessage="No stored draft"
        />
        <MultiSelect
          label={`Agreements removed from the baseline in variant ${n}`}
          description="As if they were terminated"
          data={baselineOptions}
          value={variant.remove}
          onChange={(remove) =>
            onChange({ ...variant, remove, replace: variant.replace.filter((a) => !remove.includes(a.id)) })
          }
          searchable
          clearable
          nothingFoundMessage="No agreement in the baseline"
        />
        <RuleChanges index={index} variant={variant} baseline={baseline} stored={stored} onChange={onChange} />
        <Group>
          <Button variant="subtle" color="red" onClick={onRemove}>
            Remove variant {n}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** The variant's rule changes in words, and a small form to change or remove one more rule. */
function RuleChanges({ index, variant, baseline, stored, onChange }: Omit<VariantEditorProps, 'onRemove'>) {
  const n = index + 1;
  const [agreementId, setAgreementId] = useState<string | null>(null);
  const [ruleId, setRuleId] = useState<string | null>(null);
  const [effect, setEffect] = useState<string | null>(null);
  const [mode, setMode] = useState<string | null>(null);
  const [accredited, setAccredited] = useState(false);
  const [maxAge, setMaxAge] = useState<number | string>('');

  const candidates = baseline.filter((a) => !variant.remove.includes(a.id));
  const agreement = agreementId ? effectiveAgreement(variant, baseline, agreementId) : undefined;
  const rule = agreement?.rules.find((r) => r.id === ruleId);

  function pickRule(id: string | null) {
    setRuleId(id);
    const r = agreement?.rules.find((x) => x.id === id);
    setEffect(r?.effect ?? null);
    setMode(r?.mode ?? null);
    setAccredited(Boolean(r?.conditions?.requireAccreditedLab));
    setMaxAge(r?.conditions?.maxResultAgeDays ?? '');
  }

  function apply(remove: boolean) {
    if (!agreement || !rule) return;
    const rules = remove
      ? agreement.rules.filter((r) => r.id !== rule.id)
      : agreement.rules.map((r) =>
          r.id !== rule.id
            ? r
            : {
                ...r,
                effect: effect ?? r.effect,
                mode: effect === 'EXCLUDE' ? null : (mode ?? r.mode),
                conditions: {
                  ...(r.conditions ?? {}),
                  requireAccreditedLab: accredited || null,
                  maxResultAgeDays: typeof maxAge === 'number' ? maxAge : null,
                },
              },
        );
    onChange(withReplacement(variant, { ...agreement, rules }));
    setRuleId(null);
  }

  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        Rule changes in variant {n}
      </Text>
      {variant.replace.length === 0 ? (
        <Text size="sm" c="dimmed">
          No rule changed: the baseline’s agreements keep their rules.
        </Text>
      ) : (
        <List size="sm" aria-label={`Rule changes in variant ${n}`}>
          {variant.replace.map((changed) => {
            const before = baseline.find((a) => a.id === changed.id);
            const removed = (before?.rules ?? []).filter((r) => !changed.rules.some((c) => c.id === r.id));
            const edited = changed.rules.filter((r) => {
              const old = before?.rules.find((b) => b.id === r.id);
              return !old || JSON.stringify(old) !== JSON.stringify(r);
            });
            return (
              <List.Item key={changed.id}>
                <Text size="sm" fw={500}>
                  {agreementName(stored, changed.id)}
                </Text>
                {removed.map((r) => (
                  <Text size="sm" key={`removed-${r.id}`}>
                    Removed: {ruleName(stored, changed.id, r.id)}
                  </Text>
                ))}
                {edited.map((r) => (
                  <Text size="sm" key={`changed-${r.id}`}>
                    Changed: {ruleName(stored, changed.id, r.id)} — {sentencesOf(r).join(' ')}
                  </Text>
                ))}
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => onChange({ ...variant, replace: variant.replace.filter((a) => a.id !== changed.id) })}
                >
                  Undo the changes to {agreementName(stored, changed.id)}
                </Button>
              </List.Item>
            );
          })}
        </List>
      )}
      <Group align="flex-end" wrap="wrap">
        <Select
          label={`Agreement whose rule to change in variant ${n}`}
          data={candidates.map((a) => ({ value: a.id, label: agreementName(stored, a.id) }))}
          value={agreementId}
          onChange={(id) => {
            setAgreementId(id);
            setRuleId(null);
          }}
          clearable
          w={320}
        />
        <Select
          label={`Which rule to change in variant ${n}`}
          data={(agreement?.rules ?? []).map((r) => ({ value: r.id, label: ruleName(stored, agreement!.id, r.id) }))}
          value={ruleId}
          onChange={pickRule}
          disabled={!agreement}
          clearable
          w={420}
        />
      </Group>
      {rule && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            Now: {sentencesOf(rule).join(' ')}
          </Text>
          <Group align="flex-end" wrap="wrap">
            <Select
              label="Effect"
              data={EFFECTS}
              value={effect}
              onChange={(v) => setEffect(v as RuleEffect | null)}
              allowDeselect={false}
              w={300}
            />
            <Select
              label="Mode"
              description={
                effect === 'EXCLUDE' ? 'Not read for an exclusion' : MODES.find((m) => m.value === mode)?.description
              }
              data={MODES.map(({ value, label }) => ({ value, label }))}
              value={effect === 'EXCLUDE' ? null : mode}
              onChange={(v) => setMode(v as RecognitionMode | null)}
              disabled={effect === 'EXCLUDE'}
              allowDeselect={false}
              w={300}
            />
          </Group>
          <Group align="flex-end" wrap="wrap">
            <Checkbox
              label="Only results tested by an accredited lab"
              checked={accredited}
              onChange={(event) => setAccredited(event.currentTarget.checked)}
            />
            <NumberInput
              label="Maximum result age (days)"
              description="Empty: any age"
              min={0}
              allowDecimal={false}
              value={maxAge}
              onChange={setMaxAge}
              w={220}
            />
          </Group>
          <Group>
            <Button variant="light" onClick={() => apply(false)}>
              Apply the change to the rule
            </Button>
            <Button variant="light" color="red" onClick={() => apply(true)}>
              Remove the rule in this variant
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

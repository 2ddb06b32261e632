// The application form: the AI system (new applications only), the targeted authorities and, for each
// targeted authority's ENTRY criterion, what the criterion kind asks for — a value (METRIC), an
// evidence reference with its SHA-256 (EVIDENCE: or a file of the organisation's evidence library,
// chosen or uploaded there, EvidencePicker), or an attestation (ATTESTATION). "Save as draft"
// creates the DRAFT (createEnrolment) or changes it (updateEnrolmentApplication, at the version read).
//
// The form's values are named as the mutations' input (`aiSystemId`, `targetAuthorityIds`,
// `entryResults.N.evidenceSha256`, …) so the API's field problems land at their fields. The form
// holds one row per entry criterion of the programme, but only the targeted authorities' filled (or
// earlier saved) rows are sent: the API's `input.entryResults.<sent position>` paths are mapped back
// to the form row they came from.
import {
  Badge,
  Button,
  Checkbox,
  Fieldset,
  FileButton,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { IconDeviceFloppy, IconFileDigit } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import type { FieldErrorTarget } from '../../api/errors';
import { useFormMutation } from '../../api/useFormMutation';
import {
  type ApplicationDraftFactsFragment,
  type ApplicationProgrammeFragment,
  CreateApplicationDocument,
  type ResultInput,
  UpdateApplicationDocument,
} from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { withChosenEvidence } from '../evidence/choice';
import { type ChosenEvidence, EvidencePicker } from '../evidence/EvidencePicker';
import { JOINT_ENTRY_RULES, requirement, ResultOutcomeBadge } from '../my-enrolments/words';

/** One form row per entry criterion of the programme; `value` is '' until a number is typed. */
export interface EntryRow {
  criterionId: string;
  value: number | string;
  evidenceReference: string;
  evidenceSha256: string;
  /** A file of the organisation's evidence library ('' none). */
  evidenceId: string;
  attested: boolean;
}

export interface ApplicationValues {
  aiSystemId: string;
  targetAuthorityIds: string[];
  entryResults: EntryRow[];
}

type Programme = ApplicationProgrammeFragment;
type SavedResult = ApplicationDraftFactsFragment['entryResults'][number];

/** The programme's entry criteria, authority by authority (lead first), each once. */
export function entryCriteria(programme: Programme) {
  const seen = new Set<string>();
  return programme.participants.flatMap((p) =>
    p.criteria
      .filter((c) => !seen.has(c.criterion.id) && seen.add(c.criterion.id))
      .map((c) => ({ authorityId: p.authority.id, mandatory: c.mandatory, criterion: c.criterion })),
  );
}

/** The form's values for a programme, from a saved draft when there is one. */
export function initialValues(programme: Programme, draft?: ApplicationDraftFactsFragment): ApplicationValues {
  const saved = new Map(draft?.entryResults.map((r) => [r.criterion.id, r]) ?? []);
  return {
    aiSystemId: draft?.aiSystem.id ?? '',
    targetAuthorityIds: draft?.tracks.map((t) => t.authority.id) ?? [],
    entryResults: entryCriteria(programme).map(({ criterion }) => {
      const r = saved.get(criterion.id);
      return {
        criterionId: criterion.id,
        value: r?.value ?? '',
        evidenceReference: r?.evidenceReference ?? '',
        evidenceSha256: r?.evidenceSha256 ?? '',
        evidenceId: r?.evidenceId ?? '',
        attested: r?.attested ?? false,
      };
    }),
  };
}

const filled = (row: EntryRow) =>
  typeof row.value === 'number' ||
  row.evidenceReference.trim() !== '' ||
  row.evidenceSha256.trim() !== '' ||
  row.evidenceId !== '' ||
  row.attested;

/** What the form sends: the targeted authorities' rows that say something (or change a saved result), and where each came from. */
function entryResultsToSend(
  programme: Programme,
  values: ApplicationValues,
  saved: ReadonlyMap<string, SavedResult>,
): { results: ResultInput[]; rows: number[] } {
  const criteria = entryCriteria(programme);
  const results: ResultInput[] = [];
  const rows: number[] = [];
  values.entryResults.forEach((row, index) => {
    const criterion = criteria[index];
    if (!criterion || !values.targetAuthorityIds.includes(criterion.authorityId)) return;
    if (!filled(row) && !saved.has(row.criterionId)) return;
    const text = (s: string) => (s.trim() === '' ? null : s);
    results.push({
      criterionId: row.criterionId,
      value: typeof row.value === 'number' ? row.value : null,
      evidenceReference: text(row.evidenceReference),
      evidenceSha256: text(row.evidenceSha256),
      evidenceId: criterion.criterion.kind === 'EVIDENCE' ? text(row.evidenceId) : null,
      attested: criterion.criterion.kind === 'ATTESTATION' ? row.attested : null,
    });
    rows.push(index);
  });
  return { results, rows };
}

/** SHA-256 of a file's content, 64 lower-case hex characters, computed in the browser (nothing is uploaded). */
async function sha256Of(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const canHash = typeof window !== 'undefined' && window.isSecureContext && !!globalThis.crypto?.subtle;

export function ApplicationForm({
  programme,
  draft,
  systems,
  onSaved,
  onRefresh,
  onDirtyChange,
}: {
  programme: Programme;
  /** The DRAFT to change; absent: a new application. */
  draft?: ApplicationDraftFactsFragment;
  /** New applications: the organisation's systems, with why one may not apply (already applied). */
  systems?: { value: string; label: string; disabled?: boolean }[];
  onSaved: (enrolment: ApplicationDraftFactsFragment, created: boolean) => void;
  /** CONFLICT's refresh: reloads the draft; the form keeps what was typed. */
  onRefresh?: () => void;
  /** Whether the form holds changes not saved yet (the draft page disables submitting meanwhile). */
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const form = useForm<ApplicationValues>({
    initialValues: initialValues(programme, draft),
    validate: { aiSystemId: (value) => (value ? null : 'Choose an AI system') },
  });
  const saved = new Map(draft?.entryResults.map((r) => [r.criterion.id, r]) ?? []);

  // The API names the position of a result in what was sent: map it back to the form's row.
  const sentRows = useRef<number[]>([]);
  const target: FieldErrorTarget = {
    getValues: () => {
      const values = form.getValues();
      return { ...values, entryResults: sentRows.current.map((row) => values.entryResults[row]) };
    },
    setFieldError: (path, message) =>
      form.setFieldError(
        path.replace(/^entryResults\.(\d+)\./, (_, sent: string) => `entryResults.${sentRows.current[+sent]}.`),
        message,
      ),
  };
  const create = useFormMutation(CreateApplicationDocument, target);
  const update = useFormMutation(UpdateApplicationDocument, target);
  const mutation = draft ? update : create;

  const dirty = form.isDirty();
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  async function save(values: ApplicationValues) {
    const { results, rows } = entryResultsToSend(programme, values, saved);
    sentRows.current = rows;
    if (draft) {
      const data = await update.submit({
        input: {
          enrolmentId: draft.id,
          expectedVersion: draft.version,
          targetAuthorityIds: values.targetAuthorityIds,
          entryResults: results,
        },
      });
      if (data) {
        form.resetDirty(values);
        onSaved(data.updateEnrolmentApplication, false);
      }
    } else {
      const data = await create.submit({
        input: {
          programmeId: programme.id,
          aiSystemId: values.aiSystemId,
          targetAuthorityIds: values.targetAuthorityIds,
          entryResults: results,
        },
      });
      if (data) {
        form.resetDirty(values);
        onSaved(data.createEnrolment, true);
      }
    }
  }

  const criteria = entryCriteria(programme);
  const rule = JOINT_ENTRY_RULES[programme.jointEntryRule];
  const targeted = programme.participants.filter((p) => form.values.targetAuthorityIds.includes(p.authority.id));

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate aria-label="Application">
      <Stack gap="lg">
        <ErrorNotice error={mutation.problem?.error} unplaced={mutation.problem?.unplaced} onRefresh={onRefresh} />
        {systems && (
          <Select
            label="AI system"
            description="The system you apply with; it has one application per programme at a time"
            placeholder="Choose one"
            data={systems}
            allowDeselect={false}
            withAsterisk
            maw={520}
            {...form.getInputProps('aiSystemId')}
          />
        )}
        <Checkbox.Group
          label="Authorities you apply to"
          description={`${rule.label}: ${rule.meaning}`}
          withAsterisk
          {...form.getInputProps('targetAuthorityIds')}
        >
          <Stack gap={6} mt={6}>
            {programme.participants.map((p) => (
              <Checkbox
                key={p.authority.id}
                value={p.authority.id}
                label={`${p.authority.acronym} — ${p.authority.name}${p.isLead ? ' (lead)' : ''}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>

        {targeted.length === 0 ? (
          <Text size="sm" c="dimmed">
            Choose the authorities you apply to: their entry criteria appear here.
          </Text>
        ) : (
          targeted.map((p) => (
            <Fieldset key={p.authority.id} legend={`${p.authority.acronym}: entry criteria`}>
              <Stack gap="md">
                {criteria.map((c, index) =>
                  c.authorityId !== p.authority.id ? null : (
                    <CriterionFields
                      key={c.criterion.id}
                      index={index}
                      criterion={c.criterion}
                      mandatory={c.mandatory}
                      saved={saved.get(c.criterion.id)}
                      form={form}
                    />
                  ),
                )}
              </Stack>
            </Fieldset>
          ))
        )}

        <Group>
          <Button type="submit" loading={mutation.submitting} leftSection={<IconDeviceFloppy size={16} />}>
            {draft ? 'Save draft' : 'Save as draft'}
          </Button>
          <Text size="sm" c="dimmed">
            {draft
              ? dirty
                ? 'You have changes not saved yet.'
                : 'All changes saved.'
              : 'Saving creates a draft: you see how each authority evaluates it before you submit.'}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

type Form = UseFormReturnType<ApplicationValues>;

function CriterionFields({
  index,
  criterion,
  mandatory,
  saved,
  form,
}: {
  index: number;
  criterion: ReturnType<typeof entryCriteria>[number]['criterion'];
  mandatory: boolean;
  saved: SavedResult | undefined;
  form: Form;
}) {
  const path = `entryResults.${index}`;
  // The file chosen last, with what it filled in (un-choosing it clears that).
  const chosen = useRef<ChosenEvidence | null>(saved?.evidence ?? null);
  return (
    <Fieldset
      variant="unstyled"
      legend={
        <Group gap="xs" component="span">
          <Text component="span" fw={600} size="sm">
            {criterion.title}
          </Text>
          <Badge size="sm" variant="light" color={mandatory ? 'red' : 'gray'}>
            {mandatory ? 'Mandatory' : 'Optional'}
          </Badge>
        </Group>
      }
    >
      <Stack gap={6}>
        <Text size="xs" c="dimmed">
          {criterion.kind === 'ATTESTATION' ? criterion.key : `${criterion.key} · ${requirement(criterion)}`}
        </Text>
        {criterion.kind === 'METRIC' && (
          <NumberInput
            label={`Value${criterion.unit ? ` (${criterion.unit})` : ''}`}
            description={criterion.metricKey ?? undefined}
            maw={260}
            decimalScale={9}
            {...form.getInputProps(`${path}.value`)}
          />
        )}
        {criterion.kind === 'EVIDENCE' && (
          <EvidencePicker
            label={criterion.title}
            value={form.values.entryResults[index].evidenceId}
            onChange={(evidence) => {
              const next = withChosenEvidence(form.getValues().entryResults[index], chosen.current, evidence);
              form.setFieldValue(`${path}.evidenceId`, next.evidenceId);
              form.setFieldValue(`${path}.evidenceSha256`, next.evidenceSha256);
              form.setFieldValue(`${path}.evidenceReference`, next.evidenceReference);
              chosen.current = evidence;
            }}
            error={form.errors[`${path}.evidenceId`]}
          />
        )}
        {criterion.kind === 'EVIDENCE' && (
          <Group align="flex-start" grow wrap="wrap">
            <TextInput
              label="Evidence reference"
              description={`Where the document (${criterion.evidenceType ?? 'evidence'}) is kept: a URI or a document id`}
              miw={240}
              {...form.getInputProps(`${path}.evidenceReference`)}
            />
            <TextInput
              label="SHA-256"
              description="Of the document's content: 64 lower-case hexadecimal characters"
              miw={300}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              spellCheck={false}
              autoComplete="off"
              {...form.getInputProps(`${path}.evidenceSha256`)}
            />
          </Group>
        )}
        {criterion.kind === 'EVIDENCE' && canHash && (
          <FileButton
            onChange={(file) => {
              if (!file) return;
              void sha256Of(file).then((hash) => {
                form.setFieldValue(`${path}.evidenceSha256`, hash);
                if (!form.getValues().entryResults[index].evidenceReference)
                  form.setFieldValue(`${path}.evidenceReference`, file.name);
              });
            }}
          >
            {(props) => (
              <Button
                {...props}
                variant="subtle"
                size="compact-sm"
                w="fit-content"
                leftSection={<IconFileDigit size={14} />}
              >
                Compute the SHA-256 from a file (it is not uploaded)
              </Button>
            )}
          </FileButton>
        )}
        {criterion.kind === 'ATTESTATION' && (
          <Checkbox
            label={`I attest: ${criterion.statement ?? criterion.title}`}
            {...form.getInputProps(`${path}.attested`, { type: 'checkbox' })}
          />
        )}
        {saved && (
          <Group gap="xs">
            <Text size="xs">Saved:</Text>
            <ResultOutcomeBadge outcome={saved.outcome} size="sm" />
            <Text size="xs" c="dimmed">
              {saved.detail}
            </Text>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}

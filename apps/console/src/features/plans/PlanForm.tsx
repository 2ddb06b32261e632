// The plan editor (innovator): every section of a sandbox plan version — the timeline with its
// milestones and the programme's maximum testing period, objectives, scope, the requirements in scope
// (the admitting authorities' criteria, the TESTING and EXIT ones they attached always included),
// personal data and the data protection authority, safeguards, the serious-incident procedure and an
// optional real-world-testing plan — each with who may read it. Proposed whole with proposeSandboxPlan
// at the enrolment version read: the API's field problems land on their fields, CONFLICT offers
// Refresh (the input is kept), a refusal (an end day moved later too late: EXTENSION_TOO_LATE) is said
// in words at the form and at the end day.
import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { createContext, useContext, useEffect, useRef } from 'react';
import { errorCode, transitionReason } from '../../api/errors';
import { useFormMutation } from '../../api/useFormMutation';
import { type ProposeSandboxPlanMutation, ProposeSandboxPlanDocument } from '../../gql/graphql';
import type { LinkedEvidence } from '../evidence/EvidenceLink';
import { STAGES } from '../reports/words';
import { day } from '../review/words';
import { formPath, milestoneKey, planInput, type PlanValues } from './plan-input';
import { PlanErrorNotice } from './PlanErrorNotice';
import { SectionEvidence } from './SectionEvidence';
import { addDays, CONFIDENTIALITY, meaningOf, SECTIONS } from './words';

export interface AuthorityOption {
  id: string;
  acronym: string;
  name: string;
}

export interface CriterionOption {
  id: string;
  key: string;
  title: string;
  stage: 'ENTRY' | 'TESTING' | 'EXIT';
  authority: { id: string; acronym: string };
  /** Attached for testing or exit by an admitting authority: the plan must include it. */
  required: boolean;
}

export interface PlanFormProps {
  enrolmentId: string;
  /** The enrolment version read (sent as expectedVersion); CONFLICT's Refresh moves it. */
  version: number;
  initialValues: PlanValues;
  maxTestingDays: number;
  /** Admitting authorities: a section may be marked as one's own. */
  authorities: AuthorityOption[];
  criteria: CriterionOption[];
  dataProtectionAuthorities: AuthorityOption[];
  submitLabel: string;
  onProposed: (plan: ProposeSandboxPlanMutation['proposeSandboxPlan']) => void;
  onCancel: () => void;
  /** Reloads the enrolment (CONFLICT), keeping the form's input. */
  onRefresh: () => Promise<unknown>;
  /** The evidence files the version the form starts from names (shown by title before the library loads). */
  knownEvidence?: LinkedEvidence[];
}

/** The files the starting version names, for every section's evidence list. */
const KnownEvidence = createContext<LinkedEvidence[]>([]);

type TextSection = 'objectives' | 'scope' | 'safeguards' | 'seriousIncidentProcedure';
const validDay = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Enter a day');

export function PlanForm(props: PlanFormProps) {
  const { authorities, criteria, maxTestingDays } = props;
  const form = useForm<PlanValues>({
    initialValues: props.initialValues,
    // Only what the input cannot be built without; every other rule is the API's.
    validate: {
      timeline: {
        startDay: validDay,
        endDay: validDay,
        milestones: { day: validDay },
      },
      realWorldTesting: {
        subjects: (value, values) =>
          values.withRealWorldTesting && (value === '' || !Number.isFinite(Number(value))) ? 'Enter a number' : null,
        durationDays: (value, values) =>
          values.withRealWorldTesting && (value === '' || !Number.isFinite(Number(value))) ? 'Enter a number' : null,
      },
    },
  });
  const target = {
    getValues: () => form.getValues(),
    setFieldError: (path: string, message: string) => form.setFieldError(formPath(path), message),
  };
  const propose = useFormMutation(ProposeSandboxPlanDocument, target);
  const formRef = useRef<HTMLFormElement>(null);
  const refusal = transitionReason(propose.problem?.error);

  useEffect(() => {
    if (!propose.problem) return;
    // Moving the agreed end day later is an extension: too late, and the end day is what to change.
    if (refusal?.reason === 'EXTENSION_TOO_LATE') form.setFieldError('timeline.endDay', refusal.message);
    // Take keyboard and screen-reader users to the first field the API refused, else to its alert.
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else formRef.current?.querySelector<HTMLElement>('[role="alert"]')?.scrollIntoView({ block: 'center' });
  }, [propose.problem]);

  async function save(values: PlanValues) {
    if (propose.submitting) return;
    const data = await propose.submit({ input: planInput(props.enrolmentId, props.version, values) });
    if (data) props.onProposed(data.proposeSandboxPlan);
  }

  const start = form.values.timeline.startDay;
  const latestEnd = validDay(start) ? null : addDays(start, maxTestingDays);
  const conflict = errorCode(propose.problem?.error) === 'CONFLICT';

  return (
    <KnownEvidence.Provider value={props.knownEvidence ?? []}>
      <form ref={formRef} onSubmit={form.onSubmit((values) => void save(values))} noValidate aria-label="Sandbox plan">
        <Stack gap="lg">
          <PlanErrorNotice
            error={propose.problem?.error}
            unplaced={propose.problem?.unplaced}
            onRefresh={() => void props.onRefresh().then(propose.clearProblem)}
          />
          {conflict && (
            <Text size="sm" c="dimmed">
              After Refresh, the plan is proposed at enrolment version {props.version}.
            </Text>
          )}

          <Fieldset legend="Timeline">
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput type="date" label="Start day" withAsterisk {...form.getInputProps('timeline.startDay')} />
                <TextInput
                  type="date"
                  label="End day"
                  description={
                    latestEnd
                      ? `Testing ends here. The programme allows at most ${maxTestingDays} days of testing: no later than ${day(latestEnd)}.`
                      : `Testing ends here. The programme allows at most ${maxTestingDays} days of testing from the start day.`
                  }
                  withAsterisk
                  {...form.getInputProps('timeline.endDay')}
                />
              </SimpleGrid>
              <Stack gap="xs">
                <Title order={3} size="h6">
                  Milestones
                </Title>
                {form.values.timeline.milestones.length === 0 && (
                  <Text size="sm" c="dimmed">
                    None yet: add the dated steps of the testing.
                  </Text>
                )}
                {form.values.timeline.milestones.map((m, index) => (
                  <Group
                    key={m.key}
                    align="flex-start"
                    wrap="nowrap"
                    role="group"
                    aria-label={`Milestone ${index + 1}`}
                  >
                    <TextInput
                      type="date"
                      label="Day"
                      withAsterisk
                      w={180}
                      {...form.getInputProps(`timeline.milestones.${index}.day`)}
                    />
                    <TextInput
                      label="Milestone"
                      withAsterisk
                      style={{ flex: 1 }}
                      {...form.getInputProps(`timeline.milestones.${index}.title`)}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      mt={28}
                      aria-label={`Remove milestone ${index + 1}`}
                      onClick={() => form.removeListItem('timeline.milestones', index)}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Group>
                ))}
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() =>
                    form.insertListItem('timeline.milestones', {
                      day: form.values.timeline.startDay,
                      title: '',
                      key: milestoneKey(),
                    })
                  }
                >
                  Add a milestone
                </Button>
              </Stack>
              <Marking form={form} section="timeline" authorities={authorities} />
            </Stack>
          </Fieldset>

          <TextFieldset
            form={form}
            section="objectives"
            legend="Objectives"
            description="What the testing is to show."
            authorities={authorities}
          />
          <TextFieldset
            form={form}
            section="scope"
            legend="Scope"
            description="What is tested, on whom, where: the boundaries the testing keeps to."
            authorities={authorities}
          />

          <Fieldset legend="Requirements in scope">
            <Stack>
              <div>
                <Text size="sm" fw={500} id="plan-required-criteria">
                  Always in scope
                </Text>
                <Text size="xs" c="dimmed" mb={6}>
                  The testing and exit criteria the admitting authorities attached to the programme.
                </Text>
                <List size="sm" spacing={2} aria-labelledby="plan-required-criteria">
                  {criteria
                    .filter((c) => c.required)
                    .map((c) => (
                      <List.Item key={c.id}>
                        {c.authority.acronym} · {c.title} ({c.key}) — {STAGES[c.stage].toLowerCase()}
                      </List.Item>
                    ))}
                </List>
              </div>
              {/* Its value holds the required criteria too: only the others have a box to tick. */}
              <Checkbox.Group
                label="Also in scope"
                description="Other criteria of the admitting authorities the testing covers, e.g. entry criteria tested again."
                {...form.getInputProps('requirements.criterionIds')}
              >
                <Stack gap={6} mt="xs">
                  {criteria
                    .filter((c) => !c.required)
                    .map((c) => (
                      <Checkbox
                        key={c.id}
                        value={c.id}
                        label={`${c.authority.acronym} · ${c.title} (${c.key})`}
                        description={`${STAGES[c.stage]} criterion`}
                      />
                    ))}
                </Stack>
              </Checkbox.Group>
              <Marking form={form} section="requirements" authorities={authorities} />
            </Stack>
          </Fieldset>

          <Fieldset legend="Personal data">
            <Stack>
              <Checkbox
                label="Personal data is processed during the testing"
                {...form.getInputProps('personalData.processed', { type: 'checkbox' })}
              />
              {form.values.personalData.processed && (
                <Select
                  label="Data protection authority involved"
                  placeholder="Choose an authority"
                  data={props.dataProtectionAuthorities.map((a) => ({
                    value: a.id,
                    label: `${a.name} (${a.acronym})`,
                  }))}
                  searchable
                  withAsterisk
                  {...form.getInputProps('personalData.dataProtectionAuthorityId')}
                />
              )}
              <Textarea
                label="Description"
                description="What personal data, whose, on what legal basis"
                autosize
                minRows={2}
                {...form.getInputProps('personalData.description')}
              />
              <Marking form={form} section="personalData" authorities={authorities} />
            </Stack>
          </Fieldset>

          <TextFieldset
            form={form}
            section="safeguards"
            legend="Safeguards"
            description="How the people affected are protected during the testing."
            authorities={authorities}
          />
          <TextFieldset
            form={form}
            section="seriousIncidentProcedure"
            legend="Serious-incident procedure"
            description="What happens when a serious incident occurs: who is told, how fast, what stops."
            authorities={authorities}
          />

          <Fieldset legend="Real-world testing">
            <Stack>
              <Switch
                label="The testing includes testing in real-world conditions"
                {...form.getInputProps('withRealWorldTesting', { type: 'checkbox' })}
              />
              {form.values.withRealWorldTesting && (
                <>
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextInput label="Where" withAsterisk {...form.getInputProps('realWorldTesting.location')} />
                    <NumberInput
                      label="Subjects"
                      description="How many people take part"
                      min={0}
                      allowDecimal={false}
                      withAsterisk
                      {...form.getInputProps('realWorldTesting.subjects')}
                    />
                    <NumberInput
                      label="Duration (days)"
                      min={1}
                      allowDecimal={false}
                      withAsterisk
                      {...form.getInputProps('realWorldTesting.durationDays')}
                    />
                  </SimpleGrid>
                  <Textarea
                    label="Informed consent"
                    description="How the subjects’ informed consent is obtained"
                    autosize
                    minRows={2}
                    withAsterisk
                    {...form.getInputProps('realWorldTesting.informedConsent')}
                  />
                  <Marking form={form} section="realWorldTesting" authorities={authorities} />
                </>
              )}
            </Stack>
          </Fieldset>

          <Textarea
            label="Why this version"
            description="What changed and why: the authorities read it with the proposal"
            autosize
            minRows={2}
            {...form.getInputProps('reasons')}
          />

          <Group justify="flex-end">
            <Button variant="default" onClick={props.onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={propose.submitting}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </KnownEvidence.Provider>
  );
}

type Form = UseFormReturnType<PlanValues>;

function TextFieldset({
  form,
  section,
  legend,
  description,
  authorities,
}: {
  form: Form;
  section: TextSection;
  legend: string;
  description: string;
  authorities: AuthorityOption[];
}) {
  return (
    <Fieldset legend={legend}>
      <Stack>
        <Textarea
          label={legend}
          description={description}
          autosize
          minRows={3}
          withAsterisk
          {...form.getInputProps(`${section}.text`)}
        />
        <Marking form={form} section={section} authorities={authorities} />
      </Stack>
    </Fieldset>
  );
}

/** Who may read a section: its confidentiality level, explained, and for one authority which one. */
function Marking({
  form,
  section,
  authorities,
}: {
  form: Form;
  section: Exclude<keyof PlanValues, 'reasons' | 'withRealWorldTesting'>;
  authorities: AuthorityOption[];
}) {
  const level = form.values[section].confidentiality;
  const owner = form.values[section].authorityId;
  const known = useContext(KnownEvidence);
  return (
    <Stack gap="xs">
      <SectionEvidence
        section={SECTIONS.find((s) => s.key === section)!.title}
        ids={form.values[section].evidenceIds}
        known={known}
        onChange={(ids) => form.setFieldValue(`${section}.evidenceIds`, ids)}
        error={form.errors[`${section}.evidenceIds`]}
      />
      <Radio.Group
        label="Who may read it"
        description={meaningOf(level)}
        {...form.getInputProps(`${section}.confidentiality`)}
      >
        <Group mt={6} gap="lg">
          {CONFIDENTIALITY.map((c) => (
            <Radio key={c.value} value={c.value} label={c.label} />
          ))}
        </Group>
      </Radio.Group>
      {(level === 'HOME_AUTHORITY' || owner) && (
        <Select
          label="The authority it belongs to"
          description="The only reader of a section marked for one authority"
          placeholder="Choose an admitting authority"
          data={authorities.map((a) => ({ value: a.id, label: `${a.acronym} — ${a.name}` }))}
          clearable
          withAsterisk={level === 'HOME_AUTHORITY'}
          maw={420}
          {...form.getInputProps(`${section}.authorityId`)}
        />
      )}
    </Stack>
  );
}

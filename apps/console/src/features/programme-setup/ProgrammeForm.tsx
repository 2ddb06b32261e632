// Creating a programme led by the regulator's authority (createProgramme, DRAFT), or editing one it
// leads while DRAFT or OPEN (updateProgramme). Values are named as the mutation's input, so the API's
// BAD_USER_INPUT problems land at their fields. Only what the variables cannot be built without is
// checked here: the two numbers and the joint-entry rule.
import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from 'urql';
import { useFormMutation } from '../../api/useFormMutation';
import {
  CreateProgrammeDocument,
  type JointEntryRule,
  SetupAuthoritiesDocument,
  type SetupProgrammeFragment,
  UpdateProgrammeDocument,
} from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { JOINT_ENTRY_RULES } from './words';

interface ProgrammeValues {
  name: string;
  description: string;
  sectors: string[];
  applicationOpens: string;
  applicationCloses: string;
  maxTestingDays: number | string;
  cohortCapacity: number | string;
  jointEntryRule: JointEntryRule;
  acceptsRecognisedResults: boolean;
  participantAuthorityIds: string[];
}

const required = (value: number | string) => (value === '' ? 'Enter a whole number' : null);

export function ProgrammeForm({
  programme,
  ownAuthorityId,
  onSaved,
  onCancel,
  onRefresh,
}: {
  /** The programme to edit; null creates one. */
  programme: SetupProgrammeFragment | null;
  /** The regulator's authority: the lead of a new programme, so not among the other participants. */
  ownAuthorityId: string | null;
  onSaved: (saved: SetupProgrammeFragment) => void;
  onCancel: () => void;
  /** Reloads the programme (CONFLICT's refresh): the form keeps what was typed. */
  onRefresh: () => void;
}) {
  const form = useForm<ProgrammeValues>({
    initialValues: programme
      ? {
          name: programme.name,
          description: programme.description,
          sectors: programme.sectors,
          applicationOpens: programme.applicationOpens ?? '',
          applicationCloses: programme.applicationCloses ?? '',
          maxTestingDays: programme.maxTestingDays,
          cohortCapacity: programme.cohortCapacity,
          jointEntryRule: programme.jointEntryRule,
          acceptsRecognisedResults: programme.acceptsRecognisedResults,
          participantAuthorityIds: [],
        }
      : {
          name: '',
          description: '',
          sectors: [],
          applicationOpens: '',
          applicationCloses: '',
          maxTestingDays: 180,
          cohortCapacity: 10,
          jointEntryRule: 'EACH_AUTHORITY',
          acceptsRecognisedResults: false,
          participantAuthorityIds: [],
        },
    validate: { maxTestingDays: required, cohortCapacity: required },
  });
  const create = useFormMutation(CreateProgrammeDocument, form);
  const update = useFormMutation(UpdateProgrammeDocument, form);
  const mutation = programme ? update : create;
  const [{ data: authorityData }] = useQuery({ query: SetupAuthoritiesDocument, pause: programme !== null });
  const authorityOptions = (authorityData?.authorities.edges ?? [])
    .map(({ node }) => node)
    .filter((a) => a.id !== ownAuthorityId)
    .map((a) => ({ value: a.id, label: `${a.acronym} (${a.jurisdiction.code}): ${a.name}` }));
  // The joint-entry rule is what applicants applied under: it cannot change once the programme is open.
  const ruleFixed = programme !== null && programme.status !== 'DRAFT';

  async function save(values: ProgrammeValues) {
    const fields = {
      name: values.name,
      description: values.description,
      sectors: values.sectors,
      applicationOpens: values.applicationOpens || null,
      applicationCloses: values.applicationCloses || null,
      maxTestingDays: Number(values.maxTestingDays),
      cohortCapacity: Number(values.cohortCapacity),
      jointEntryRule: values.jointEntryRule,
      acceptsRecognisedResults: values.acceptsRecognisedResults,
    };
    if (programme) {
      const data = await update.submit({ input: { id: programme.id, ...fields } });
      if (data) onSaved(data.updateProgramme);
    } else {
      const data = await create.submit({
        input: { ...fields, participantAuthorityIds: values.participantAuthorityIds },
      });
      if (data) onSaved(data.createProgramme);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack>
        <ErrorNotice error={mutation.problem?.error} unplaced={mutation.problem?.unplaced} onRefresh={onRefresh} />
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Textarea
          label="Description"
          description="What the programme tests, for whom, and what applicants should know"
          autosize
          minRows={3}
          {...form.getInputProps('description')}
        />
        <TagsInput
          label="Sectors"
          description="Upper-case words such as FINANCE or INSURANCE; press Enter after each"
          {...form.getInputProps('sectors')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label="Applications open"
            description="The first day, UTC (optional)"
            {...form.getInputProps('applicationOpens')}
          />
          <TextInput
            type="date"
            label="Applications close"
            description="The last day, UTC (optional)"
            {...form.getInputProps('applicationCloses')}
          />
          <NumberInput
            label="Cohort capacity"
            description="How many enrolments may hold a place at once"
            allowDecimal={false}
            withAsterisk
            {...form.getInputProps('cohortCapacity')}
          />
          <NumberInput
            label="Maximum testing days"
            description="How long an admitted system may test"
            allowDecimal={false}
            withAsterisk
            {...form.getInputProps('maxTestingDays')}
          />
        </SimpleGrid>
        <Radio.Group
          label="Joint-entry rule"
          description={
            ruleFixed
              ? 'How the authorities’ entry decisions combine: fixed once the programme is open'
              : 'How the authorities’ entry decisions combine'
          }
          withAsterisk
          {...form.getInputProps('jointEntryRule')}
        >
          <Stack gap="xs" mt="xs">
            {JOINT_ENTRY_RULES.map((rule) => (
              <Radio
                key={rule.value}
                value={rule.value}
                label={rule.label}
                description={rule.description}
                disabled={ruleFixed}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Checkbox
          label="Accept recognised results"
          description="Count a result of the same AI system recognised through an agreement in force at entry and exit"
          {...form.getInputProps('acceptsRecognisedResults', { type: 'checkbox' })}
        />
        {!programme && (
          <MultiSelect
            label="Other participating authorities"
            description="Your authority leads; you can add and remove participants later while the programme is a draft"
            data={authorityOptions}
            searchable
            nothingFoundMessage="No authority matches"
            {...form.getInputProps('participantAuthorityIds')}
            error={
              form.errors.participantAuthorityIds ??
              Object.entries(form.errors).find(([path]) => path.startsWith('participantAuthorityIds.'))?.[1]
            }
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.submitting}>
            {programme ? 'Save changes' : 'Create draft programme'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

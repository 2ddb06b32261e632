// Registering or editing an AI system. The API validates: its BAD_USER_INPUT problems land at the
// fields they name (useFormMutation); the form itself only insists on a risk class, which the
// mutation's variables cannot be built without (an enum value).
import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  RegisterSystemDocument,
  type RiskClass,
  type SystemRowFragment,
  UpdateSystemDocument,
} from '../../gql/graphql';
import { useFormMutation } from '../../api/useFormMutation';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { RISK_CLASSES } from './risk-classes';

interface SystemValues {
  name: string;
  sector: string;
  riskClass: RiskClass | '';
  intendedPurpose: string;
}

export function SystemForm({
  system,
  onSaved,
  onCancel,
  onRefresh,
}: {
  /** The system to edit; null registers a new one. */
  system: SystemRowFragment | null;
  onSaved: (saved: SystemRowFragment) => void;
  onCancel: () => void;
  /** Reloads the list (CONFLICT's refresh): the form keeps what was typed. */
  onRefresh: () => void;
}) {
  const form = useForm<SystemValues>({
    initialValues: system
      ? {
          name: system.name,
          sector: system.sector,
          riskClass: system.riskClass,
          intendedPurpose: system.intendedPurpose,
        }
      : { name: '', sector: '', riskClass: '', intendedPurpose: '' },
    validate: { riskClass: (value) => (value ? null : 'Choose a risk class') },
  });
  const register = useFormMutation(RegisterSystemDocument, form);
  const update = useFormMutation(UpdateSystemDocument, form);
  const mutation = system ? update : register;

  async function save(values: SystemValues) {
    const input = { ...values, riskClass: values.riskClass as RiskClass };
    if (system) {
      const data = await update.submit({ input: { id: system.id, ...input } });
      if (data) onSaved(data.updateAiSystem);
    } else {
      const data = await register.submit({ input });
      if (data) onSaved(data.registerAiSystem);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack>
        <ErrorNotice error={mutation.problem?.error} unplaced={mutation.problem?.unplaced} onRefresh={onRefresh} />
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <TextInput
          label="Sector"
          description="An upper-case word, such as FINANCE, INSURANCE or HEALTH"
          withAsterisk
          {...form.getInputProps('sector')}
        />
        <Select
          label="Risk class"
          description="As the EU AI Act would classify the system"
          placeholder="Choose one"
          data={RISK_CLASSES}
          allowDeselect={false}
          withAsterisk
          {...form.getInputProps('riskClass')}
        />
        <Textarea
          label="Intended purpose"
          description="What the system does and for whom (10 to 5,000 characters)"
          autosize
          minRows={3}
          withAsterisk
          {...form.getInputProps('intendedPurpose')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.submitting}>
            {system ? 'Save changes' : 'Register'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

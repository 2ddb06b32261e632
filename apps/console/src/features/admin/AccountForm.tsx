// Creating an account: its role decides whom it acts for (an authority, an organisation or a
// jurisdiction, chosen from the reference data). The API validates; its problems land at the fields.
import { Button, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from 'urql';
import {
  AdminCreateAccountDocument,
  type AdminAccountRowFragment,
  AdminReferenceDataDocument,
  type Role,
} from '../../gql/graphql';
import { useFormMutation } from '../../api/useFormMutation';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ROLES } from './words';

interface AccountValues {
  email: string;
  displayName: string;
  password: string;
  role: Role | '';
  authorityId: string;
  organisationId: string;
  jurisdictionCode: string;
}

export function AccountForm({
  onSaved,
  onCancel,
}: {
  onSaved: (saved: AdminAccountRowFragment) => void;
  onCancel: () => void;
}) {
  const [{ data }] = useQuery({ query: AdminReferenceDataDocument });
  const form = useForm<AccountValues>({
    initialValues: {
      email: '',
      displayName: '',
      password: '',
      role: '',
      authorityId: '',
      organisationId: '',
      jurisdictionCode: '',
    },
    validate: { role: (value) => (value ? null : 'Choose a role') },
  });
  const create = useFormMutation(AdminCreateAccountDocument, form);
  const role = form.values.role;

  async function save(values: AccountValues) {
    const saved = await create.submit({
      input: {
        email: values.email,
        displayName: values.displayName,
        password: values.password,
        role: values.role as Role,
        authorityId: values.role === 'REGULATOR' ? values.authorityId || null : null,
        organisationId: values.role === 'INNOVATOR' ? values.organisationId || null : null,
        jurisdictionCode: values.role === 'NEGOTIATOR' ? values.jurisdictionCode || null : null,
      },
    });
    if (saved) onSaved(saved.createAccount);
  }

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack>
        <ErrorNotice error={create.problem?.error} unplaced={create.problem?.unplaced} />
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('displayName')} />
        <TextInput label="E-mail" type="email" withAsterisk {...form.getInputProps('email')} />
        <PasswordInput
          label="Password"
          description="At least 12 characters, not a commonly used password"
          autoComplete="new-password"
          withAsterisk
          {...form.getInputProps('password')}
        />
        <Select
          label="Role"
          placeholder="Choose one"
          data={ROLES}
          allowDeselect={false}
          withAsterisk
          {...form.getInputProps('role')}
        />
        {role === 'REGULATOR' && (
          <Select
            label="Authority"
            description="The authority the regulator acts for"
            searchable
            withAsterisk
            data={(data?.authorities.edges ?? []).map(({ node }) => ({
              value: node.id,
              label: `${node.acronym} — ${node.name}`,
            }))}
            {...form.getInputProps('authorityId')}
          />
        )}
        {role === 'INNOVATOR' && (
          <Select
            label="Organisation"
            description="The organisation the innovator acts for"
            searchable
            withAsterisk
            data={(data?.organisations.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name }))}
            {...form.getInputProps('organisationId')}
          />
        )}
        {role === 'NEGOTIATOR' && (
          <Select
            label="Jurisdiction"
            description="The jurisdiction the negotiator acts for"
            searchable
            withAsterisk
            data={(data?.jurisdictions.edges ?? []).map(({ node }) => ({
              value: node.code,
              label: `${node.code} — ${node.name}`,
            }))}
            {...form.getInputProps('jurisdictionCode')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.submitting}>
            Create the account
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

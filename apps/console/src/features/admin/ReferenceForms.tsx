// The reference data's forms: a jurisdiction, an authority, an organisation — created, or edited
// (what the API lets change: a jurisdiction's code and an authority's jurisdiction stay). The API
// validates; its problems land at the fields.
import { Button, Group, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import {
  AdminCreateAuthorityDocument,
  AdminCreateJurisdictionDocument,
  AdminCreateOrganisationDocument,
  type AdminAuthorityRowFragment,
  type AdminJurisdictionRowFragment,
  type AdminOrganisationRowFragment,
  AdminUpdateAuthorityDocument,
  AdminUpdateJurisdictionDocument,
  AdminUpdateOrganisationDocument,
  type RegulatoryApproach,
} from '../../gql/graphql';
import { useFormMutation } from '../../api/useFormMutation';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { APPROACHES } from './words';

interface FormProps<T> {
  editing: T | null;
  onSaved: (name: string) => void;
  onCancel: () => void;
  onRefresh: () => void;
}

type Choice = { value: string; label: string };

function Buttons({ onCancel, submitting, editing }: { onCancel: () => void; submitting: boolean; editing: boolean }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={submitting}>
        {editing ? 'Save changes' : 'Create'}
      </Button>
    </Group>
  );
}

function FormFrame({
  children,
  onSubmit,
}: {
  children: ReactNode;
  onSubmit: (e?: React.FormEvent<HTMLFormElement>) => void;
}) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>{children}</Stack>
    </form>
  );
}

export function JurisdictionForm({ editing, onSaved, onCancel, onRefresh }: FormProps<AdminJurisdictionRowFragment>) {
  const form = useForm({
    initialValues: { code: editing?.code ?? '', name: editing?.name ?? '', approach: editing?.approach ?? '' },
    validate: { approach: (v) => (v ? null : 'Choose an approach') },
  });
  const create = useFormMutation(AdminCreateJurisdictionDocument, form);
  const update = useFormMutation(AdminUpdateJurisdictionDocument, form);
  const mutation = editing ? update : create;
  async function save(values: typeof form.values) {
    const input = { ...values, approach: values.approach as RegulatoryApproach };
    const data = editing ? await update.submit({ input }) : await create.submit({ input });
    if (data) onSaved(values.name);
  }
  return (
    <FormFrame onSubmit={form.onSubmit((values) => void save(values))}>
      <ErrorNotice error={mutation.problem?.error} unplaced={mutation.problem?.unplaced} onRefresh={onRefresh} />
      <TextInput
        label="Code"
        description="Upper case: EU, GB, US-CO, …"
        withAsterisk
        disabled={!!editing}
        data-autofocus
        {...form.getInputProps('code')}
      />
      <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
      <Select
        label="Regulatory approach"
        placeholder="Choose one"
        data={APPROACHES}
        allowDeselect={false}
        withAsterisk
        {...form.getInputProps('approach')}
      />
      <Buttons onCancel={onCancel} submitting={mutation.submitting} editing={!!editing} />
    </FormFrame>
  );
}

export function AuthorityForm({
  editing,
  jurisdictions,
  onSaved,
  onCancel,
  onRefresh,
}: FormProps<AdminAuthorityRowFragment> & { jurisdictions: Choice[] }) {
  const form = useForm({
    initialValues: {
      acronym: editing?.acronym ?? '',
      name: editing?.name ?? '',
      jurisdictionCode: editing?.jurisdiction.code ?? '',
      sectors: editing?.sectors ?? [],
      website: editing?.website ?? '',
    },
    validate: { jurisdictionCode: (v) => (v ? null : 'Choose a jurisdiction') },
  });
  const create = useFormMutation(AdminCreateAuthorityDocument, form);
  const update = useFormMutation(AdminUpdateAuthorityDocument, form);
  const mutation = editing ? update : create;
  async function save(values: typeof form.values) {
    const common = {
      acronym: values.acronym,
      name: values.name,
      sectors: values.sectors,
      website: values.website.trim() || null,
    };
    const data = editing
      ? await update.submit({ input: { id: editing.id, ...common } })
      : await create.submit({ input: { ...common, jurisdictionCode: values.jurisdictionCode } });
    if (data) onSaved(values.acronym);
  }
  return (
    <FormFrame onSubmit={form.onSubmit((values) => void save(values))}>
      <ErrorNotice error={mutation.problem?.error} unplaced={mutation.problem?.unplaced} onRefresh={onRefresh} />
      <TextInput label="Acronym" withAsterisk data-autofocus {...form.getInputProps('acronym')} />
      <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
      <Select
        label="Jurisdiction"
        placeholder="Choose one"
        data={jurisdictions}
        searchable
        allowDeselect={false}
        withAsterisk
        disabled={!!editing}
        {...form.getInputProps('jurisdictionCode')}
      />
      <TagsInput
        label="Sectors"
        description="Upper-case words such as FINANCE; none: cross-sector. Press Enter after each."
        {...form.getInputProps('sectors')}
      />
      <TextInput label="Website" description="https://…" {...form.getInputProps('website')} />
      <Buttons onCancel={onCancel} submitting={mutation.submitting} editing={!!editing} />
    </FormFrame>
  );
}

export function OrganisationForm({
  editing,
  jurisdictions,
  onSaved,
  onCancel,
  onRefresh,
}: FormProps<AdminOrganisationRowFragment> & { jurisdictions: Choice[] }) {
  const form = useForm({
    initialValues: { name: editing?.name ?? '', homeJurisdictionCode: editing?.homeJurisdiction.code ?? '' },
    validate: { homeJurisdictionCode: (v) => (v ? null : 'Choose a jurisdiction') },
  });
  const create = useFormMutation(AdminCreateOrganisationDocument, form);
  const update = useFormMutation(AdminUpdateOrganisationDocument, form);
  const mutation = editing ? update : create;
  async function save(values: typeof form.values) {
    const data = editing
      ? await update.submit({ input: { id: editing.id, ...values } })
      : await create.submit({ input: values });
    if (data) onSaved(values.name);
  }
  return (
    <FormFrame onSubmit={form.onSubmit((values) => void save(values))}>
      <ErrorNotice error={mutation.problem?.error} unplaced={mutation.problem?.unplaced} onRefresh={onRefresh} />
      <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
      <Select
        label="Home jurisdiction"
        placeholder="Choose one"
        data={jurisdictions}
        searchable
        allowDeselect={false}
        withAsterisk
        {...form.getInputProps('homeJurisdictionCode')}
      />
      <Buttons onCancel={onCancel} submitting={mutation.submitting} editing={!!editing} />
    </FormFrame>
  );
}

// A draft agreement's terms: a new one (createAgreement) or a DRAFT's (updateAgreement): name, kind,
// parties (the negotiator's own jurisdiction among them) and its window. The values are named as the mutation's input, so the API's problems
// (`input.parties`, `input.effectiveTo`) land at their fields.
import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from 'urql';
import { useFormMutation } from '../../api/useFormMutation';
import {
  type AgreementFieldsFragment,
  AgreementJurisdictionsDocument,
  type AgreementKind,
  CreateAgreementDocument,
  UpdateAgreementTermsDocument,
} from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';

interface Values {
  name: string;
  kind: AgreementKind;
  parties: string[];
  effectiveFrom: string;
  effectiveTo: string;
}

export function AgreementForm({
  agreement = null,
  ownJurisdiction,
  onSaved,
  onCancel,
}: {
  /** The DRAFT whose terms are edited; null creates one. */
  agreement?: AgreementFieldsFragment | null;
  ownJurisdiction: string | null;
  onSaved: (agreement: AgreementFieldsFragment) => void;
  onCancel: () => void;
}) {
  const form = useForm<Values>({
    initialValues: agreement
      ? {
          name: agreement.name,
          kind: agreement.kind,
          parties: agreement.parties,
          effectiveFrom: agreement.effectiveFrom ?? '',
          effectiveTo: agreement.effectiveTo ?? '',
        }
      : {
          name: '',
          kind: 'BILATERAL',
          parties: ownJurisdiction ? [ownJurisdiction] : [],
          effectiveFrom: '',
          effectiveTo: '',
        },
  });
  const createMutation = useFormMutation(CreateAgreementDocument, form);
  const update = useFormMutation(UpdateAgreementTermsDocument, form);
  const create = agreement ? update : createMutation;
  const [{ data }] = useQuery({ query: AgreementJurisdictionsDocument });
  const options = (data?.jurisdictions.edges ?? []).map(({ node }) => ({
    value: node.code,
    label: `${node.code} — ${node.name}`,
  }));

  async function save(values: Values) {
    const input = {
      name: values.name,
      kind: values.kind,
      parties: values.parties,
      effectiveFrom: values.effectiveFrom || null,
      effectiveTo: values.effectiveTo || null,
    };
    if (agreement) {
      const saved = await update.submit({ input: { id: agreement.id, ...input } });
      if (saved) onSaved(saved.updateAgreement);
    } else {
      const saved = await createMutation.submit({ input });
      if (saved) onSaved(saved.createAgreement);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack>
        <ErrorNotice error={create.problem?.error} unplaced={create.problem?.unplaced} />
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Select
          label="Kind"
          withAsterisk
          allowDeselect={false}
          data={[
            { value: 'BILATERAL', label: 'Bilateral (2 parties)' },
            { value: 'PLURILATERAL', label: 'Plurilateral (3 parties or more)' },
          ]}
          {...form.getInputProps('kind')}
        />
        <MultiSelect
          label="Parties"
          description="Jurisdictions; yours among them."
          withAsterisk
          searchable
          data={options}
          {...form.getInputProps('parties')}
        />
        <SimpleGrid cols={2}>
          <TextInput type="date" label="In force from" {...form.getInputProps('effectiveFrom')} />
          <TextInput
            type="date"
            label="In force until"
            description="Exclusive; empty = open-ended"
            {...form.getInputProps('effectiveTo')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.submitting}>
            {agreement ? 'Save the terms' : 'Create draft'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// Editing a file's details: its title, effective day and expiry day (the bytes never change: a new
// file is a revision). Sent with the version read (`expectedVersion`): if someone changed the file
// meanwhile the API answers CONFLICT, shown with a Refresh that reloads the list and keeps what was
// typed here (the notice goes once the new version has arrived). The API's field problems land at their fields.
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { useFormMutation } from '../../api/useFormMutation';
import { type EvidenceRowFragment, UpdateEvidenceMetadataDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';

interface MetadataValues {
  title: string;
  effectiveDay: string;
  expiryDay: string;
}

export function EvidenceMetadataForm({
  evidence,
  onSaved,
  onCancel,
  onRefresh,
}: {
  evidence: EvidenceRowFragment;
  onSaved: (saved: EvidenceRowFragment) => void;
  onCancel: () => void;
  /** Reloads the list (CONFLICT's refresh): the form keeps what was typed. */
  onRefresh: () => void;
}) {
  const form = useForm<MetadataValues>({
    initialValues: {
      title: evidence.title,
      effectiveDay: evidence.effectiveDay,
      expiryDay: evidence.expiryDay ?? '',
    },
  });
  const update = useFormMutation(UpdateEvidenceMetadataDocument, form);
  // A CONFLICT's Refresh has brought the file's new version: the next save is made at it.
  const version = useRef(evidence.version);
  useEffect(() => {
    if (evidence.version === version.current) return;
    version.current = evidence.version;
    update.clearProblem();
  }, [evidence.version]);

  async function save(values: MetadataValues) {
    const data = await update.submit({
      input: {
        id: evidence.id,
        title: values.title,
        effectiveDay: values.effectiveDay,
        expiryDay: values.expiryDay || null,
        clearExpiry: values.expiryDay === '' && evidence.expiryDay !== null,
        expectedVersion: evidence.version,
      },
    });
    if (data) onSaved(data.updateEvidenceMetadata);
  }

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack>
        <ErrorNotice error={update.problem?.error} unplaced={update.problem?.unplaced} onRefresh={onRefresh} />
        <TextInput label="Title" withAsterisk data-autofocus {...form.getInputProps('title')} />
        <TextInput
          type="date"
          label="Effective day"
          description="The day the evidence speaks for"
          withAsterisk
          {...form.getInputProps('effectiveDay')}
        />
        <TextInput
          type="date"
          label="Expiry day"
          description="Left blank: it does not expire"
          {...form.getInputProps('expiryDay')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={update.submitting}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

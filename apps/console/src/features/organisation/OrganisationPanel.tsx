// The innovator's organisation, as a panel on My AI systems: its name and home jurisdiction, and a form
// to change them (updateOrganisation; the API's field problems at their fields).
import { Button, Group, Paper, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconBuilding, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useQuery } from 'urql';
import { useFormMutation } from '../../api/useFormMutation';
import {
  JurisdictionChoicesDocument,
  type MyOrganisationFactsFragment,
  MyOrganisationDocument,
  UpdateMyOrganisationDocument,
} from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';

export function OrganisationPanel() {
  const [{ data, fetching, error }, reload] = useQuery({ query: MyOrganisationDocument });
  const [editing, setEditing] = useState(false);
  const organisation = data?.me.organisation;
  const refresh = () => reload({ requestPolicy: 'network-only' });

  return (
    <Paper withBorder p="md" mb="lg" component="section" aria-labelledby="organisation-heading">
      <ErrorNotice error={error} onRetry={refresh} />
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm" wrap="nowrap">
          <IconBuilding size={28} stroke={1.5} aria-hidden />
          <Stack gap={0}>
            <Text size="xs" c="dimmed" id="organisation-heading" component="h2" fw={700} tt="uppercase" m={0}>
              Your organisation
            </Text>
            {fetching && !data ? (
              <Skeleton h={20} w={240}>
                <span className="visually-hidden">Loading your organisation</span>
              </Skeleton>
            ) : organisation ? (
              <Text fw={600}>
                <span>{organisation.name}</span>
                <Text component="span" c="dimmed" fw={400} size="sm">
                  {' '}
                  · home jurisdiction {organisation.homeJurisdiction.name} ({organisation.homeJurisdiction.code})
                </Text>
              </Text>
            ) : data ? (
              <Text>Your account acts for no organisation.</Text>
            ) : null}
          </Stack>
        </Group>
        {organisation && (
          <Button variant="default" size="xs" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
            Edit organisation
          </Button>
        )}
      </Group>
      <Dialog opened={editing} onClose={() => setEditing(false)} title="Edit your organisation">
        {editing && organisation && (
          <OrganisationForm
            organisation={organisation}
            onRefresh={refresh}
            onCancel={() => setEditing(false)}
            onSaved={(saved) => {
              notifications.show({ color: 'green', title: 'Organisation saved', message: saved.name });
              setEditing(false);
            }}
          />
        )}
      </Dialog>
    </Paper>
  );
}

function OrganisationForm({
  organisation,
  onSaved,
  onCancel,
  onRefresh,
}: {
  organisation: MyOrganisationFactsFragment;
  onSaved: (saved: MyOrganisationFactsFragment) => void;
  onCancel: () => void;
  onRefresh: () => void;
}) {
  const [{ data }] = useQuery({ query: JurisdictionChoicesDocument });
  const form = useForm({
    initialValues: { name: organisation.name, homeJurisdictionCode: organisation.homeJurisdiction.code },
    validate: { homeJurisdictionCode: (value) => (value ? null : 'Choose a jurisdiction') },
  });
  const update = useFormMutation(UpdateMyOrganisationDocument, form);
  const jurisdictions = data?.jurisdictions.edges.map(({ node }) => ({
    value: node.code,
    label: `${node.name} (${node.code})`,
  })) ?? [
    {
      value: organisation.homeJurisdiction.code,
      label: `${organisation.homeJurisdiction.name} (${organisation.homeJurisdiction.code})`,
    },
  ];

  async function save(values: typeof form.values) {
    const saved = await update.submit({ input: { id: organisation.id, ...values } });
    if (saved) onSaved(saved.updateOrganisation);
  }

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack>
        <ErrorNotice error={update.problem?.error} unplaced={update.problem?.unplaced} onRefresh={onRefresh} />
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Select
          label="Home jurisdiction"
          data={jurisdictions}
          searchable
          allowDeselect={false}
          withAsterisk
          {...form.getInputProps('homeJurisdictionCode')}
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

// One AI system (innovator), at /innovator/systems/:id: what it is (edited with the systems form) and
// its enrolments, each with its state and tracks, linking to the enrolment's page.
import { Anchor, Badge, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { type MyEnrolmentRowFragment, MySystemDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { EnrolmentsTable } from '../my-enrolments/EnrolmentsTable';
import { usePaging } from '../my-enrolments/paging';
import { riskClass } from '../systems/risk-classes';
import { SystemForm } from '../systems/SystemForm';

const CONTEXT = { additionalTypenames: ['Enrolment'] };

export function Component() {
  const { id = '' } = useParams();
  const paging = usePaging<MyEnrolmentRowFragment>();
  const [{ data, fetching, error }, reload] = useQuery({
    query: MySystemDocument,
    variables: { id, first: 50, after: paging.after },
    context: CONTEXT,
  });
  const [editing, setEditing] = useState(false);
  const refresh = () => reload({ requestPolicy: 'network-only' });
  const system = data?.aiSystem;
  const enrolments = paging.items(data?.enrolments.edges.map((e) => e.node) ?? []);
  const more = data?.enrolments.pageInfo;

  const back = (
    <Anchor component={Link} to="/innovator/systems" size="sm" mb="xs" display="inline-flex">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        My AI systems
      </Group>
    </Anchor>
  );

  if (fetching && !data)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the AI system" />
      </Center>
    );
  if (!system)
    return (
      <>
        {back}
        <PageHeader title="AI system" />
        <ErrorNotice error={error} onRetry={refresh} />
        {!error && <Text>Not found, or not yours to see.</Text>}
      </>
    );

  const risk = riskClass(system.riskClass);
  return (
    <>
      {back}
      <PageHeader
        title={system.name}
        description={`${system.organisation.name} · ${system.sector}`}
        actions={
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            Edit
          </Button>
        }
      />
      <ErrorNotice error={error} onRetry={refresh} />
      <Stack gap="xl">
        <Paper withBorder p="md" maw={880}>
          <Group gap="xs" mb="xs">
            <Text size="sm" fw={600}>
              Risk class
            </Text>
            <Badge component="span" variant="light" color={risk.color}>
              {risk.label}
            </Badge>
          </Group>
          <Text size="sm" fw={600}>
            Intended purpose
          </Text>
          <Text size="sm">{system.intendedPurpose}</Text>
        </Paper>

        <section aria-labelledby="system-enrolments">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h3" id="system-enrolments">
              Enrolments
            </Title>
            <Button component={Link} to="/innovator/programmes" variant="subtle" size="xs">
              Apply to a programme
            </Button>
          </Group>
          {enrolments.length === 0 ? (
            <Text size="sm">This system has not applied to a programme yet.</Text>
          ) : (
            <>
              <EnrolmentsTable
                enrolments={enrolments}
                hide="system"
                caption={`${system.name}'s applications and enrolments`}
              />
              {more?.hasNextPage && (
                <Button
                  variant="default"
                  mt="md"
                  loading={fetching}
                  onClick={() => paging.loadMore(enrolments, more.endCursor)}
                >
                  Load more
                </Button>
              )}
            </>
          )}
        </section>
      </Stack>

      <Dialog opened={editing} onClose={() => setEditing(false)} title={`Edit ${system.name}`} size="lg">
        {editing && (
          <SystemForm
            system={system}
            onCancel={() => setEditing(false)}
            onRefresh={refresh}
            onSaved={(saved) => {
              notifications.show({ color: 'green', title: 'Changes saved', message: saved.name });
              setEditing(false);
            }}
          />
        )}
      </Dialog>
    </>
  );
}

// My AI systems (innovator): the organisation's systems in a table, registering one, editing one.
// The pattern every list page follows (docs/console.md): a typed query (systems.graphql), its error
// in words with a retry, a table, and a form in a modal whose mutation refreshes the list.
import { Anchor, Badge, Button, Center, Loader, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { MySystemsDocument, type SystemRowFragment } from '../../gql/graphql';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { OrganisationPanel } from '../organisation/OrganisationPanel';
import { riskClass } from './risk-classes';
import { SystemForm } from './SystemForm';

// An empty list carries no AiSystem for urql's cache to see: name the type, so that registering the
// first system still refreshes the list.
const CONTEXT = { additionalTypenames: ['AiSystem'] };

export function Component() {
  const [{ data, fetching, error }, reload] = useQuery({
    query: MySystemsDocument,
    variables: { first: 100 },
    context: CONTEXT,
  });
  const [editing, setEditing] = useState<SystemRowFragment | 'new' | null>(null);
  const refresh = () => reload({ requestPolicy: 'network-only' });
  const systems = data?.aiSystems.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <PageHeader
        title="My AI systems"
        description="The AI systems your organisation enrols in sandbox programmes."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Register an AI system
          </Button>
        }
      />
      <OrganisationPanel />
      <ErrorNotice error={error} onRetry={refresh} />
      {fetching && !data ? (
        <Center py="xl">
          <Loader aria-label="Loading your AI systems" />
        </Center>
      ) : data && systems.length === 0 ? (
        <Text>Your organisation has no AI system yet: register one to apply to a programme.</Text>
      ) : data ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Caption>
              {data.aiSystems.totalCount > systems.length
                ? `The first ${systems.length} of ${data.aiSystems.totalCount} systems`
                : `${systems.length} ${systems.length === 1 ? 'system' : 'systems'}`}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={200}>Name</Table.Th>
                <Table.Th>Sector</Table.Th>
                <Table.Th miw={120}>Risk class</Table.Th>
                <Table.Th>Intended purpose</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {systems.map((system) => (
                <Table.Tr key={system.id}>
                  <Table.Td fw={500}>
                    <Anchor component={Link} to={system.id} inherit c="indigo.9">
                      {system.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{system.sector}</Table.Td>
                  <Table.Td>
                    <Badge color={riskClass(system.riskClass).color} variant="light">
                      {riskClass(system.riskClass).label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {system.intendedPurpose}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="xs"
                      leftSection={<IconPencil size={14} />}
                      aria-label={`Edit ${system.name}`}
                      onClick={() => setEditing(system)}
                    >
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}

      <Dialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Register an AI system' : editing ? `Edit ${editing.name}` : ''}
        size="lg"
      >
        {editing !== null && (
          <SystemForm
            system={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onRefresh={refresh}
            onSaved={(saved) => {
              notifications.show({
                color: 'green',
                title: editing === 'new' ? 'AI system registered' : 'Changes saved',
                message: saved.name,
              });
              setEditing(null);
            }}
          />
        )}
      </Dialog>
    </>
  );
}

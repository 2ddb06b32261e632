// Reference data (administrator): jurisdictions, authorities and organisations, each in its tab —
// a table, "Create …" and, per row, "Edit" — in a dialog whose mutation refreshes the tables.
import { Button, Center, Group, Loader, Table, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useQuery } from 'urql';
import {
  type AdminAuthorityRowFragment,
  type AdminJurisdictionRowFragment,
  type AdminOrganisationRowFragment,
  AdminReferenceDataDocument,
} from '../../gql/graphql';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { AuthorityForm, JurisdictionForm, OrganisationForm } from './ReferenceForms';
import { approachLabel } from './words';

const CONTEXT = { additionalTypenames: ['Jurisdiction', 'Authority', 'Organisation'] };

type Editing =
  | { kind: 'jurisdiction'; row: AdminJurisdictionRowFragment | null }
  | { kind: 'authority'; row: AdminAuthorityRowFragment | null }
  | { kind: 'organisation'; row: AdminOrganisationRowFragment | null };

const NOUN = { jurisdiction: 'a jurisdiction', authority: 'an authority', organisation: 'an organisation' };

function titleOf(editing: Editing | null): string {
  if (!editing) return '';
  if (!editing.row) return `Create ${NOUN[editing.kind]}`;
  return `Edit ${'acronym' in editing.row ? editing.row.acronym : editing.row.name}`;
}

function RefTable({ caption, heads, children }: { caption: string; heads: string[]; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {heads.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function Component() {
  const [{ data, fetching, error }, reload] = useQuery({ query: AdminReferenceDataDocument, context: CONTEXT });
  const refresh = () => reload({ requestPolicy: 'network-only' });
  const [editing, setEditing] = useState<Editing | null>(null);
  const jurisdictions = data?.jurisdictions.edges.map((e) => e.node) ?? [];
  const authorities = data?.authorities.edges.map((e) => e.node) ?? [];
  const organisations = data?.organisations.edges.map((e) => e.node) ?? [];
  const choices = jurisdictions.map((j) => ({ value: j.code, label: `${j.code} — ${j.name}` }));
  const edit = (label: string, onClick: () => void) => (
    <Button
      variant="subtle"
      size="xs"
      leftSection={<IconPencil size={14} />}
      aria-label={`Edit ${label}`}
      onClick={onClick}
    >
      Edit
    </Button>
  );
  const create = (label: string, onClick: () => void) => (
    <Group justify="flex-end" mb="sm">
      <Button leftSection={<IconPlus size={16} />} onClick={onClick}>
        {label}
      </Button>
    </Group>
  );
  const saved = (name: string) => {
    notifications.show({ color: 'green', title: editing?.row ? 'Changes saved' : 'Created', message: name });
    setEditing(null);
    refresh();
  };
  const formProps = { onSaved: saved, onCancel: () => setEditing(null), onRefresh: refresh };

  return (
    <>
      <PageHeader
        title="Reference data"
        description="The jurisdictions, their authorities and the organisations that enrol AI systems."
      />
      <ErrorNotice error={error} onRetry={refresh} />
      {fetching && !data ? (
        <Center py="xl">
          <Loader aria-label="Loading the reference data" />
        </Center>
      ) : data ? (
        <Tabs defaultValue="jurisdictions" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="jurisdictions">Jurisdictions</Tabs.Tab>
            <Tabs.Tab value="authorities">Authorities</Tabs.Tab>
            <Tabs.Tab value="organisations">Organisations</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="jurisdictions">
            {create('Create a jurisdiction', () => setEditing({ kind: 'jurisdiction', row: null }))}
            <RefTable
              caption={count(data.jurisdictions.totalCount, 'jurisdiction', 'jurisdictions')}
              heads={['Code', 'Name', 'Approach', 'Authorities']}
            >
              {jurisdictions.map((j) => (
                <Table.Tr key={j.code}>
                  <Table.Td fw={500}>{j.code}</Table.Td>
                  <Table.Td>{j.name}</Table.Td>
                  <Table.Td>{approachLabel(j.approach)}</Table.Td>
                  <Table.Td>
                    {authorities
                      .filter((a) => a.jurisdiction.code === j.code)
                      .map((a) => a.acronym)
                      .join(', ') || '—'}
                  </Table.Td>
                  <Table.Td>{edit(j.name, () => setEditing({ kind: 'jurisdiction', row: j }))}</Table.Td>
                </Table.Tr>
              ))}
            </RefTable>
          </Tabs.Panel>
          <Tabs.Panel value="authorities">
            {create('Create an authority', () => setEditing({ kind: 'authority', row: null }))}
            <RefTable
              caption={count(data.authorities.totalCount, 'authority', 'authorities')}
              heads={['Acronym', 'Name', 'Jurisdiction', 'Sectors', 'Website']}
            >
              {authorities.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td fw={500}>{a.acronym}</Table.Td>
                  <Table.Td>{a.name}</Table.Td>
                  <Table.Td>{a.jurisdiction.code}</Table.Td>
                  <Table.Td>{a.sectors.length ? a.sectors.join(', ') : 'Cross-sector'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ wordBreak: 'break-all' }}>
                      {a.website ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{edit(a.acronym, () => setEditing({ kind: 'authority', row: a }))}</Table.Td>
                </Table.Tr>
              ))}
            </RefTable>
          </Tabs.Panel>
          <Tabs.Panel value="organisations">
            {create('Create an organisation', () => setEditing({ kind: 'organisation', row: null }))}
            <RefTable
              caption={count(data.organisations.totalCount, 'organisation', 'organisations')}
              heads={['Name', 'Home jurisdiction']}
            >
              {organisations.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td fw={500}>{o.name}</Table.Td>
                  <Table.Td>{o.homeJurisdiction.code}</Table.Td>
                  <Table.Td>{edit(o.name, () => setEditing({ kind: 'organisation', row: o }))}</Table.Td>
                </Table.Tr>
              ))}
            </RefTable>
          </Tabs.Panel>
        </Tabs>
      ) : null}

      <Dialog opened={editing !== null} onClose={() => setEditing(null)} title={titleOf(editing)} size="lg">
        {editing?.kind === 'jurisdiction' && <JurisdictionForm editing={editing.row} {...formProps} />}
        {editing?.kind === 'authority' && (
          <AuthorityForm editing={editing.row} jurisdictions={choices} {...formProps} />
        )}
        {editing?.kind === 'organisation' && (
          <OrganisationForm editing={editing.row} jurisdictions={choices} {...formProps} />
        )}
      </Dialog>
    </>
  );
}

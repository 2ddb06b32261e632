// Accounts (administrator): every account with its role, whom it acts for and whether it is
// disabled; creating one; disabling, enabling and ending its sessions — each confirmed in a dialog,
// the API's refusal said in words.
import { Badge, Button, Center, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { type CombinedError, useMutation } from 'urql';
import {
  AdminAccountsDocument,
  type AdminAccountRowFragment,
  AdminDisableAccountDocument,
  AdminEnableAccountDocument,
  AdminRevokeSessionsDocument,
  type Role,
} from '../../gql/graphql';
import { useSession } from '../../auth/session';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedQuery } from '../review/paging';
import { day } from '../review/words';
import { AccountForm } from './AccountForm';
import { ROLES, roleLabel } from './words';

const CONTEXT = { additionalTypenames: ['Account'] };

type Action = 'disable' | 'enable' | 'revoke';

const ACTIONS: Record<Action, { title: (a: AdminAccountRowFragment) => string; text: string; confirm: string }> = {
  disable: {
    title: (a) => `Disable ${a.displayName}?`,
    text: 'The account can no longer sign in, and its sessions end at once: anyone signed in as it is sent back to the sign-in page.',
    confirm: 'Disable the account',
  },
  enable: {
    title: (a) => `Enable ${a.displayName}?`,
    text: 'The account can sign in again. The sessions it had stay ended.',
    confirm: 'Enable the account',
  },
  revoke: {
    title: (a) => `End every session of ${a.displayName}?`,
    text: 'Every device signed in as this account is signed out; the account can sign in again.',
    confirm: 'End the sessions',
  },
};

/** Whom an account acts for, in words. */
export function actsFor(account: AdminAccountRowFragment): string {
  if (account.authority) return `${account.authority.acronym} (authority)`;
  if (account.organisation) return `${account.organisation.name} (organisation)`;
  if (account.jurisdiction) return `${account.jurisdiction.code} (jurisdiction)`;
  return '—';
}

export function Component() {
  const me = useSession().account;
  const [role, setRole] = useState<Role | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const accounts = usePagedQuery({
    query: AdminAccountsDocument,
    variables: { first: 50, filter: { role, search: debounced || null } },
    connection: (data) => data.accounts,
    context: CONTEXT,
  });
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<{ action: Action; account: AdminAccountRowFragment } | null>(null);
  const [disableState, disable] = useMutation(AdminDisableAccountDocument);
  const [enableState, enable] = useMutation(AdminEnableAccountDocument);
  const [revokeState, revoke] = useMutation(AdminRevokeSessionsDocument);
  const [actionError, setActionError] = useState<CombinedError | undefined>();

  async function confirm() {
    if (!pending) return;
    const { action, account } = pending;
    const result =
      action === 'disable'
        ? await disable({ input: { id: account.id } })
        : action === 'enable'
          ? await enable({ input: { id: account.id } })
          : await revoke({ input: { accountId: account.id } });
    if (result.error) {
      setActionError(result.error);
      return;
    }
    notifications.show({
      color: 'green',
      title: action === 'disable' ? 'Account disabled' : action === 'enable' ? 'Account enabled' : 'Sessions ended',
      message: account.email,
    });
    setPending(null);
    accounts.reload();
  }

  const close = () => {
    setPending(null);
    setActionError(undefined);
  };

  return (
    <>
      <PageHeader
        title="Accounts"
        description="Everyone who signs in to Sandbridge: their role, whom they act for, and their sessions."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            Create an account
          </Button>
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          label="Search"
          description="Part of the e-mail or name"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <Select
          label="Role"
          placeholder="Every role"
          data={ROLES}
          value={role}
          onChange={(value) => setRole(value as Role | null)}
          clearable
        />
      </Group>
      <ErrorNotice error={accounts.error} onRetry={accounts.reload} />
      {accounts.fetching && !accounts.data ? (
        <Center py="xl">
          <Loader aria-label="Loading the accounts" />
        </Center>
      ) : accounts.data && accounts.nodes.length === 0 ? (
        <Text>No account matches.</Text>
      ) : accounts.data ? (
        // Narrower than the table, it scrolls sideways in a box that takes the focus (the keyboard scrolls it).
        <Table.ScrollContainer minWidth={900} type="native" tabIndex={0} role="region" aria-label="Accounts">
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Caption>
              {accounts.nodes.length < accounts.totalCount
                ? `The first ${accounts.nodes.length} of ${accounts.totalCount} accounts`
                : `${accounts.totalCount} ${accounts.totalCount === 1 ? 'account' : 'accounts'}`}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name and e-mail</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Acts for</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.nodes.map((account) => {
                const own = account.id === me.id;
                return (
                  <Table.Tr key={account.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {account.displayName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {account.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>{roleLabel(account.role)}</Table.Td>
                    <Table.Td>{actsFor(account)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {/* A badge may shrink to "AC…" in a tight table: this one keeps its word whole. */}
                      {account.disabled ? (
                        <Badge color="red" variant="light" style={{ overflow: 'visible', minWidth: 'max-content' }}>
                          Disabled
                        </Badge>
                      ) : (
                        <Badge color="green" variant="light" style={{ overflow: 'visible', minWidth: 'max-content' }}>
                          Active
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{day(account.createdAt)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {account.disabled ? (
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={`Enable ${account.email}`}
                            onClick={() => setPending({ action: 'enable', account })}
                          >
                            Enable
                          </Button>
                        ) : (
                          <Button
                            size="xs"
                            variant="default"
                            color="red"
                            disabled={own}
                            title={own ? 'Not your own account' : undefined}
                            aria-label={`Disable ${account.email}`}
                            onClick={() => setPending({ action: 'disable', account })}
                          >
                            Disable
                          </Button>
                        )}
                        <Button
                          size="xs"
                          variant="subtle"
                          aria-label={`End the sessions of ${account.email}`}
                          onClick={() => setPending({ action: 'revoke', account })}
                        >
                          End sessions
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {accounts.hasMore && (
        <Button variant="default" onClick={() => void accounts.loadMore()} loading={accounts.loadingMore}>
          Show more accounts
        </Button>
      )}

      <Dialog
        opened={pending !== null}
        onClose={close}
        title={pending ? ACTIONS[pending.action].title(pending.account) : ''}
      >
        {pending && (
          <Stack>
            <ErrorNotice error={actionError} />
            <Text size="sm">{pending.account.email}</Text>
            <Text size="sm">{ACTIONS[pending.action].text}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close} data-autofocus>
                Cancel
              </Button>
              <Button
                color={pending.action === 'enable' ? 'indigo' : 'red.8'}
                loading={disableState.fetching || enableState.fetching || revokeState.fetching}
                onClick={() => void confirm()}
              >
                {ACTIONS[pending.action].confirm}
              </Button>
            </Group>
          </Stack>
        )}
      </Dialog>

      <Dialog opened={creating} onClose={() => setCreating(false)} title="Create an account" size="lg">
        {creating && (
          <AccountForm
            onCancel={() => setCreating(false)}
            onSaved={(saved) => {
              notifications.show({ color: 'green', title: 'Account created', message: saved.email });
              setCreating(false);
              accounts.reload();
            }}
          />
        )}
      </Dialog>
    </>
  );
}

// Agreements (negotiator): every recognition agreement (public instruments), filtered by status and
// by the negotiator's own jurisdiction as a party; pages of 50 with "Load more"; "New draft
// agreement" opens the form, then the draft's own page (AgreementPage).
import { Anchor, Badge, Button, Center, Checkbox, Group, Loader, Select, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import {
  type AgreementFilterInput,
  type AgreementStatus,
  NegotiatorAgreementsDocument,
  NegotiatorMeDocument,
} from '../../gql/graphql';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { AgreementForm } from './AgreementForm';
import { AGREEMENT_STATUSES, agreementStatus, windowText } from './words';

const PAGE = 50;
const CONTEXT = { additionalTypenames: ['Agreement'] };

interface PageState {
  hasNextPage: boolean;
  endCursor?: string | null;
  total: number;
}

export function Component() {
  const [{ data: me, error: meError }, reloadMe] = useQuery({ query: NegotiatorMeDocument });
  const own = me?.me.jurisdiction?.code ?? null;
  const navigate = useNavigate();
  const [status, setStatus] = useState<AgreementStatus | null>(null);
  const [mine, setMine] = useState(true);
  const filter = useMemo<AgreementFilterInput>(() => ({ status, party: mine ? own : null }), [status, mine, own]);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [filter]);
  const [lastPage, setLastPage] = useState<PageState | null>(null);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title="Agreements"
        description="Recognition agreements between jurisdictions: drafts, proposals awaiting approval, and those in force."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} disabled={!own}>
            New draft agreement
          </Button>
        }
      />
      <ErrorNotice error={meError} onRetry={() => reloadMe({ requestPolicy: 'network-only' })} />
      <Group mb="md" align="flex-end">
        <Select
          label="Status"
          placeholder="Every status"
          data={AGREEMENT_STATUSES.map(({ value, label }) => ({ value, label }))}
          value={status}
          onChange={(value) => setStatus(value as AgreementStatus | null)}
          clearable
          w={220}
        />
        <Checkbox
          label={own ? `Only those ${own} is party to` : 'Only those my jurisdiction is party to'}
          checked={mine}
          onChange={(event) => setMine(event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {me && (
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Caption>
              {lastPage && lastPage.total > 0
                ? `${lastPage.total} ${lastPage.total === 1 ? 'agreement' : 'agreements'}`
                : ''}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={260}>Name</Table.Th>
                <Table.Th>Parties</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Approvals</Table.Th>
                <Table.Th>Window</Table.Th>
              </Table.Tr>
            </Table.Thead>
            {cursors.map((after, index) => (
              <AgreementRows
                key={after ?? 'first'}
                filter={filter}
                after={after}
                onLoaded={(page) => {
                  if (index === cursors.length - 1) setLastPage(page);
                }}
              />
            ))}
          </Table>
        </Table.ScrollContainer>
      )}
      {lastPage?.total === 0 && <Text mt="md">No agreement matches these filters.</Text>}
      {lastPage?.hasNextPage && lastPage.endCursor && (
        <Center mt="md">
          <Button variant="default" onClick={() => setCursors((list) => [...list, lastPage.endCursor!])}>
            Load more
          </Button>
        </Center>
      )}

      <Dialog opened={creating} onClose={() => setCreating(false)} title="New draft agreement" size="lg">
        {creating && (
          <AgreementForm
            ownJurisdiction={own}
            onCancel={() => setCreating(false)}
            onSaved={(agreement) => {
              setCreating(false);
              void navigate(`/negotiator/agreements/${agreement.id}`);
            }}
          />
        )}
      </Dialog>
    </>
  );
}

function AgreementRows({
  filter,
  after,
  onLoaded,
}: {
  filter: AgreementFilterInput;
  after: string | null;
  onLoaded: (page: PageState) => void;
}) {
  const [{ data, fetching, error }, reload] = useQuery({
    query: NegotiatorAgreementsDocument,
    variables: { first: PAGE, after, filter },
    context: CONTEXT,
  });
  const connection = data?.agreements;
  useEffect(() => {
    if (connection)
      onLoaded({
        hasNextPage: connection.pageInfo.hasNextPage,
        endCursor: connection.pageInfo.endCursor,
        total: connection.totalCount,
      });
  }, [connection]);

  if (error)
    return (
      <Table.Tbody>
        <Table.Tr>
          <Table.Td colSpan={5}>
            <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    );
  if (fetching && !data)
    return (
      <Table.Tbody>
        <Table.Tr>
          <Table.Td colSpan={5}>
            <Loader size="sm" aria-label="Loading agreements" />
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    );
  return (
    <Table.Tbody>
      {(connection?.edges ?? []).map(({ node }) => {
        const status = agreementStatus(node.status);
        const approved = new Set(node.approvals.map((a) => a.jurisdictionCode));
        return (
          <Table.Tr key={node.id}>
            <Table.Td>
              <Anchor component={Link} to={`/negotiator/agreements/${node.id}`}>
                {node.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{node.parties.join(' – ')}</Table.Td>
            <Table.Td>
              <Badge color={status.color} variant="light">
                {status.label}
              </Badge>
            </Table.Td>
            <Table.Td>
              {node.status === 'DRAFT'
                ? '—'
                : `${node.parties.filter((p) => approved.has(p)).length} of ${node.parties.length}`}
            </Table.Td>
            <Table.Td>{windowText(node.effectiveFrom, node.effectiveTo)}</Table.Td>
          </Table.Tr>
        );
      })}
    </Table.Tbody>
  );
}

// An enrolment's audit trail (auditTrail, oldest first, page by page) and "Verify": the API walks the
// whole hash chain up to its signed checkpoint (verifyAuditTrail) and says whether it is intact, or
// where it first breaks.
import { Alert, Button, Center, Code, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { type CombinedError, useClient } from 'urql';
import { EnrolmentAuditTrailDocument, VerifyAuditTrailDocument, type VerifyAuditTrailQuery } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { usePagedQuery } from './paging';
import { when } from './words';

const PAGE = 50;

/** DECIDE_ENTRY → "Decide entry". */
const words = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');

/** Fields of an entry's data that say nothing to a reader (ids, hashes, counters kept for the chain). */
const UNSHOWN = new Set(['aiSystemId', 'payloadHash', 'version']);

/**
 * What an entry changed, in one line: its data's fields in words — states as "from → to", authority
 * ids as acronyms (`authorities`), tracks as "FCA admitted", empty fields left out.
 */
export function describeEntry(data: unknown, authorities: Map<string, string>): string {
  if (!data || typeof data !== 'object') return '';
  const d = data as Record<string, unknown>;
  const acronym = (id: unknown) => (typeof id === 'string' ? (authorities.get(id) ?? 'another authority') : '');
  const parts: string[] = [];
  if (d.fromState || d.toState)
    parts.push(
      d.fromState === d.toState
        ? `stays ${words(String(d.toState))}`
        : `${words(String(d.fromState ?? '—'))} → ${words(String(d.toState ?? '—'))}`,
    );
  const first = ['decision', 'status', 'authorityId'];
  const keys = [...first.filter((k) => k in d), ...Object.keys(d).filter((k) => !first.includes(k))];
  const named = (key: string) => key.replace(/([A-Z])/g, ' $1').toLowerCase();
  for (const key of keys) {
    const value = d[key];
    if (value === null || value === undefined || value === '' || UNSHOWN.has(key)) continue;
    if (key === 'fromState' || key === 'toState') continue;
    if (key === 'authorityId' || key === 'reportingAuthorityId' || key === 'submittedTo') {
      parts.push(`${key === 'submittedTo' ? 'submitted to' : 'by'} ${acronym(value)}`);
    } else if (key === 'targetAuthorityIds' && Array.isArray(value)) {
      parts.push(`targets ${value.map(acronym).join(', ')}`);
    } else if (key === 'tracks' && Array.isArray(value)) {
      if (value.length)
        parts.push(
          `tracks: ${value
            .map(
              (t: { authorityId?: string; state?: string }) =>
                `${acronym(t.authorityId)} ${words(t.state ?? '').toLowerCase()}`,
            )
            .join(', ')}`,
        );
    } else if (key === 'outcomes' && typeof value === 'object') {
      parts.push(
        Object.entries(value as Record<string, number>)
          .map(([outcome, n]) => `${n} ${words(outcome).toLowerCase()}`)
          .join(', '),
      );
    } else if (typeof value === 'object') {
      parts.push(`${named(key)}: ${Array.isArray(value) ? value.join(', ') : JSON.stringify(value)}`);
    } else if (key === 'reasons' || key === 'justification') {
      parts.push(`${named(key)}: “${String(value)}”`);
    } else {
      parts.push(
        `${named(key)}: ${typeof value === 'string' && /^[A-Z_]+$/.test(value) ? words(value).toLowerCase() : String(value)}`,
      );
    }
  }
  return parts.join(' · ');
}

export function AuditTrail({ enrolmentId, authorities }: { enrolmentId: string; authorities: Map<string, string> }) {
  const trail = usePagedQuery({
    query: EnrolmentAuditTrailDocument,
    variables: { enrolmentId, first: PAGE },
    connection: (data) => data.auditTrail,
  });
  const client = useClient();
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<VerifyAuditTrailQuery['verifyAuditTrail'] | null>(null);
  const [verifyError, setVerifyError] = useState<CombinedError | undefined>();

  async function verify() {
    setVerifying(true);
    setVerification(null);
    const result = await client.query(VerifyAuditTrailDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    setVerifying(false);
    setVerifyError(result.error);
    setVerification(result.data?.verifyAuditTrail ?? null);
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Text size="sm" maw={640}>
          Every decision and state change of this enrolment, in the order it happened. Each entry is a link of the
          platform&apos;s hash chain; <b>Verify</b> recomputes the whole chain up to its signed checkpoint.
        </Text>
        <Button leftSection={<IconShieldCheck size={16} />} onClick={() => void verify()} loading={verifying}>
          Verify the audit trail
        </Button>
      </Group>
      <div role="status" aria-live="polite">
        {verification &&
          (verification.ok ? (
            <Alert color="green" variant="light" title="Verified: the audit trail is intact">
              <Text size="sm">
                All {verification.entries.toLocaleString('en-GB')} entries of the platform&apos;s chain match their
                hashes and links, up to the signed checkpoint — this enrolment&apos;s among them.
              </Text>
            </Alert>
          ) : (
            <Alert color="red" variant="light" title="The audit trail is broken">
              <Text size="sm">
                {verification.entries.toLocaleString('en-GB')} entries verified before the first broken link
                {verification.firstBroken
                  ? `, at position ${verification.firstBroken.seq}: ${verification.firstBroken.reason}`
                  : ''}
                .
              </Text>
            </Alert>
          ))}
      </div>
      <ErrorNotice error={verifyError} onRetry={() => void verify()} />
      <ErrorNotice error={trail.error} onRetry={trail.reload} />
      <AuditEntriesTable trail={trail} authorities={authorities} empty="No audit entry for this enrolment yet." />
    </Stack>
  );
}

/** A page of the audit trail as usePagedQuery gives it. */
interface AuditTrailPages {
  fetching: boolean;
  data: unknown;
  nodes: {
    id: string;
    seq: number;
    occurredAt: string;
    action: string;
    entityType: string;
    actorAccountId?: string | null;
    data: unknown;
    hash: string;
  }[];
  totalCount: number;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => Promise<void> | void;
}

/**
 * Audit entries as a table (seq, when, action, what changed, hash), with "Load more": an enrolment's
 * trail here, the whole trail on the administrator's audit page, which adds the Actor column
 * (`actorName`). Loading and "nothing yet" (`empty`) in its place.
 */
export function AuditEntriesTable({
  trail,
  authorities,
  empty,
  actorName,
}: {
  trail: AuditTrailPages;
  authorities: Map<string, string>;
  empty: string;
  actorName?: (accountId: string | null | undefined) => string;
}) {
  return (
    <>
      {trail.fetching && !trail.data ? (
        <Center py="md">
          <Loader aria-label="Loading the audit trail" />
        </Center>
      ) : trail.data && trail.nodes.length === 0 ? (
        <Text>{empty}</Text>
      ) : trail.data ? (
        <Table.ScrollContainer minWidth={actorName ? 900 : 760}>
          <Table verticalSpacing="xs" striped>
            <Table.Caption>
              {trail.nodes.length < trail.totalCount
                ? `The first ${trail.nodes.length} of ${trail.totalCount} entries`
                : `${trail.totalCount} ${trail.totalCount === 1 ? 'entry' : 'entries'}`}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th miw={150}>When</Table.Th>
                <Table.Th>Action</Table.Th>
                {actorName && <Table.Th>Actor</Table.Th>}
                <Table.Th>What changed</Table.Th>
                <Table.Th>Hash</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trail.nodes.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{entry.seq}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{when(entry.occurredAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {words(entry.action)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {words(entry.entityType)}
                    </Text>
                  </Table.Td>
                  {actorName && (
                    <Table.Td>
                      <Text size="sm">{actorName(entry.actorAccountId)}</Text>
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Text size="sm" style={{ wordBreak: 'break-word' }}>
                      {describeEntry(entry.data, authorities)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code title={entry.hash}>{entry.hash.slice(0, 12)}…</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {trail.hasMore && (
        <Button variant="default" onClick={() => void trail.loadMore()} loading={trail.loadingMore} w="fit-content">
          Load more entries
        </Button>
      )}
    </>
  );
}

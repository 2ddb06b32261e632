// The audit trail (administrator): every entry of the platform's hash chain, newest pages loaded on
// demand, filtered as the API offers (actor, enrolment, actions, entity, date range — kept in the
// URL's query string, so a filtered view can be shared); "Verify" recomputes the chain
// (verifyAuditTrail) up to the platform's signed checkpoint — or up to a checkpoint kept earlier and
// loaded from its file — and says the answer in words; the latest signed checkpoint, and its download.
import {
  Alert,
  Button,
  Card,
  Code,
  FileButton,
  Group,
  Loader,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconFileUpload, IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type CombinedError, useClient, useQuery } from 'urql';
import {
  AdminAccountsDocument,
  AdminAuditCheckpointDocument,
  AdminAuditTrailDocument,
  AdminReferenceDataDocument,
  AdminVerifyAuditTrailDocument,
  type AdminVerifyAuditTrailQuery,
} from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { AuditEntriesTable } from '../review/AuditTrail';
import { usePagedQuery } from '../review/paging';
import { when } from '../review/words';

const PAGE = 50;

/** Actions offered as suggestions (any other upper-case code may be typed). */
const KNOWN_ACTIONS = [
  'CREATE_APPLICATION',
  'UPDATE_APPLICATION',
  'DECIDE_ENTRY',
  'SUBMIT_TEST_REPORT',
  'REVIEW_TEST_REPORT',
  'REPORT_INCIDENT',
  'DRAFT_EXIT_REPORT',
  'ISSUE_EXIT_REPORT',
  'ISSUE_WRITTEN_PROOF',
  'UPLOAD_EVIDENCE',
  'UPDATE_EVIDENCE',
  'REVISE_EVIDENCE',
  'DOWNLOAD_EVIDENCE',
  'CREATE_AGREEMENT',
  'UPDATE_AGREEMENT',
  'PROPOSE_AGREEMENT',
  'APPROVE_AGREEMENT',
  'SUSPEND_AGREEMENT',
  'RESUME_AGREEMENT',
  'TERMINATE_AGREEMENT',
];
const ENTITY_TYPES = [
  'ENROLMENT',
  'SANDBOX_PLAN',
  'TEST_REPORT',
  'INCIDENT',
  'AGREEMENT',
  'EVIDENCE',
  'EXIT_REPORT',
  'WRITTEN_PROOF',
];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day of the URL (`YYYY-MM-DD`, UTC) as the instant it starts; `after`: the instant it ends. */
function dayStart(day: string | null, after = false): string | null {
  if (!day || !DAY.test(day)) return null;
  const at = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(at.getTime())) return null;
  if (after) at.setUTCDate(at.getUTCDate() + 1);
  return at.toISOString();
}

/** DECIDE_ENTRY → "Decide entry". */
const words = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');

/** The object as the API defines it: urql's `__typename`s left out (the checkpoint is verified as returned). */
export function withoutTypenames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTypenames);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== '__typename')
        .map(([key, v]) => [key, withoutTypenames(v)]),
    );
  return value;
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Verification = { answer: AdminVerifyAuditTrailQuery['verifyAuditTrail']; against: string };

export function Component() {
  const client = useClient();
  // The filters live in the query string: a filtered view is a link to share.
  const [params, setParams] = useSearchParams();
  const setParam = (name: string, value: string | string[] | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete(name);
        for (const v of Array.isArray(value) ? value : value ? [value] : []) next.append(name, v);
        return next;
      },
      { replace: true },
    );
  const actor = params.get('actor');
  const actions = params.getAll('action');
  const entityType = params.get('entityType');
  const fromDay = params.get('from') ?? '';
  const toDay = params.get('to') ?? '';
  const [enrolment, setEnrolment] = useState(params.get('enrolment') ?? '');
  const [entity, setEntity] = useState(params.get('entityId') ?? '');
  const [enrolmentId] = useDebouncedValue(enrolment.trim(), 300);
  const [entityId] = useDebouncedValue(entity.trim(), 300);
  useEffect(() => {
    if ((params.get('enrolment') ?? '') !== enrolmentId) setParam('enrolment', enrolmentId || null);
    if ((params.get('entityId') ?? '') !== entityId) setParam('entityId', entityId || null);
  }, [enrolmentId, entityId]);
  const trail = usePagedQuery({
    query: AdminAuditTrailDocument,
    variables: {
      first: PAGE,
      filter: {
        actorAccountId: actor,
        enrolmentId: enrolmentId || null,
        actions: actions.length ? actions : null,
        entityType: entityType || null,
        entityId: entityType ? entityId || null : null,
        from: dayStart(fromDay),
        to: dayStart(toDay, true),
      },
    },
    connection: (data) => data.auditTrail,
  });
  const [accounts] = useQuery({ query: AdminAccountsDocument, variables: { first: 100 } });
  const emails = useMemo(
    () => new Map((accounts.data?.accounts.edges ?? []).map(({ node }) => [node.id, node.email])),
    [accounts.data],
  );
  const [reference] = useQuery({ query: AdminReferenceDataDocument });
  const acronyms = useMemo(
    () => new Map((reference.data?.authorities.edges ?? []).map(({ node }) => [node.id, node.acronym])),
    [reference.data],
  );
  const [checkpoint, reloadCheckpoint] = useQuery({ query: AdminAuditCheckpointDocument });
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [verifyError, setVerifyError] = useState<CombinedError | undefined>();
  const [fileProblem, setFileProblem] = useState<string | null>(null);

  async function verify(kept?: { json: unknown; name: string }) {
    setVerifying(true);
    setVerification(null);
    setFileProblem(null);
    const result = await client
      .query(AdminVerifyAuditTrailDocument, { checkpoint: kept?.json ?? null }, { requestPolicy: 'network-only' })
      .toPromise();
    setVerifying(false);
    setVerifyError(result.error);
    if (result.data)
      setVerification({
        answer: result.data.verifyAuditTrail,
        against: kept ? `the checkpoint kept in ${kept.name}` : "the platform's latest signed checkpoint",
      });
  }

  async function verifyFile(file: File | null) {
    if (!file) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setVerification(null);
      setFileProblem(`${file.name} is not JSON: choose a checkpoint file downloaded from this page.`);
      return;
    }
    await verify({ json, name: file.name });
  }

  const latest = checkpoint.data?.auditCheckpoint;

  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change made on the platform, as links of one hash chain, and the signed checkpoints that vouch for it."
        actions={
          <Button leftSection={<IconShieldCheck size={16} />} onClick={() => void verify()} loading={verifying}>
            Verify the audit trail
          </Button>
        }
      />
      <Stack>
        <div role="status" aria-live="polite">
          {verification &&
            (verification.answer.ok ? (
              <Alert color="green" variant="light" title="Verified: the audit trail is intact">
                <Text size="sm">
                  All {verification.answer.entries.toLocaleString('en-GB')} entries match their hashes and links, up to{' '}
                  {verification.against}.
                </Text>
              </Alert>
            ) : (
              <Alert color="red" variant="light" title="The audit trail is broken">
                <Text size="sm">
                  Checked against {verification.against}: {verification.answer.entries.toLocaleString('en-GB')} entries
                  verified before the first broken link
                  {verification.answer.firstBroken
                    ? `, at position ${verification.answer.firstBroken.seq}: ${verification.answer.firstBroken.reason}`
                    : ''}
                  .
                </Text>
              </Alert>
            ))}
          {fileProblem && (
            <Alert color="red" variant="light" title="Not a checkpoint">
              {fileProblem}
            </Alert>
          )}
        </div>
        <ErrorNotice error={verifyError} onRetry={() => void verify()} />

        <Card withBorder component="section" aria-labelledby="checkpoint-heading">
          <Text component="h2" fw={600} id="checkpoint-heading" mb="xs">
            The latest signed checkpoint
          </Text>
          <ErrorNotice error={checkpoint.error} onRetry={() => reloadCheckpoint({ requestPolicy: 'network-only' })} />
          {checkpoint.fetching && !checkpoint.data ? (
            <Loader size="sm" aria-label="Loading the checkpoint" />
          ) : latest ? (
            <Stack gap="xs">
              <Text size="sm">
                Entry {latest.document.seq} of the chain, written {when(latest.document.at)}, has the hash{' '}
                <Code>{latest.document.hash}</Code>. Signed with the key <Code>{latest.keyId}</Code> (published at{' '}
                <Code>/.well-known/sandbridge-keys</Code>).
              </Text>
              <Text size="sm" c="dimmed">
                Keep the file outside the platform: verified against it later, the trail shows entries deleted from its
                end or rewritten up to it.
              </Text>
              <Group>
                <Button
                  variant="default"
                  leftSection={<IconDownload size={16} />}
                  onClick={() =>
                    download(
                      `sandbridge-audit-checkpoint-${latest.document.seq}.json`,
                      `${JSON.stringify(withoutTypenames(latest), null, 2)}\n`,
                    )
                  }
                >
                  Download the checkpoint (JSON)
                </Button>
                <FileButton onChange={(file) => void verifyFile(file)} accept="application/json,.json">
                  {(props) => (
                    <Button {...props} variant="default" leftSection={<IconFileUpload size={16} />}>
                      Verify against a kept checkpoint…
                    </Button>
                  )}
                </FileButton>
              </Group>
            </Stack>
          ) : checkpoint.data ? (
            <Text size="sm">The trail is empty: no checkpoint yet.</Text>
          ) : null}
        </Card>

        <Group align="flex-end" component="section" aria-label="Filters">
          <Select
            label="Actor"
            description="Entries made by this account"
            placeholder="Anyone"
            searchable
            clearable
            data={(accounts.data?.accounts.edges ?? []).map(({ node }) => ({ value: node.id, label: node.email }))}
            value={actor}
            onChange={(value) => setParam('actor', value)}
            w={320}
          />
          <TextInput
            label="Enrolment"
            description="Entries about this enrolment (its id)"
            value={enrolment}
            onChange={(e) => setEnrolment(e.currentTarget.value)}
            w={320}
          />
          <TagsInput
            label="Actions"
            description="Any of these actions"
            placeholder={actions.length ? undefined : 'Any action'}
            data={KNOWN_ACTIONS}
            value={actions}
            onChange={(value) => setParam('action', value.map((v) => v.trim().toUpperCase()).filter(Boolean))}
            clearable
            w={320}
          />
          <Select
            label="Entity type"
            description="Entries about this kind of thing"
            placeholder="Any"
            clearable
            data={ENTITY_TYPES.map((type) => ({ value: type, label: words(type) }))}
            value={entityType}
            onChange={(value) => setParam('entityType', value)}
            w={200}
          />
          <TextInput
            label="Entity id"
            description={entityType ? 'Entries about this one (its id)' : 'Choose an entity type first'}
            value={entity}
            disabled={!entityType}
            onChange={(e) => setEntity(e.currentTarget.value)}
            w={320}
          />
          <TextInput
            type="date"
            label="From"
            description="On or after this day (UTC)"
            value={fromDay}
            onChange={(e) => setParam('from', e.currentTarget.value || null)}
            w={180}
          />
          <TextInput
            type="date"
            label="To"
            description="Up to the end of this day (UTC)"
            value={toDay}
            onChange={(e) => setParam('to', e.currentTarget.value || null)}
            w={180}
          />
        </Group>
        <ErrorNotice error={trail.error} onRetry={trail.reload} />
        <AuditEntriesTable
          trail={trail}
          authorities={acronyms}
          empty="No audit entry matches."
          actorName={(id) => (id ? (emails.get(id) ?? id) : 'The platform')}
        />
      </Stack>
    </>
  );
}

// One agreement (negotiator): its parties and each party's approval, the status timeline (its history,
// from the audit trail), the rules as readable text, and what the caller may do — from
// `allowedActions` (propose, approve, suspend, resume, terminate; each confirmed in a dialog, a
// refusal said in words: INVALID_TRANSITION with the API's reason, CONFLICT with Refresh). A DRAFT's
// rules are added, edited and removed here in the rule editor (RuleForm, in a dialog).
import { Alert, Badge, Button, Card, Group, List, Loader, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { type CombinedError, useMutation, useQuery } from 'urql';
import {
  type AgreementAction,
  AgreementDetailDocument,
  type AgreementFieldsFragment,
  type AgreementRuleFieldsFragment,
  ApproveAgreementDocument,
  NegotiatorMeDocument,
  ProposeAgreementDocument,
  RemoveAgreementRuleDocument,
  ResumeAgreementDocument,
  SuspendAgreementDocument,
  TerminateAgreementDocument,
} from '../../gql/graphql';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { AgreementForm } from './AgreementForm';
import { RuleForm } from './RuleForm';
import { ACTIONS, agreementStatus, ruleSentences, windowText } from './words';

const when = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

export function Component() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reload] = useQuery({ query: AgreementDetailDocument, variables: { id } });
  const [{ data: me }] = useQuery({ query: NegotiatorMeDocument });
  const own = me?.me.jurisdiction?.code ?? null;
  const agreement = data?.agreement ?? null;
  const refresh = () => reload({ requestPolicy: 'network-only' });

  if (fetching && !data) return <Loader aria-label="Loading the agreement" />;
  if (!agreement)
    return (
      <>
        <PageHeader title="Agreement" />
        <ErrorNotice error={error} onRetry={refresh} />
        {!error && <Text>Not found, or not yours to see.</Text>}
      </>
    );
  return <AgreementView agreement={agreement} own={own} onRefresh={refresh} />;
}

function AgreementView({
  agreement,
  own,
  onRefresh,
}: {
  agreement: AgreementFieldsFragment;
  own: string | null;
  onRefresh: () => void;
}) {
  const status = agreementStatus(agreement.status);
  const isParty = own !== null && agreement.parties.includes(own);
  const draft = agreement.status === 'DRAFT';
  const [editing, setEditing] = useState<{ rule: AgreementRuleFieldsFragment | null } | null>(null);
  const [removing, setRemoving] = useState<AgreementRuleFieldsFragment | null>(null);
  const [acting, setActing] = useState<AgreementAction | null>(null);
  const [editingTerms, setEditingTerms] = useState(false);

  return (
    <>
      <PageHeader
        title={agreement.name}
        description={`${agreement.kind === 'BILATERAL' ? 'Bilateral' : 'Plurilateral'} agreement between ${agreement.parties.join(', ')}. ${windowText(agreement.effectiveFrom, agreement.effectiveTo)}.`}
      />
      <Stack gap="lg">
        <Group gap="sm">
          <Text fw={500}>Status</Text>
          <Badge color={status.color} variant="light" size="lg" data-testid="agreement-status">
            {status.label}
          </Badge>
        </Group>

        <Group>
          <Actions agreement={agreement} isParty={isParty} onAct={setActing} />
          {draft && isParty && (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditingTerms(true)}>
              Edit the terms
            </Button>
          )}
        </Group>

        <Card withBorder component="section" aria-labelledby="parties-heading">
          <Title order={2} size="h4" id="parties-heading" mb="sm">
            Parties and approvals
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Party</Table.Th>
                <Table.Th>Approval</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agreement.parties.map((party) => {
                const approval = agreement.approvals.find((a) => a.jurisdictionCode === party);
                return (
                  <Table.Tr key={party}>
                    <Table.Th scope="row">
                      {party}
                      {party === own ? ' (yours)' : ''}
                    </Table.Th>
                    <Table.Td>
                      {approval
                        ? `Approved ${when(approval.approvedAt)}`
                        : agreement.status === 'PROPOSED'
                          ? 'Awaiting approval'
                          : agreement.status === 'DRAFT'
                            ? 'Not yet proposed'
                            : 'No approval recorded'}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Card>

        <Card withBorder component="section" aria-labelledby="timeline-heading">
          <Title order={2} size="h4" id="timeline-heading" mb="sm">
            Timeline
          </Title>
          <StatusTimeline agreement={agreement} />
        </Card>

        <Card withBorder component="section" aria-labelledby="rules-heading">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4" id="rules-heading">
              Rules
            </Title>
            {draft && isParty && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ rule: null })}>
                Add a rule
              </Button>
            )}
          </Group>
          {agreement.rules.length === 0 && (
            <Text c="dimmed">No rule yet: an agreement needs at least one rule to be proposed.</Text>
          )}
          <Stack>
            {agreement.rules.map((rule, index) => (
              <Card key={rule.id} withBorder component="article" aria-label={`Rule ${index + 1}`}>
                <Group justify="space-between" align="flex-start">
                  <Title order={3} size="h5">
                    Rule {index + 1}
                    {rule.name ? `: ${rule.name}` : ''}
                  </Title>
                  {draft && isParty && (
                    <Group gap="xs">
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconPencil size={14} />}
                        onClick={() => setEditing({ rule })}
                        aria-label={`Edit rule ${index + 1}`}
                      >
                        Edit
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        color="red"
                        leftSection={<IconTrash size={14} />}
                        onClick={() => setRemoving(rule)}
                        aria-label={`Remove rule ${index + 1}`}
                      >
                        Remove
                      </Button>
                    </Group>
                  )}
                </Group>
                <List size="sm" mt="xs">
                  {ruleSentences(rule).map((line) => (
                    <List.Item key={line}>{line}</List.Item>
                  ))}
                </List>
              </Card>
            ))}
          </Stack>
        </Card>
      </Stack>

      <Dialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.rule ? 'Edit the rule' : 'Add a rule'}
        size="xl"
      >
        {editing && (
          <RuleForm
            agreement={agreement}
            rule={editing.rule}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              notifications.show({ color: 'green', message: editing.rule ? 'Rule saved' : 'Rule added' });
            }}
          />
        )}
      </Dialog>
      <Dialog opened={editingTerms} onClose={() => setEditingTerms(false)} title="Edit the terms" size="lg">
        {editingTerms && (
          <AgreementForm
            agreement={agreement}
            ownJurisdiction={own}
            onCancel={() => setEditingTerms(false)}
            onSaved={() => setEditingTerms(false)}
          />
        )}
      </Dialog>
      <RemoveRuleDialog rule={removing} onClose={() => setRemoving(null)} />
      <ActionDialog agreement={agreement} action={acting} onClose={() => setActing(null)} onRefresh={onRefresh} />
    </>
  );
}

function Actions({
  agreement,
  isParty,
  onAct,
}: {
  agreement: AgreementFieldsFragment;
  isParty: boolean;
  onAct: (action: AgreementAction) => void;
}) {
  if (!isParty) return <Text c="dimmed">Only the negotiators of its parties act on this agreement.</Text>;
  const offered = ACTIONS.filter((a) => agreement.allowedActions.includes(a.action));
  if (!offered.length) return <Text c="dimmed">No action is possible in its current state.</Text>;
  return (
    <Group>
      {offered.map((a) => (
        <Button key={a.action} color={a.color} variant={a.color ? 'outline' : 'filled'} onClick={() => onAct(a.action)}>
          {a.label}
        </Button>
      ))}
    </Group>
  );
}

/** What happened, from the agreement's history (the audit trail), oldest first. */
function StatusTimeline({ agreement }: { agreement: AgreementFieldsFragment }) {
  const items: { title: string; at: string }[] = [{ title: 'Drafted', at: agreement.createdAt }];
  for (const event of agreement.history) {
    switch (event.action) {
      case 'PROPOSE':
        items.push({ title: 'Proposed', at: event.at });
        break;
      case 'APPROVE':
        items.push({ title: `Approved by ${event.party ?? 'a party'}`, at: event.at });
        if (event.toStatus === 'IN_FORCE') items.push({ title: 'In force: every party approved', at: event.at });
        break;
      case 'SUSPEND':
        items.push({ title: 'Suspended', at: event.at });
        break;
      case 'RESUME':
        items.push({ title: 'Resumed: in force again', at: event.at });
        break;
      case 'TERMINATE':
        items.push({ title: 'Terminated', at: event.at });
        break;
    }
  }
  return (
    <Stack gap="xs">
      <Timeline active={items.length - 1} bulletSize={16} lineWidth={2}>
        {items.map((item, i) => (
          <Timeline.Item key={`${i}-${item.title}`} title={item.title}>
            <Text size="sm" c="dimmed">
              {when(item.at)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      <Text size="sm">Current status: {agreementStatus(agreement.status).label}</Text>
    </Stack>
  );
}

function ActionDialog({
  agreement,
  action,
  onClose,
  onRefresh,
}: {
  agreement: AgreementFieldsFragment;
  action: AgreementAction | null;
  onClose: () => void;
  onRefresh: () => void;
}) {
  const meta = ACTIONS.find((a) => a.action === action);
  // One hook per document: the hooks run in the same order on every render.
  const [propose, runPropose] = useMutation(ProposeAgreementDocument);
  const [approve, runApprove] = useMutation(ApproveAgreementDocument);
  const [suspend, runSuspend] = useMutation(SuspendAgreementDocument);
  const [resume, runResume] = useMutation(ResumeAgreementDocument);
  const [terminate, runTerminate] = useMutation(TerminateAgreementDocument);
  const [error, setError] = useState<CombinedError | null>(null);
  const running = { PROPOSE: propose, APPROVE: approve, SUSPEND: suspend, RESUME: resume, TERMINATE: terminate };
  const run = {
    PROPOSE: runPropose,
    APPROVE: runApprove,
    SUSPEND: runSuspend,
    RESUME: runResume,
    TERMINATE: runTerminate,
  };

  async function confirm() {
    if (!action) return;
    setError(null);
    const result = await run[action]({ input: { id: agreement.id } });
    if (result.error) setError(result.error);
    else {
      notifications.show({ color: 'green', message: `${meta?.label ?? action}: done` });
      onClose();
    }
  }
  const close = () => {
    setError(null);
    onClose();
  };

  return (
    <Dialog opened={action !== null} onClose={close} title={meta ? `${meta.label} “${agreement.name}”` : ''}>
      <Stack>
        <ErrorNotice
          error={error}
          onRefresh={() => {
            setError(null);
            onRefresh();
          }}
        />
        {meta && <Alert variant="light">{meta.confirm}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color={meta?.color}
            loading={action ? running[action].fetching : false}
            onClick={() => void confirm()}
            data-autofocus
          >
            {meta?.label}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

function RemoveRuleDialog({ rule, onClose }: { rule: AgreementRuleFieldsFragment | null; onClose: () => void }) {
  const [state, remove] = useMutation(RemoveAgreementRuleDocument);
  const [error, setError] = useState<CombinedError | null>(null);
  async function confirm() {
    if (!rule) return;
    const result = await remove({ input: { id: rule.id } });
    if (result.error) setError(result.error);
    else {
      setError(null);
      onClose();
    }
  }
  return (
    <Dialog
      opened={rule !== null}
      onClose={() => {
        setError(null);
        onClose();
      }}
      title={rule ? `Remove the rule${rule.name ? ` “${rule.name}”` : ''}` : ''}
    >
      <Stack>
        <ErrorNotice error={error} />
        <Text>The rule is removed from the draft.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={state.fetching} onClick={() => void confirm()}>
            Remove
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

// One programme (regulator), /regulator/programmes/:id: what it is, its lifecycle (open, start, close:
// the API's allowedTransitions, a disabled action with its reason beside it), its participants (the
// lead adds and removes them) and, per stage, the criteria each authority attached — the regulator's
// own authority attaches its ACTIVE criteria, sets them mandatory or not, and detaches them.
import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Center,
  Checkbox,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconPencil, IconPlus } from '@tabler/icons-react';
import { type ReactNode, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type CombinedError, useMutation, useQuery } from 'urql';
import {
  AddProgrammeParticipantDocument,
  AttachableCriteriaDocument,
  AttachCriterionDocument,
  DetachCriterionDocument,
  type ProgrammeAction,
  RemoveProgrammeParticipantDocument,
  SetupAuthoritiesDocument,
  SetupAuthorityDocument,
  type SetupProgrammeDetailQuery,
  SetupProgrammeDetailDocument,
  type Stage,
  TransitionProgrammeDocument,
} from '../../gql/graphql';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { TransitionAction, transitionFor } from '../../ui/TransitionAction';
import { kindLabel, STAGES } from '../criteria/words';
import { ProgrammeForm } from './ProgrammeForm';
import { applicationWindow, jointEntryRule, PROGRAMME_ACTIONS, programmeStatus } from './words';

type Programme = NonNullable<SetupProgrammeDetailQuery['programme']>;

// An attachment or a participant change returns no Programme when the lists were empty: name the types.
const CONTEXT = { additionalTypenames: ['StageCriterion', 'Programme'] };

export function Component() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reload] = useQuery({
    query: SetupProgrammeDetailDocument,
    variables: { id },
    context: CONTEXT,
  });
  const [{ data: me }] = useQuery({ query: SetupAuthorityDocument });
  const refresh = () => reload({ requestPolicy: 'network-only' });
  const [editing, setEditing] = useState(false);
  const programme = data?.programme;
  const own = me?.me.authority ?? null;

  const back = (
    <Breadcrumbs mb="xs">
      <Anchor component={Link} to="/regulator/programmes" size="sm">
        Programmes
      </Anchor>
      <Text size="sm">{programme?.name ?? 'Programme'}</Text>
    </Breadcrumbs>
  );

  if (fetching && !data)
    return (
      <>
        {back}
        <PageHeader title="Programme" />
        <Center py="xl">
          <Loader aria-label="Loading the programme" />
        </Center>
      </>
    );
  if (!programme)
    return (
      <>
        {back}
        <PageHeader title="Programme" />
        <ErrorNotice error={error} onRetry={refresh} />
        {!error && (
          <Stack align="flex-start">
            <Text>This programme does not exist, or is not yours to see.</Text>
            <Button component={Link} to="/regulator/programmes" leftSection={<IconArrowBackUp size={16} />}>
              Back to the programmes
            </Button>
          </Stack>
        )}
      </>
    );

  const leads = own !== null && programme.leadAuthority.id === own.id;
  const participates = own !== null && programme.participants.some((p) => p.authority.id === own.id);
  const editable = leads && (programme.status === 'DRAFT' || programme.status === 'OPEN');
  const status = programmeStatus(programme.status);

  return (
    <>
      {back}
      <PageHeader
        title={programme.name}
        description={
          <Group gap="xs" component="span">
            <Badge color={status.color} variant="light" component="span">
              {status.label}
            </Badge>
            <span>Led by {programme.leadAuthority.name}</span>
          </Group>
        }
        actions={
          editable && (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              Edit programme
            </Button>
          )
        }
      />
      <ErrorNotice error={error} onRetry={refresh} />
      <Stack gap="xl">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Overview programme={programme} />
          <Lifecycle programme={programme} leadName={programme.leadAuthority.acronym} />
        </SimpleGrid>
        <Participants programme={programme} leads={leads} ownAuthorityId={own?.id ?? null} />
        <Stack gap="lg">
          <Title order={2} size="h3">
            Criteria per stage
          </Title>
          {STAGES.map((stage) => (
            <StageCriteria
              key={stage.value}
              programme={programme}
              stage={stage.value}
              stageLabel={stage.label}
              own={participates ? own : null}
            />
          ))}
        </Stack>
      </Stack>

      <Dialog opened={editing} onClose={() => setEditing(false)} title={`Edit ${programme.name}`} size="xl">
        {editing && (
          <ProgrammeForm
            programme={programme}
            ownAuthorityId={own?.id ?? null}
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

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function Overview({ programme }: { programme: Programme }) {
  const rule = jointEntryRule(programme.jointEntryRule);
  return (
    <Card withBorder component="section" aria-labelledby="overview-heading">
      <Title order={2} size="h4" mb="sm" id="overview-heading">
        Overview
      </Title>
      <Stack gap="sm">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {programme.description || 'No description yet.'}
        </Text>
        <SimpleGrid cols={2} spacing="sm">
          <Fact label="Sectors">{programme.sectors.length ? programme.sectors.join(', ') : 'Every sector'}</Fact>
          <Fact label="Applications">{applicationWindow(programme.applicationOpens, programme.applicationCloses)}</Fact>
          <Fact label="Cohort capacity">{programme.cohortCapacity} places</Fact>
          <Fact label="Maximum testing">{programme.maxTestingDays} days</Fact>
          <Fact label="Joint-entry rule">
            {rule.label}: {rule.description}
          </Fact>
          <Fact label="Recognised results">
            {programme.acceptsRecognisedResults
              ? 'Accepted: results recognised through agreements in force count at entry and exit'
              : 'Not accepted: only the enrolment’s own results count'}
          </Fact>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

const CONSEQUENCES: Record<ProgrammeAction, string> = {
  OPEN: 'Applicants can then apply, within the application window. The joint-entry rule can no longer change.',
  START: 'The programme runs: it no longer accepts applications, and criteria can no longer be detached.',
  CLOSE: 'The programme ends. It can no longer be edited, and nothing more can be attached.',
};

function Lifecycle({ programme, leadName }: { programme: Programme; leadName: string }) {
  const [state, transition] = useMutation(TransitionProgrammeDocument);
  const [confirming, setConfirming] = useState<ProgrammeAction | null>(null);
  const [failed, setFailed] = useState<CombinedError | null>(null);
  const confirm = PROGRAMME_ACTIONS.find((a) => a.action === confirming);

  async function run(action: ProgrammeAction) {
    setFailed(null);
    const result = await transition({ input: { id: programme.id, action } });
    setConfirming(null);
    if (result.error) return setFailed(result.error);
    notifications.show({
      color: 'green',
      title: PROGRAMME_ACTIONS.find((a) => a.action === action)!.done,
      message: programme.name,
    });
  }

  return (
    <Card withBorder component="section" aria-labelledby="lifecycle-heading">
      <Title order={2} size="h4" mb="xs" id="lifecycle-heading">
        Lifecycle
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Draft → open for applications → running → closed, moved by the lead authority ({leadName}).
      </Text>
      <Stack gap="sm">
        <ErrorNotice error={failed} />
        {PROGRAMME_ACTIONS.map(({ action, label }) => (
          <TransitionAction
            key={action}
            transition={transitionFor(programme.allowedTransitions, action)}
            variant={transitionFor(programme.allowedTransitions, action)?.allowed ? 'filled' : 'default'}
            style={{ flexShrink: 0 }}
            onClick={() => setConfirming(action)}
          >
            {label}
          </TransitionAction>
        ))}
      </Stack>
      <Dialog
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirm ? `${confirm.label}: ${programme.name}?` : ''}
      >
        {confirm && (
          <Stack>
            <Text size="sm">{CONSEQUENCES[confirm.action]}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                Cancel
              </Button>
              <Button loading={state.fetching} onClick={() => void run(confirm.action)} data-autofocus>
                {confirm.label}
              </Button>
            </Group>
          </Stack>
        )}
      </Dialog>
    </Card>
  );
}

function Participants({
  programme,
  leads,
  ownAuthorityId,
}: {
  programme: Programme;
  leads: boolean;
  ownAuthorityId: string | null;
}) {
  const [addState, add] = useMutation(AddProgrammeParticipantDocument);
  const [removeState, remove] = useMutation(RemoveProgrammeParticipantDocument);
  const [failed, setFailed] = useState<CombinedError | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const canAdd = leads && (programme.status === 'DRAFT' || programme.status === 'OPEN');
  const canRemove = leads && programme.status === 'DRAFT';
  const [{ data: authorityData }] = useQuery({ query: SetupAuthoritiesDocument, pause: !canAdd });
  const taking = new Set(programme.participants.map((p) => p.authority.id));
  const options = (authorityData?.authorities.edges ?? [])
    .map(({ node }) => node)
    .filter((a) => !taking.has(a.id))
    .map((a) => ({ value: a.id, label: `${a.acronym} (${a.jurisdiction.code}): ${a.name}` }));
  const attachedBy = (authorityId: string) => programme.criteria.filter((c) => c.authority.id === authorityId).length;

  async function addChosen() {
    if (!chosen) return;
    setFailed(null);
    const result = await add({ input: { programmeId: programme.id, authorityId: chosen } });
    if (result.error) return setFailed(result.error);
    setChosen(null);
    notifications.show({ color: 'green', title: 'Participant added', message: programme.name });
  }

  async function removeOne(authorityId: string, acronym: string) {
    setFailed(null);
    const result = await remove({ input: { programmeId: programme.id, authorityId } });
    if (result.error) return setFailed(result.error);
    notifications.show({ color: 'green', title: 'Participant removed', message: acronym });
  }

  const note = !leads
    ? `Only the lead authority (${programme.leadAuthority.acronym}) adds and removes participants.`
    : programme.status === 'OPEN'
      ? 'Participants can be added while the programme is open, and removed only while it is a draft.'
      : programme.status !== 'DRAFT'
        ? `Participants no longer change: the programme is ${programmeStatus(programme.status).label.toLowerCase()}.`
        : 'Removing a participant removes the criteria it attached.';

  return (
    <Card withBorder component="section" aria-labelledby="participants-heading">
      <Title order={2} size="h4" mb="xs" id="participants-heading">
        Participating authorities
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {note}
      </Text>
      <ErrorNotice error={failed} />
      <Table.ScrollContainer minWidth={600}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Authority</Table.Th>
              <Table.Th>Jurisdiction</Table.Th>
              <Table.Th>Criteria attached</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {programme.participants.map(({ authority, isLead }) => (
              <Table.Tr key={authority.id}>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm" fw={500}>
                      {authority.acronym}
                    </Text>
                    <Text size="sm">{authority.name}</Text>
                    {isLead && (
                      <Badge variant="light" size="sm">
                        Lead
                      </Badge>
                    )}
                    {authority.id === ownAuthorityId && !isLead && (
                      <Badge variant="light" color="gray" size="sm">
                        Yours
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{authority.jurisdiction.name}</Table.Td>
                <Table.Td>{attachedBy(authority.id)}</Table.Td>
                <Table.Td>
                  {canRemove && !isLead && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={removeState.fetching}
                      aria-label={`Remove ${authority.acronym}`}
                      onClick={() => void removeOne(authority.id, authority.acronym)}
                    >
                      Remove
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canAdd && (
        <Group align="flex-end" mt="sm">
          <Select
            label="Authority to add"
            placeholder="Choose an authority"
            data={options}
            value={chosen}
            onChange={setChosen}
            searchable
            nothingFoundMessage="No authority matches"
            w={380}
          />
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => void addChosen()}
            disabled={!chosen}
            loading={addState.fetching}
          >
            Add participant
          </Button>
        </Group>
      )}
    </Card>
  );
}

function StageCriteria({
  programme,
  stage,
  stageLabel,
  own,
}: {
  programme: Programme;
  stage: Stage;
  stageLabel: string;
  /** The regulator's authority when it takes part (it attaches its own criteria), else null. */
  own: { id: string; acronym: string } | null;
}) {
  const headingId = useId();
  // By authority (the lead first, as the participants are listed), then by key.
  const order = programme.participants.map((p) => p.authority.id);
  const attached = programme.criteria
    .filter((c) => c.stage === stage)
    .sort(
      (a, b) =>
        order.indexOf(a.authority.id) - order.indexOf(b.authority.id) || a.criterion.key.localeCompare(b.criterion.key),
    );
  const canAttach = own !== null && programme.status !== 'CLOSED';
  const canDetach = own !== null && (programme.status === 'DRAFT' || programme.status === 'OPEN');
  const [attachState, attach] = useMutation(AttachCriterionDocument);
  const [detachState, detach] = useMutation(DetachCriterionDocument);
  const [failed, setFailed] = useState<CombinedError | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [mandatory, setMandatory] = useState(true);
  const [{ data: activeData }] = useQuery({
    query: AttachableCriteriaDocument,
    variables: { filter: { authorityId: own?.id, status: 'ACTIVE', stage } },
    pause: !canAttach,
  });
  // One version of a key at a time: a key already attached by this authority is not offered again.
  const attachedKeys = new Set(attached.filter((c) => c.authority.id === own?.id).map((c) => c.criterion.key));
  const options = (activeData?.criteria.edges ?? [])
    .map(({ node }) => node)
    .filter((c) => !attachedKeys.has(c.key))
    .map((c) => ({ value: c.id, label: `${c.key} (v${c.version}): ${c.title}` }));

  async function attachChosen() {
    if (!chosen) return;
    setFailed(null);
    const result = await attach({ input: { programmeId: programme.id, criterionId: chosen, mandatory } });
    if (result.error) return setFailed(result.error);
    setChosen(null);
    setMandatory(true);
    const c = result.data!.attachCriterion.criterion;
    notifications.show({ color: 'green', title: 'Criterion attached', message: `${c.key} (v${c.version})` });
  }

  async function setFlag(criterionId: string, value: boolean) {
    setFailed(null);
    const result = await attach({ input: { programmeId: programme.id, criterionId, mandatory: value } });
    if (result.error) setFailed(result.error);
  }

  async function detachOne(criterionId: string, key: string) {
    setFailed(null);
    const result = await detach({ input: { programmeId: programme.id, criterionId } });
    if (result.error) return setFailed(result.error);
    notifications.show({ color: 'green', title: 'Criterion detached', message: key });
  }

  const heading = `${stageLabel} criteria`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Title order={3} size="h4" mb="xs" id={headingId}>
        {heading}
      </Title>
      <ErrorNotice error={failed} />
      {attached.length === 0 ? (
        <Text size="sm" mb="sm">
          No {stageLabel.toLowerCase()} criterion attached yet.
          {stage === 'ENTRY' && ' Every participating authority needs one before the programme opens.'}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" aria-labelledby={headingId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Authority</Table.Th>
                <Table.Th>Criterion</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Mandatory</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attached.map(({ authority, criterion, mandatory: isMandatory }) => {
                const mine = authority.id === own?.id;
                return (
                  <Table.Tr key={criterion.id}>
                    <Table.Td>{authority.acronym}</Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {criterion.key} (v{criterion.version})
                      </Text>
                      <Text size="sm">{criterion.title}</Text>
                    </Table.Td>
                    <Table.Td>{kindLabel(criterion.kind)}</Table.Td>
                    <Table.Td>
                      {mine && canAttach ? (
                        <Switch
                          checked={isMandatory}
                          onChange={(event) => void setFlag(criterion.id, event.currentTarget.checked)}
                          aria-label={`Mandatory: ${criterion.key}`}
                          disabled={attachState.fetching}
                        />
                      ) : isMandatory ? (
                        'Mandatory'
                      ) : (
                        'Optional'
                      )}
                    </Table.Td>
                    <Table.Td>
                      {mine && canDetach && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          loading={detachState.fetching}
                          aria-label={`Detach ${criterion.key}`}
                          onClick={() => void detachOne(criterion.id, criterion.key)}
                        >
                          Detach
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canAttach && own && (
        <Group align="flex-end" mt="sm">
          <Select
            label={`Attach one of ${own.acronym}’s active ${stageLabel.toLowerCase()} criteria`}
            placeholder={options.length ? 'Choose a criterion' : 'None left to attach'}
            data={options}
            value={chosen}
            onChange={setChosen}
            searchable
            nothingFoundMessage="No criterion matches"
            w={460}
          />
          <Checkbox
            label="Mandatory"
            checked={mandatory}
            onChange={(event) => setMandatory(event.currentTarget.checked)}
            mb={8}
          />
          <Button onClick={() => void attachChosen()} disabled={!chosen} loading={attachState.fetching}>
            Attach
          </Button>
        </Group>
      )}
    </Card>
  );
}

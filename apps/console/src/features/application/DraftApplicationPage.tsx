// A DRAFT application (innovator), at /innovator/enrolments/:id/application: change the targets and the
// entry evidence (updateEnrolmentApplication at the version read), see the entry evaluation per
// authority and criterion as the API computes it on the saved draft — unmet mandatory criteria marked —
// and submit (submitEnrolment) once everything shown is saved.
import { Alert, Anchor, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconSend } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ApplicationDraftDocument, SubmitApplicationDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { TransitionAction, transitionFor } from '../../ui/TransitionAction';
import { EnrolmentStateBadge } from '../my-enrolments/words';
import { ApplicationForm } from './ApplicationForm';
import { EntryEvaluation, mandatoryUnmet } from './EntryEvaluation';

export function Component() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reload] = useQuery({ query: ApplicationDraftDocument, variables: { id } });
  const [submitting, submit] = useMutation(SubmitApplicationDocument);
  const [dirty, setDirty] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const onDirtyChange = useCallback((value: boolean) => setDirty(value), []);
  const refresh = () => reload({ requestPolicy: 'network-only' });
  const draft = data?.enrolment;

  if (fetching && !data)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the application" />
      </Center>
    );
  if (!draft)
    return (
      <>
        <PageHeader title="Application" />
        <ErrorNotice error={error} onRetry={refresh} />
        {!error && <Text>Not found, or not yours to see.</Text>}
      </>
    );

  const enrolmentPage = `/innovator/enrolments/${draft.id}`;
  const title = `Application: ${draft.aiSystem.name}`;
  const back = (
    <Anchor component={Link} to={enrolmentPage} size="sm" mb="xs" display="inline-flex">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        The enrolment
      </Group>
    </Anchor>
  );

  if (draft.state !== 'DRAFT')
    return (
      <>
        {back}
        <PageHeader title={title} />
        <Alert color="blue" title="This application was submitted" maw={640}>
          <Text size="sm">
            It is <EnrolmentStateBadge state={draft.state} size="sm" /> now and can no longer change.{' '}
            <Anchor component={Link} to={enrolmentPage}>
              Open the enrolment
            </Anchor>
            .
          </Text>
        </Alert>
      </>
    );

  const blocking = mandatoryUnmet(draft.tracks);
  const allowed = transitionFor(draft.allowedTransitions, 'SUBMIT');
  const submitTransition = dirty
    ? { action: 'SUBMIT', allowed: false, reason: 'Save your changes first: the evaluation shows the saved draft' }
    : allowed;

  async function doSubmit() {
    const result = await submit({ input: { enrolmentId: draft!.id, expectedVersion: draft!.version } });
    setConfirming(false);
    if (result.error) return;
    notifications.show({
      color: 'green',
      title: 'Application submitted',
      message: `${draft!.aiSystem.name} to ${draft!.programme.name}`,
    });
    navigate(enrolmentPage);
  }

  return (
    <>
      {back}
      <PageHeader
        title={title}
        description={
          <>
            To {draft.programme.name} · state: <EnrolmentStateBadge state={draft.state} size="sm" /> · version{' '}
            {draft.version}
          </>
        }
      />
      <Stack gap="xl">
        <section aria-labelledby="application-form">
          <Title order={2} size="h3" id="application-form" mb="sm">
            Targets and entry evidence
          </Title>
          <ApplicationForm
            key={draft.id}
            programme={draft.programme}
            draft={draft}
            onRefresh={refresh}
            onDirtyChange={onDirtyChange}
            onSaved={() => notifications.show({ color: 'green', title: 'Draft saved', message: 'Evaluation updated.' })}
          />
        </section>

        <section aria-labelledby="entry-evaluation">
          <Title order={2} size="h3" id="entry-evaluation" mb={4}>
            Entry evaluation
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            How each authority's entry criteria evaluate on the saved draft, before you submit.
            {dirty ? ' You have changes not saved yet: save the draft to evaluate them.' : ''}
          </Text>
          {draft.tracks.length === 0 ? (
            <Text size="sm">Choose at least one authority.</Text>
          ) : (
            <EntryEvaluation tracks={draft.tracks} entryResults={draft.entryResults} />
          )}
        </section>

        <section aria-labelledby="submit-application">
          <Title order={2} size="h3" id="submit-application" mb={4}>
            Submit
          </Title>
          <Text size="sm" mb="sm">
            {blocking > 0
              ? `${blocking} mandatory ${blocking === 1 ? 'criterion is' : 'criteria are'} not met. You may still submit: an authority admitting you over ${blocking === 1 ? 'it' : 'them'} must justify it in writing, or may decline.`
              : 'Every mandatory entry criterion is met.'}{' '}
            Once submitted, the application can no longer change.
          </Text>
          <Stack gap="sm" align="flex-start">
            <ErrorNotice error={submitting.error} onRefresh={refresh} />
            <TransitionAction
              transition={submitTransition}
              leftSection={<IconSend size={16} />}
              loading={submitting.fetching}
              onClick={() => (blocking > 0 ? setConfirming(true) : void doSubmit())}
            >
              Submit application
            </TransitionAction>
          </Stack>
        </section>
      </Stack>

      <Dialog opened={confirming} onClose={() => setConfirming(false)} title="Submit with unmet mandatory criteria?">
        <Stack>
          <Text size="sm">
            {blocking} mandatory entry {blocking === 1 ? 'criterion is' : 'criteria are'} not met. The authorities see
            the same evaluation: they may decline, or admit with a written justification.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Go back
            </Button>
            <Button onClick={() => void doSubmit()} loading={submitting.fetching}>
              Submit anyway
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}

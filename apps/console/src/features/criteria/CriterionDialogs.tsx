// The dialogs of a criterion version: writing one (new, or editing a DRAFT), and confirming a
// publish, a revision or a retirement — each showing the API's refusal in words when there is one.
import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from 'urql';
import {
  CriterionToEditDocument,
  type CriterionVersionFragment,
  PublishCriterionDocument,
  RetireCriterionDocument,
  ReviseCriterionDocument,
} from '../../gql/graphql';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CriterionForm } from './CriterionForm';

/** Loads the draft to edit (and reloads it on CONFLICT's refresh, keeping the form), or writes a new one. */
function CriterionEditor({
  criterionId,
  onSaved,
  onCancel,
}: {
  criterionId: string | null;
  onSaved: (saved: CriterionVersionFragment) => void;
  onCancel: () => void;
}) {
  const [{ data, error }, reload] = useQuery({
    query: CriterionToEditDocument,
    variables: { id: criterionId ?? '' },
    pause: !criterionId,
    requestPolicy: 'network-only',
  });
  const refresh = () => reload({ requestPolicy: 'network-only' });
  if (!criterionId) return <CriterionForm criterion={null} onSaved={onSaved} onCancel={onCancel} onRefresh={refresh} />;
  if (error && !data) return <ErrorNotice error={error} onRetry={refresh} />;
  if (!data)
    return (
      <Center py="lg">
        <Loader aria-label="Loading the draft" />
      </Center>
    );
  if (!data.criterion) return <Text>This criterion no longer exists, or is not yours to see.</Text>;
  return <CriterionForm criterion={data.criterion} onSaved={onSaved} onCancel={onCancel} onRefresh={refresh} />;
}

/** The writing dialog: `editing` is a DRAFT version's id, 'new' for a new criterion, null when closed. */
export function CriterionEditorModal({
  editing,
  title,
  onClose,
  onSaved,
}: {
  editing: string | 'new' | null;
  /** The dialog's title when editing, e.g. "Edit version 2 of testing.auc". */
  title?: string;
  onClose: () => void;
  onSaved?: (saved: CriterionVersionFragment) => void;
}) {
  return (
    <Dialog
      opened={editing !== null}
      onClose={onClose}
      title={editing === 'new' ? 'New criterion' : (title ?? 'Edit draft')}
      size="xl"
    >
      {editing !== null && (
        <CriterionEditor
          criterionId={editing === 'new' ? null : editing}
          onCancel={onClose}
          onSaved={(saved) => {
            notifications.show({
              color: 'green',
              title: editing === 'new' ? 'Draft created' : 'Draft saved',
              message: `${saved.key}, version ${saved.version}`,
            });
            onClose();
            onSaved?.(saved);
          }}
        />
      )}
    </Dialog>
  );
}

export type CriterionAction = 'publish' | 'revise' | 'retire';

const WORDS: Record<CriterionAction, { title: string; button: string; done: string; color?: string }> = {
  publish: { title: 'Publish', button: 'Publish', done: 'Published' },
  revise: { title: 'Revise', button: 'Make a new draft', done: 'New draft made' },
  retire: { title: 'Retire', button: 'Retire', done: 'Retired', color: 'red' },
};

function explanation(action: CriterionAction, c: CriterionVersionFragment): string {
  switch (action) {
    case 'publish':
      return `Version ${c.version} becomes active and can no longer change. The version active until now, if any, is retired unchanged: results evaluated against it keep pointing at it.`;
    case 'revise':
      return `The newest version of ${c.key} is copied into a new version as a draft, for you to edit and publish. The active version stays in force until then.`;
    case 'retire':
      return `Version ${c.version} is retired without a successor: it can no longer be attached to programmes. Results evaluated against it keep pointing at it.`;
  }
}

type Pending = { action: CriterionAction; criterion: CriterionVersionFragment };

/** Confirms an action on a version and runs it; the API's refusal stays in the dialog, in words. */
export function CriterionActionModal({
  pending,
  onClose,
  onDone,
}: {
  pending: Pending | null;
  onClose: () => void;
  onDone?: (action: CriterionAction, result: CriterionVersionFragment) => void;
}) {
  const words = pending ? WORDS[pending.action] : null;
  return (
    <Dialog
      opened={pending !== null}
      onClose={onClose}
      title={pending && words ? `${words.title} version ${pending.criterion.version} of ${pending.criterion.key}?` : ''}
    >
      {pending && (
        // Keyed: each opening starts without the previous one's refusal.
        <ActionConfirm
          key={`${pending.action}:${pending.criterion.id}`}
          pending={pending}
          onClose={onClose}
          onDone={onDone}
        />
      )}
    </Dialog>
  );
}

function ActionConfirm({
  pending,
  onClose,
  onDone,
}: {
  pending: Pending;
  onClose: () => void;
  onDone?: (action: CriterionAction, result: CriterionVersionFragment) => void;
}) {
  const [publishState, publish] = useMutation(PublishCriterionDocument);
  const [reviseState, revise] = useMutation(ReviseCriterionDocument);
  const [retireState, retire] = useMutation(RetireCriterionDocument);
  const state = { publish: publishState, revise: reviseState, retire: retireState }[pending.action];
  const words = WORDS[pending.action];

  async function run() {
    const input = { input: { id: pending.criterion.id } };
    const result =
      pending.action === 'publish'
        ? (await publish(input)).data?.publishCriterion
        : pending.action === 'revise'
          ? (await revise(input)).data?.reviseCriterion
          : (await retire(input)).data?.retireCriterion;
    if (!result) return;
    notifications.show({ color: 'green', title: words.done, message: `${result.key}, version ${result.version}` });
    onClose();
    onDone?.(pending.action, result);
  }

  return (
    <Stack>
      <ErrorNotice error={state.error} />
      <Text size="sm">{explanation(pending.action, pending.criterion)}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button color={words.color} loading={state.fetching} onClick={() => void run()} data-autofocus>
          {words.button}
        </Button>
      </Group>
    </Stack>
  );
}

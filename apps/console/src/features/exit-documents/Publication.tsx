// The participant's consent to publishing an issued exit report: whether it is in the public
// registry now, what publishing shows (the public copy: nothing confidential, no withheld value),
// and giving or withdrawing consent — each confirmed in a dialog; withdrawal unpublishes at once.
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconWorld, IconWorldOff } from '@tabler/icons-react';
import { useState } from 'react';
import { type CombinedError, useMutation } from 'urql';
import {
  ConsentToPublicationDocument,
  type ExitReportVersionViewFragment,
  WithdrawPublicationConsentDocument,
} from '../../gql/graphql';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { instant } from '../my-enrolments/words';
import { WHAT_IS_PUBLISHED } from './words';

export function Publication({ report, acronym }: { report: ExitReportVersionViewFragment; acronym: string }) {
  const { published, consentedAt, withdrawnAt } = report.publication;
  const [acting, setActing] = useState<'consent' | 'withdraw' | null>(null);
  const [problem, setProblem] = useState<CombinedError | null>(null);
  const [consentState, consent] = useMutation(ConsentToPublicationDocument);
  const [withdrawState, withdraw] = useMutation(WithdrawPublicationConsentDocument);

  async function confirm() {
    if (!acting) return;
    setProblem(null);
    const input = { exitReportId: report.id };
    const result = acting === 'consent' ? await consent({ input }) : await withdraw({ input });
    if (result.error) {
      setProblem(result.error);
      return;
    }
    notifications.show({
      color: 'green',
      title: acting === 'consent' ? 'Published' : 'Consent withdrawn',
      message:
        acting === 'consent'
          ? `The public copy of ${acronym}'s exit report is in the public registry.`
          : `${acronym}'s exit report has left the public registry.`,
    });
    setActing(null);
  }

  return (
    <Stack gap="xs" aria-label="Publication" role="group">
      <Group gap="sm">
        <Text size="sm" fw={600}>
          Publication:
        </Text>
        <Badge variant="light" color={published ? 'green' : 'gray'}>
          {published ? 'Published in the public registry' : 'Not published'}
        </Badge>
        <Text size="xs" c="dimmed">
          {withdrawnAt
            ? `Consent withdrawn ${instant(withdrawnAt)}`
            : consentedAt
              ? `Consent given ${instant(consentedAt)}`
              : 'You have not consented'}
        </Text>
      </Group>
      <Text size="sm">
        {acronym} may publish this report only with your consent. {WHAT_IS_PUBLISHED}
      </Text>
      <Group>
        {report.status === 'ISSUED' && !published && (
          <Button size="xs" leftSection={<IconWorld size={14} />} onClick={() => setActing('consent')}>
            Consent to publication
          </Button>
        )}
        {published && (
          <Button
            size="xs"
            variant="outline"
            color="red.9"
            leftSection={<IconWorldOff size={14} />}
            onClick={() => setActing('withdraw')}
          >
            Withdraw consent
          </Button>
        )}
      </Group>

      <Dialog
        opened={acting !== null}
        onClose={() => setActing(null)}
        title={
          acting === 'consent' ? 'Publish the exit report?' : acting === 'withdraw' ? 'Withdraw your consent?' : ''
        }
      >
        <Stack>
          <ErrorNotice error={problem} />
          {acting === 'consent' ? (
            <>
              <Text size="sm">{WHAT_IS_PUBLISHED}</Text>
              <Text size="sm">
                Download its public copy to read exactly what is shown. You can withdraw your consent at any time: the
                report then leaves the registry at once.
              </Text>
            </>
          ) : (
            <Text size="sm">
              The report leaves the public registry at once. You can consent again later; copies others saved while it
              was public stay theirs.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setActing(null)}>
              Cancel
            </Button>
            <Button
              color={acting === 'withdraw' ? 'red.9' : undefined}
              loading={consentState.fetching || withdrawState.fetching}
              onClick={() => void confirm()}
            >
              {acting === 'withdraw' ? 'Withdraw consent' : 'Publish'}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Stack>
  );
}

// On the participant's enrolment page: the way to its exit documents, once an authority has made a
// final exit decision (its written proof is issued then; its exit report follows).
import { Button, Text, Title } from '@mantine/core';
import { IconFileCertificate } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ExitDecision } from '../../gql/graphql';

export function ExitDocumentsLink({
  enrolmentId,
  tracks,
}: {
  enrolmentId: string;
  tracks: { exitDecision?: ExitDecision | null }[];
}) {
  const decided = tracks.filter((t) => t.exitDecision === 'AUTHORISED' || t.exitDecision === 'REJECTED').length;
  if (!decided) return null;
  return (
    <section aria-labelledby="enrolment-exit-documents">
      <Title order={2} size="h3" id="enrolment-exit-documents" mb="sm">
        Exit documents
      </Title>
      <Text size="sm" mb="sm" maw={760}>
        The written proof and the exit report of each authority that decided your exit — signed, to download, print and
        verify — and your consent to publishing the reports in the public registry.
      </Text>
      <Button
        component={Link}
        to={`/innovator/enrolments/${enrolmentId}/exit-documents`}
        leftSection={<IconFileCertificate size={16} />}
      >
        Open the exit documents
      </Button>
    </section>
  );
}

// An authority's written proof and one issued (or superseded) exit report version, as cards with
// their downloads, printable page and verification (DocumentActions). Shown to the regulator on the
// exit report page and to the participant on its exit documents page.
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ExitReportVersionViewFragment, WrittenProofViewFragment } from '../../gql/graphql';
import { instant } from '../my-enrolments/words';
import { DocumentActions } from './DocumentActions';
import { slug } from './files';

/** Where a role's printable exit documents are: /innovator/enrolments/:id/exit-documents/… or /regulator/… */
export const exitDocumentsPath = (section: 'innovator' | 'regulator', enrolmentId: string) =>
  `/${section}/enrolments/${enrolmentId}/exit-documents`;

export function WrittenProofCard({
  proof,
  system,
  basePath,
}: {
  proof: WrittenProofViewFragment;
  system: string;
  basePath: string;
}) {
  const { acronym } = proof.authority;
  return (
    <Card withBorder padding="md" component="article" aria-label={`Written proof of ${acronym}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={4} size="h5">
            Written proof of {acronym}
          </Title>
          <Badge variant="light" color={proof.completed ? 'green' : 'gray'}>
            {proof.completed ? 'Completed (authorised)' : 'Not completed (rejected)'}
          </Badge>
        </Group>
        <Text size="sm">
          Issued by {proof.authority.name} on {instant(proof.issuedAt)} at its final exit decision: the activities
          carried out, the requirements evaluated and whether the project was completed — signed by the platform.
        </Text>
        <DocumentActions
          signed={proof.signed}
          markdown={proof.markdown}
          withheld={proof.withheld}
          fileName={`written-proof-${slug(acronym)}-${slug(system)}`}
          printPath={`${basePath}/${proof.authority.id}/written-proof`}
        />
      </Stack>
    </Card>
  );
}

const STATUS = {
  ISSUED: { label: 'Issued, in force', color: 'green' },
  SUPERSEDED: { label: 'Superseded', color: 'gray' },
  DRAFT: { label: 'Draft', color: 'blue' },
} as const;

export function ReportVersionCard({
  version: v,
  acronym,
  authorityId,
  system,
  basePath,
  children,
}: {
  version: ExitReportVersionViewFragment;
  acronym: string;
  authorityId: string;
  system: string;
  basePath: string;
  /** More about this version (the participant's publication consent). */
  children?: ReactNode;
}) {
  const status = STATUS[v.status];
  return (
    <Card withBorder padding="md" component="article" aria-label={`Exit report of ${acronym}, version ${v.version}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={4} size="h5">
            Exit report of {acronym}, version {v.version}
          </Title>
          <Badge variant="light" color={status.color}>
            {status.label}
          </Badge>
        </Group>
        <Text size="sm">
          Issued {instant(v.issuedAt)}
          {v.supersedes ? ', correcting the version before it' : ''}
          {v.status === 'SUPERSEDED' ? `; superseded by a correction ${instant(v.supersededAt)}` : ''}. Signed, and
          never changed since.
        </Text>
        <DocumentActions
          signed={v.signed}
          markdown={v.markdown}
          withheld={v.withheld}
          publicCopy={v.publicCopy}
          fileName={`exit-report-${slug(acronym)}-v${v.version}-${slug(system)}`}
          printPath={`${basePath}/${authorityId}/exit-report/${v.id}`}
        />
        {children}
      </Stack>
    </Card>
  );
}

// An enrolment's exit documents for the participant (/innovator/enrolments/:id/exit-documents): per
// authority, the written proof issued at its final exit decision and the exit reports it issued (the
// one in force and those it superseded), each as signed JSON, Markdown and a printable page, and
// verifiable; and the participant's consent to publishing the report in force.
import { Anchor, Center, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ExitDocumentsDocument, type ExitDocumentsQuery } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { TrackStateBadge } from '../my-enrolments/words';
import { exitDocumentsPath, ReportVersionCard, WrittenProofCard } from './DocumentCards';
import { Publication } from './Publication';

const CONTEXT = { additionalTypenames: ['ExitReportVersion', 'WrittenProof'] };

type Authority = ExitDocumentsQuery['exitReport']['authorities'][number];

export function Component() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reload] = useQuery({
    query: ExitDocumentsDocument,
    variables: { enrolmentId: id },
    context: CONTEXT,
  });
  const report = data?.exitReport;

  return (
    <>
      <Anchor component={Link} to={`/innovator/enrolments/${id}`} size="sm" mb="xs" display="inline-flex">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {report ? `${report.aiSystem.name} in ${report.programme.name}` : 'The enrolment'}
        </Group>
      </Anchor>
      <PageHeader
        title="Exit documents"
        description={
          report
            ? `${report.aiSystem.name} in ${report.programme.name}: what each authority issued when it decided your exit`
            : undefined
        }
      />
      <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
      {fetching && !data ? (
        <Center py="xl">
          <Loader aria-label="Loading the exit documents" />
        </Center>
      ) : report ? (
        <Stack gap="xl">
          <Text size="sm" maw={760}>
            Each document is signed by the platform: download its signed JSON to hand it on — anyone can check it
            against the platform's published key (<Code>/.well-known/sandbridge-keys</Code>) — or Verify it here.
          </Text>
          {report.authorities.map((a) => (
            <AuthorityDocuments
              key={a.authorityId}
              authority={a}
              enrolmentId={report.enrolmentId}
              system={report.aiSystem.name}
            />
          ))}
        </Stack>
      ) : null}
    </>
  );
}

function AuthorityDocuments({
  authority: a,
  enrolmentId,
  system,
}: {
  authority: Authority;
  enrolmentId: string;
  system: string;
}) {
  const basePath = exitDocumentsPath('innovator', enrolmentId);
  const headingId = `exit-documents-${a.authorityId}`;
  const versions = a.reportVersions.filter((v) => v.status !== 'DRAFT');
  const final = a.trackState === 'AUTHORISED' || a.trackState === 'REJECTED';
  return (
    <section aria-labelledby={headingId}>
      <Group gap="sm" mb="sm">
        <Title order={2} size="h3" id={headingId}>
          {a.name} ({a.acronym})
        </Title>
        <TrackStateBadge state={a.trackState} />
      </Group>
      <Stack gap="md">
        <Stack gap="xs">
          <Title order={3} size="h4">
            Written proof
          </Title>
          {a.writtenProof ? (
            <WrittenProofCard proof={a.writtenProof} system={system} basePath={basePath} />
          ) : (
            <Text size="sm">
              {final
                ? 'Not issued.'
                : `Not issued yet: ${a.acronym} issues it when it makes its final exit decision (authorised or rejected).`}
            </Text>
          )}
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h4">
            Exit report
          </Title>
          {versions.length === 0 ? (
            <Text size="sm">
              {final
                ? `Not issued yet: ${a.acronym} writes it after its exit decision and issues it within two months of your exit.`
                : `Not issued yet: ${a.acronym} writes it once it has decided your exit.`}
            </Text>
          ) : (
            versions.map((v) => (
              <ReportVersionCard
                key={v.id}
                version={v}
                acronym={a.acronym}
                authorityId={a.authorityId}
                system={system}
                basePath={basePath}
              >
                {v.status === 'ISSUED' && <Publication report={v} acronym={a.acronym} />}
              </ReportVersionCard>
            ))
          )}
        </Stack>
      </Stack>
    </section>
  );
}

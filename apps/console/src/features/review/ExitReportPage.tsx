// An enrolment's exit report (/regulator/enrolments/:id/exit-report): the regulator's own authority's
// exit documents — its written proof, the exit report it writes and issues, every version issued
// (exit-documents/AuthorityExitDocuments) — then the report as it reads today across every targeted
// authority: each exit criterion with its evidence and outcome, and the entry and exit decisions
// with their reasons, as the API renders it in Markdown — shown here, and downloadable as the .md file.
import { Alert, Anchor, Breadcrumbs, Button, Card, Center, Loader, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ExitReportDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { AuthorityExitDocuments } from '../exit-documents/AuthorityExitDocuments';
import { downloadText, slug } from '../exit-documents/files';
import { Markdown } from './Markdown';
import { ENROLMENT_STATES } from './words';

/** "Lumen Thin-File Scorer" → "exit-report-lumen-thin-file-scorer.md". */
export const exitReportFile = (system: string): string => `exit-report-${slug(system)}.md`;

export function Component() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reload] = useQuery({ query: ExitReportDocument, variables: { enrolmentId: id } });
  const report = data?.exitReport;

  return (
    <>
      <Breadcrumbs mb="sm" aria-label="Breadcrumb">
        <Anchor component={Link} to="/regulator/enrolments" size="sm">
          Enrolments
        </Anchor>
        <Anchor component={Link} to={`/regulator/enrolments/${id}`} size="sm">
          {report?.aiSystem.name ?? 'Enrolment'}
        </Anchor>
      </Breadcrumbs>
      <PageHeader
        title="Exit report"
        description={report ? `${report.aiSystem.name} · ${report.programme.name}` : undefined}
        actions={
          report && (
            <Button
              leftSection={<IconDownload size={16} />}
              onClick={() => downloadText(report.markdown, exitReportFile(report.aiSystem.name), 'text/markdown')}
            >
              Download (.md)
            </Button>
          )
        }
      />
      <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
      {fetching && !data ? (
        <Center py="xl">
          <Loader aria-label="Loading the exit report" />
        </Center>
      ) : report ? (
        <Stack>
          {report.state !== 'EXITED' && (
            <Alert color="blue" variant="light" title="Provisional">
              <Text size="sm">
                The enrolment is {ENROLMENT_STATES[report.state].label.toLowerCase()}, not exited: this is the report as
                it would read today.
              </Text>
            </Alert>
          )}
          <AuthorityExitDocuments enrolmentId={id} />
          <Text size="sm" c="dimmed" mt="md">
            Below, the report as it reads today: every targeted authority's part, from the enrolment as it stands now;
            the issued versions above are what was signed.
          </Text>
          <Card withBorder padding="xl" component="article" aria-label="The exit report">
            <Markdown>{report.markdown}</Markdown>
          </Card>
        </Stack>
      ) : null}
    </>
  );
}

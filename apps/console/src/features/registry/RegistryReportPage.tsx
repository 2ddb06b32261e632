// A published exit report (no sign-in): the public copy, as the API renders it — only the sections
// marked public, consented to by the participant — and its signed JSON to download and verify
// offline against /.well-known/sandbridge-keys.
import { Anchor, Button, Center, Code, Group, Loader, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { RegistryExitReportsDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { Markdown } from '../review/Markdown';
import { day } from '../review/words';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function Component() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reload] = useQuery({ query: RegistryExitReportsDocument, variables: {} });
  const report = data?.publicExitReports.edges.map((e) => e.node).find((r) => r.id === id);

  if (fetching && !data)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the exit report" />
      </Center>
    );
  if (error) return <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />;
  if (!report)
    return (
      <>
        <PageHeader title="Exit report not found" />
        <Text>
          No published exit report has this address: it may have been withdrawn.{' '}
          <Anchor component={Link} to="/registry">
            Back to the registry
          </Anchor>
        </Text>
      </>
    );
  const sha256 = (report.signed as { sha256?: string } | null)?.sha256;

  return (
    <>
      <Anchor component={Link} to={`/registry/programmes/${report.programme.id}`} size="sm" c="indigo.9">
        ← {report.programme.name}
      </Anchor>
      <PageHeader
        title={`Exit report: ${report.aiSystem.name}`}
        description={`${report.organisation.name} · issued by ${report.authority.name} (${report.authority.acronym}) on ${day(report.issuedAt)}${report.version > 1 ? ` · version ${report.version}` : ''}`}
        actions={
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={() =>
              download(`exit-report-${report.id}.public.json`, `${JSON.stringify(report.signed, null, 2)}\n`)
            }
          >
            Download the signed copy (JSON)
          </Button>
        }
      />
      {sha256 && (
        <Group gap="xs" mb="md">
          <Text size="sm" c="dimmed">
            SHA-256 of the signed copy:
          </Text>
          <Code>{sha256}</Code>
        </Group>
      )}
      <Markdown>{report.markdown}</Markdown>
    </>
  );
}

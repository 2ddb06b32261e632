// A written proof or an issued exit report version as a page to print (both roles):
//   /<section>/enrolments/:id/exit-documents/:authorityId/written-proof
//   /<section>/enrolments/:id/exit-documents/:authorityId/exit-report/:versionId
// The document as the reader may read it (the API's Markdown), then its signature: key, SHA-256 and
// where the key is published. The print style sheet (console.css) leaves out the console's header,
// navigation and buttons; "Print" opens the browser's dialog.
import { Alert, Anchor, Button, Card, Center, Code, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ExitDocumentsDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { instant } from '../my-enrolments/words';
import { Markdown } from '../review/Markdown';

interface Signed {
  sha256: string;
  keyId: string;
  document: { format?: string };
}

export function Component() {
  const { id = '', authorityId = '', versionId } = useParams();
  const regulator = useLocation().pathname.startsWith('/regulator/');
  const back = regulator ? `/regulator/enrolments/${id}/exit-report` : `/innovator/enrolments/${id}/exit-documents`;
  const [{ data, fetching, error }, reload] = useQuery({
    query: ExitDocumentsDocument,
    variables: { enrolmentId: id },
  });
  const report = data?.exitReport;
  const authority = report?.authorities.find((a) => a.authorityId === authorityId);
  const version = versionId ? authority?.reportVersions.find((v) => v.id === versionId && v.status !== 'DRAFT') : null;
  const proof = versionId ? null : authority?.writtenProof;
  const shown = version ?? proof ?? null;
  const title = !authority
    ? 'Exit document'
    : version
      ? `Exit report of ${authority.acronym}, version ${version.version}`
      : `Written proof of ${authority.acronym}`;
  const signed = (shown?.signed ?? null) as Signed | null;

  return (
    <>
      <Anchor component={Link} to={back} size="sm" mb="xs" display="inline-flex" className="no-print">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {regulator ? 'Exit report' : 'Exit documents'}
        </Group>
      </Anchor>
      <PageHeader
        title={title}
        description={
          report ? `${report.aiSystem.name} · ${report.organisation.name} · ${report.programme.name}` : undefined
        }
        actions={
          shown && (
            <Button className="no-print" leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
              Print
            </Button>
          )
        }
      />
      <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
      {fetching && !data ? (
        <Center py="xl">
          <Loader aria-label="Loading the document" />
        </Center>
      ) : !report ? null : !shown?.markdown ? (
        <Text>Not found, or not yours to see: it may not be issued yet.</Text>
      ) : (
        <Stack maw={960}>
          {version?.status === 'SUPERSEDED' && (
            <Alert color="orange" variant="light" title="Superseded">
              <Text size="sm">
                A correction superseded this version {instant(version.supersededAt)}. It still verifies, as what was
                issued then.
              </Text>
            </Alert>
          )}
          <Card withBorder padding="xl" component="article" aria-label={title}>
            <Markdown>{shown.markdown}</Markdown>
          </Card>
          <Card withBorder padding="md" component="section" aria-label="Signature">
            {signed ? (
              <Table variant="vertical" layout="fixed" withTableBorder>
                <Table.Caption>The signature: Ed25519 over the canonical JSON of the document</Table.Caption>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={160}>Format</Table.Th>
                    <Table.Td>{signed.document.format ?? '—'}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>Key</Table.Th>
                    <Table.Td>
                      <Code>{signed.keyId}</Code>, published at{' '}
                      <Code>{`${window.location.origin}/.well-known/sandbridge-keys`}</Code>
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>SHA-256</Table.Th>
                    <Table.Td style={{ wordBreak: 'break-all' }}>
                      <Code>{signed.sha256}</Code>
                    </Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            ) : (
              <Text size="sm">
                {shown.withheld} item{shown.withheld === 1 ? ' is' : 's are'} withheld from you: this is not the signed
                document, which covers what you may not read.
              </Text>
            )}
          </Card>
        </Stack>
      )}
    </>
  );
}

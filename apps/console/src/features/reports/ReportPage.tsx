// A submitted test report (innovator), at /innovator/enrolments/:id/reports/:reportId: its status
// (submitted, accepted or rejected, with the reviewer's reasons), its details and each result with
// the outcome the server gave it.
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Breadcrumbs,
  Button,
  Center,
  Code,
  DataList,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconCertificate, IconPlus } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ReportEnrolmentNameDocument, type ReportViewFragment, SubmittedTestReportDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { confidentialityLabel, dateTime, RESULT_OUTCOMES, STAGES } from './words';
import { EvidenceLink } from '../evidence/EvidenceLink';

const STATUS: Record<string, { label: string; color: string; meaning: string }> = {
  SUBMITTED: {
    label: 'Submitted',
    color: 'blue',
    meaning: 'Waiting for the authority to accept or reject it. Until accepted, it counts for no recognition.',
  },
  ACCEPTED: {
    label: 'Accepted',
    color: 'green',
    meaning: 'Accepted by the authority: its results count toward recognition elsewhere.',
  },
  REJECTED: { label: 'Rejected', color: 'red', meaning: 'Rejected by the authority: it no longer counts anywhere.' },
};

export function Component() {
  const { id = '', reportId = '' } = useParams();
  const [{ data, fetching, error }, reload] = useQuery({
    query: SubmittedTestReportDocument,
    variables: { id: reportId },
    requestPolicy: 'cache-and-network',
  });
  const [enrolment] = useQuery({ query: ReportEnrolmentNameDocument, variables: { id } });
  const report = data?.testReport;
  const name = enrolment.data?.enrolment;

  return (
    <>
      <Box component="nav" aria-label="Breadcrumb" mb="xs">
        <Breadcrumbs>
          <Anchor component={Link} to="/innovator/enrolments" size="sm">
            My enrolments
          </Anchor>
          <Anchor component={Link} to={`/innovator/enrolments/${id}`} size="sm">
            {name ? `${name.aiSystem.name} in ${name.programme.name}` : 'Enrolment'}
          </Anchor>
        </Breadcrumbs>
      </Box>
      <PageHeader
        title="Test report"
        description={report ? `Submitted to ${report.submittedTo.name} on ${dateTime(report.submittedAt)}` : undefined}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconCertificate size={16} />}
              component={Link}
              to={name ? `/innovator/passports?system=${name.aiSystem.id}` : '/innovator/passports'}
            >
              Recognition passport
            </Button>
            <Button leftSection={<IconPlus size={16} />} component={Link} to={`/innovator/enrolments/${id}/report`}>
              Submit another report
            </Button>
          </>
        }
      />
      <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
      {fetching && !data ? (
        <Center py="xl">
          <Loader aria-label="Loading the report" />
        </Center>
      ) : data && !report ? (
        <Alert color="red" variant="light" title="Not found, or not yours to see">
          <Text size="sm">There is no test report with this id that you may read.</Text>
        </Alert>
      ) : report ? (
        <ReportView report={report} />
      ) : null}
    </>
  );
}

function ReportView({ report }: { report: ReportViewFragment }) {
  const status = STATUS[report.status] ?? { label: report.status, color: 'gray', meaning: '' };
  const counts = { PASS: 0, FAIL: 0, INSUFFICIENT_EVIDENCE: 0 };
  for (const r of report.results) counts[r.outcome]++;
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Group gap="sm">
            <Text fw={500}>Status</Text>
            <Badge color={status.color} size="lg" variant="light" data-testid="report-status">
              {status.label}
            </Badge>
          </Group>
          <Text size="sm">{status.meaning}</Text>
          {report.reviewedAt && (
            <Text size="sm">
              Reviewed on {dateTime(report.reviewedAt)}
              {report.reviewReasons ? `: ${report.reviewReasons}` : ''}
            </Text>
          )}
        </Stack>
      </Paper>

      <DataList labelWidth="12rem" withDivider>
        <DataList.Item>
          <DataList.ItemLabel>Submitted to</DataList.ItemLabel>
          <DataList.ItemValue>
            {report.submittedTo.acronym} — {report.submittedTo.name}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Lab</DataList.ItemLabel>
          <DataList.ItemValue>
            {report.lab.name}
            {report.lab.accredited
              ? `, accredited${report.lab.accreditationBody ? ` by ${report.lab.accreditationBody}` : ''}`
              : ', not accredited'}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Method</DataList.ItemLabel>
          <DataList.ItemValue>
            {report.method.id}
            {report.method.version ? ` (version ${report.method.version})` : ''}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Where tested</DataList.ItemLabel>
          <DataList.ItemValue>{report.testedIn}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Period</DataList.ItemLabel>
          <DataList.ItemValue>
            {report.periodStart} to {report.periodEnd}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Sandbox plan</DataList.ItemLabel>
          <DataList.ItemValue>
            {report.planVersion ? `Made under version ${report.planVersion}` : 'Not recorded'}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Confidentiality</DataList.ItemLabel>
          <DataList.ItemValue>{confidentialityLabel(report.confidentiality)}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Submission key</DataList.ItemLabel>
          <DataList.ItemValue>
            <Code>{report.idempotencyKey}</Code>
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>

      <Stack gap="xs" component="section" aria-labelledby="report-results">
        <Title order={2} size="h3" id="report-results">
          Results
        </Title>
        <Text size="sm">
          {report.resultCount} {report.resultCount === 1 ? 'result' : 'results'}: {counts.PASS} pass, {counts.FAIL}{' '}
          fail, {counts.INSUFFICIENT_EVIDENCE} insufficient evidence.
        </Text>
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="sm" aria-labelledby="report-results">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Criterion</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Detail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.results.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {r.criterion.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.criterion.authority.acronym} · {STAGES[r.criterion.stage]} · {r.criterion.key}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ResultGiven result={r} />
                  </Table.Td>
                  <Table.Td>
                    <Badge color={RESULT_OUTCOMES[r.outcome].color} variant="light">
                      {RESULT_OUTCOMES[r.outcome].label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.detail}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Stack>
  );
}

function ResultGiven({ result }: { result: ReportViewFragment['results'][number] }) {
  if (result.value !== null && result.value !== undefined)
    return (
      <Text size="sm">
        {result.value}
        {result.criterion.unit ? ` ${result.criterion.unit}` : ''}
      </Text>
    );
  if (result.attested !== null && result.attested !== undefined)
    return <Text size="sm">{result.attested ? 'Attested' : 'Not attested'}</Text>;
  if (result.evidenceReference || result.evidence)
    return (
      <Stack gap={2}>
        {result.evidence && <EvidenceLink evidence={result.evidence} compact />}
        {result.evidenceReference && (
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            {result.evidenceReference}
          </Text>
        )}
        <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {result.evidenceSha256 ? `SHA-256 ${result.evidenceSha256}` : 'No SHA-256'}
        </Text>
      </Stack>
    );
  return (
    <Text size="sm" c="dimmed">
      Nothing given
    </Text>
  );
}

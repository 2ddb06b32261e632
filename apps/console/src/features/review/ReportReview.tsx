// A test report as its home authority reviews it: what was tested, where, by whom, each result with
// its outcome; and, while it waits, the review — accept or reject, with reasons (reviewTestReport;
// a report is reviewed once, and only an accepted one counts for recognition elsewhere).
import { Badge, Button, Group, Radio, Stack, Table, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useFormMutation } from '../../api/useFormMutation';
import { type ReportReview, type ReviewReportFragment, ReviewTestReportDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { EvidenceLink } from '../evidence/EvidenceLink';
import { ReportStatusBadge, ResultOutcomeBadge } from './badges';
import { FactList } from './FactList';
import { day, when } from './words';

const CONFIDENTIALITY: Record<string, string> = {
  PUBLIC: 'Public (every authority)',
  PARTICIPANTS: "The programme's authorities",
  HOME_AUTHORITY: 'Only the authority it was submitted to',
};

/** What a report is: lab, method, where and when tested, confidentiality, review. */
export function ReportFacts({ report }: { report: ReviewReportFragment }) {
  const facts: [string, string][] = [
    ['Submitted to', report.submittedTo.acronym],
    ['Submitted', when(report.submittedAt)],
    ['Period', `${day(report.periodStart)} – ${day(report.periodEnd)}`],
    ['Tested in', report.testedIn],
    [
      'Lab',
      `${report.lab.name}${report.lab.accredited ? `, accredited${report.lab.accreditationBody ? ` (${report.lab.accreditationBody})` : ''}` : ', not accredited'}`,
    ],
    ['Method', `${report.method.id}${report.method.version ? ` (${report.method.version})` : ''}`],
    ['Confidentiality', CONFIDENTIALITY[report.confidentiality] ?? report.confidentiality],
    ['Sandbox plan', report.planVersion ? `Made under version ${report.planVersion}` : 'Not recorded'],
  ];
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <ReportStatusBadge status={report.status} />
        {report.reviewedAt && (
          <Text size="sm" c="dimmed">
            reviewed {when(report.reviewedAt)}
            {report.reviewReasons ? `: ${report.reviewReasons}` : ''}
          </Text>
        )}
      </Group>
      <FactList facts={facts} />
    </Stack>
  );
}

export function ReportResults({ report }: { report: ReviewReportFragment }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" striped captionSide="top">
        <Table.Caption>
          {report.resultCount} {report.resultCount === 1 ? 'result' : 'results'}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Criterion</Table.Th>
            <Table.Th>Result</Table.Th>
            <Table.Th miw={120}>Outcome</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.results.map((result) => (
            <Table.Tr key={result.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {result.criterion.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {result.criterion.key}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Text size="sm">{result.detail}</Text>
                  {result.evidence && <EvidenceLink evidence={result.evidence} />}
                </Stack>
              </Table.Td>
              <Table.Td>
                <ResultOutcomeBadge outcome={result.outcome} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ReviewReportForm({
  report,
  onDone,
  onCancel,
}: {
  report: Pick<ReviewReportFragment, 'id'>;
  onDone: (decision: ReportReview) => void;
  onCancel?: () => void;
}) {
  const form = useForm<{ decision: ReportReview | ''; reasons: string }>({
    initialValues: { decision: '', reasons: '' },
    validate: { decision: (value) => (value ? null : 'Choose to accept or to reject the report') },
  });
  const review = useFormMutation(ReviewTestReportDocument, form);

  async function save(values: typeof form.values) {
    const data = await review.submit({
      input: { reportId: report.id, decision: values.decision as ReportReview, reasons: values.reasons },
    });
    if (data) onDone(values.decision as ReportReview);
  }

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate aria-label="Review the report">
      <Stack gap="sm">
        <ErrorNotice error={review.problem?.error} unplaced={review.problem?.unplaced} />
        <Radio.Group label="Review" withAsterisk {...form.getInputProps('decision')}>
          <Group mt="xs">
            <Radio value="ACCEPT" label="Accept" />
            <Radio value="REJECT" label="Reject" />
          </Group>
        </Radio.Group>
        <Textarea
          label="Reasons"
          description="Recorded with the review; the innovator reads them"
          withAsterisk
          autosize
          minRows={2}
          {...form.getInputProps('reasons')}
        />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={review.submitting}>
            Record the review
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "2 to review" beside a list of reports. */
export const ToReviewBadge = ({ count }: { count: number }) =>
  count > 0 ? (
    <Badge variant="filled" color="indigo" size="sm">
      {count} to review
    </Badge>
  ) : null;

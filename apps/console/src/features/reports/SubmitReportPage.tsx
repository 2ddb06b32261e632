// Submit a test report (innovator), at /innovator/enrolments/:id/report: the enrolment's testing
// tracks, whether a report may be submitted now (allowedTransitions), then the form (ReportForm).
import { Alert, Anchor, Box, Breadcrumbs, Center, Loader, Text } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ReportEnrolmentDocument, ReportJurisdictionsDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { ReportForm } from './ReportForm';

// The enrolment's reports may be none yet: name the type, so a submission refreshes the query.
const CONTEXT = { additionalTypenames: ['TestReport'] };

export function Component() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const [{ data, fetching, error }, reload] = useQuery({
    query: ReportEnrolmentDocument,
    variables: { id },
    context: CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const [jurisdictions, reloadJurisdictions] = useQuery({ query: ReportJurisdictionsDocument });
  const refresh = () => reload({ requestPolicy: 'network-only' });
  const enrolment = data?.enrolment;
  const allowed = enrolment?.allowedTransitions.find((t) => t.action === 'SUBMIT_TEST_REPORT');

  return (
    <>
      <Box component="nav" aria-label="Breadcrumb" mb="xs">
        <Breadcrumbs>
          <Anchor component={Link} to="/innovator/enrolments" size="sm">
            My enrolments
          </Anchor>
          <Anchor component={Link} to={`/innovator/enrolments/${id}`} size="sm">
            {enrolment ? `${enrolment.aiSystem.name} in ${enrolment.programme.name}` : 'Enrolment'}
          </Anchor>
        </Breadcrumbs>
      </Box>
      <PageHeader
        title="Submit a test report"
        description={
          enrolment
            ? `${enrolment.aiSystem.name} in ${enrolment.programme.name}: each result is evaluated by the server as you type, before anything is submitted.`
            : undefined
        }
      />
      <ErrorNotice
        error={error ?? jurisdictions.error}
        onRetry={() => {
          refresh();
          reloadJurisdictions({ requestPolicy: 'network-only' });
        }}
      />
      {(fetching && !data) || (jurisdictions.fetching && !jurisdictions.data) ? (
        <Center py="xl">
          <Loader aria-label="Loading the enrolment" />
        </Center>
      ) : data && !enrolment ? (
        <Alert color="red" variant="light" title="Not found, or not yours to see">
          <Text size="sm">There is no enrolment of your organisation with this id.</Text>
        </Alert>
      ) : enrolment && !allowed?.allowed ? (
        allowed?.reasonCode === 'PLAN_NOT_AGREED' ? (
          // Testing runs under an agreed plan: say so before anything is typed, and where to agree it.
          <Alert color="orange" variant="light" title="No sandbox plan is agreed yet">
            <Text size="sm">{allowed.reason}</Text>
            <Anchor component={Link} to={`/innovator/enrolments/${id}`} size="sm">
              {enrolment.plan ? 'See where the sandbox plan stands' : 'Propose the sandbox plan'}
            </Anchor>
          </Alert>
        ) : (
          <Alert color="orange" variant="light" title="No test report can be submitted now">
            <Text size="sm">{allowed?.reason ?? 'The enrolment is not in testing.'}</Text>
          </Alert>
        )
      ) : enrolment && jurisdictions.data ? (
        <>
          {enrolment.plan?.inForce && (
            <Text size="sm" mb="md" data-testid="report-plan-version">
              Made under version {enrolment.plan.version} of the sandbox plan, agreed with the admitting authorities.
            </Text>
          )}
          <ReportForm
            enrolment={enrolment}
            jurisdictions={jurisdictions.data.jurisdictions.edges.map((e) => e.node)}
            initialSubmittedTo={search.get('submittedTo')}
            onRefresh={refresh}
          />
        </>
      ) : null}
    </>
  );
}

// The sandbox plan editor (innovator), at /innovator/enrolments/:id/plan: the first version of the plan,
// or (?from=N) a new version starting from version N — an amendment of the version in force, which stays
// in force until the amendment is agreed, or a revision of a version the authorities asked changes to.
// Proposing is allowed as `allowedPlanActions` says (otherwise its reason is shown, not the form).
import { Alert, Anchor, Box, Breadcrumbs, Center, Loader, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import {
  DataProtectionAuthoritiesDocument,
  EnrolmentPlanDocument,
  type EnrolmentPlanQuery,
  type Stage,
} from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { todayUtc } from '../my-enrolments/words';
import { planValues } from './plan-input';
import { type AuthorityOption, type CriterionOption, PlanForm } from './PlanForm';
import { addDays, REFUSALS, SECTIONS } from './words';

type Enrolment = NonNullable<EnrolmentPlanQuery['enrolment']>;

/** Track states whose authority admitted the system: the plan is theirs to agree, its sections may be theirs. */
const ADMITTING = ['ADMITTED', 'SUSPENDED', 'AUTHORISED', 'REJECTED'];
const STAGE_ORDER: Record<Stage, number> = { TESTING: 0, EXIT: 1, ENTRY: 2 };

export function Component() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const client = useClient();
  const [{ data, fetching, error }, reload] = useQuery({ query: EnrolmentPlanDocument, variables: { id } });
  const [dpas, reloadDpas] = useQuery({ query: DataProtectionAuthoritiesDocument });
  // The enrolment version the form proposes at: as first read, moved only by CONFLICT's Refresh.
  const [readVersion, setReadVersion] = useState<number | null>(null);
  const enrolment = data?.enrolment;
  const version = readVersion ?? enrolment?.version ?? 0;

  async function refresh() {
    const result = await client.query(EnrolmentPlanDocument, { id }, { requestPolicy: 'network-only' }).toPromise();
    if (result.data?.enrolment) setReadVersion(result.data.enrolment.version);
  }

  const back = `/innovator/enrolments/${id}`;
  const from = enrolment?.planVersions.find((v) => String(v.version) === search.get('from')) ?? null;
  const inForce = enrolment?.planVersions.find((v) => v.inForce) ?? null;
  const title = !from
    ? 'Propose the sandbox plan'
    : from.inForce
      ? 'Amend the sandbox plan'
      : 'Revise the sandbox plan';
  const propose = enrolment?.allowedPlanActions.find((a) => a.action === 'PROPOSE');
  const next = (enrolment?.planVersions[0]?.version ?? 0) + 1;
  // One version is proposed at a time: a new proposal replaces the one still open, whose approvals lapse.
  const open = enrolment?.planVersions.find((v) => v.status === 'PROPOSED') ?? null;
  const replaces = open ? ` It replaces version ${open.version}, still proposed: the approvals given to it lapse.` : '';

  return (
    <>
      <Box component="nav" aria-label="Breadcrumb" mb="xs">
        <Breadcrumbs>
          <Anchor component={Link} to="/innovator/enrolments" size="sm">
            My enrolments
          </Anchor>
          <Anchor component={Link} to={back} size="sm">
            {enrolment ? `${enrolment.aiSystem.name} in ${enrolment.programme.name}` : 'Enrolment'}
          </Anchor>
        </Breadcrumbs>
      </Box>
      <PageHeader
        title={title}
        description={
          (from
            ? from.inForce
              ? `Version ${next}, starting from version ${from.version} (in force). Version ${from.version} stays in force until every admitting authority approves the amendment.`
              : `Version ${next}, starting from version ${from.version}${inForce ? `; version ${inForce.version} stays in force until it is agreed` : ''}.`
            : 'Agreed with every admitting authority before testing: test reports are made under the agreed plan.') +
          replaces
        }
      />
      <ErrorNotice
        error={error ?? dpas.error}
        onRetry={() => {
          reload({ requestPolicy: 'network-only' });
          reloadDpas({ requestPolicy: 'network-only' });
        }}
      />
      {(fetching && !data) || (dpas.fetching && !dpas.data) ? (
        <Center py="xl">
          <Loader aria-label="Loading the enrolment" />
        </Center>
      ) : data && !enrolment ? (
        <Alert color="red" variant="light" title="Not found, or not yours to see">
          <Text size="sm">There is no enrolment of your organisation with this id.</Text>
        </Alert>
      ) : enrolment && !propose?.allowed ? (
        <Alert
          color="orange"
          variant="light"
          title={(propose?.reasonCode && REFUSALS[propose.reasonCode]) || 'No plan can be proposed now'}
        >
          <Text size="sm">{propose?.reason ?? 'Only the enrolling organisation proposes its sandbox plan.'}</Text>
        </Alert>
      ) : enrolment && dpas.data ? (
        <PlanForm
          enrolmentId={enrolment.id}
          version={version}
          initialValues={planValues(from, {
            startDay: todayUtc(),
            endDay: addDays(todayUtc(), enrolment.programme.maxTestingDays),
            criterionIds: requiredCriteria(enrolment),
          })}
          maxTestingDays={enrolment.programme.maxTestingDays}
          authorities={admitting(enrolment)}
          criteria={criterionOptions(enrolment, from)}
          dataProtectionAuthorities={dpaOptions(
            dpas.data.authorities.edges.map((e) => e.node),
            from,
          )}
          knownEvidence={from ? SECTIONS.flatMap(({ key }) => from[key]?.evidence ?? []) : []}
          submitLabel={`Propose version ${next}`}
          onProposed={(plan) => {
            notifications.show({
              color: 'green',
              title: `Sandbox plan version ${plan.version} proposed`,
              message: `Awaiting the approval of ${plan.awaitingApprovalFrom.map((a) => a.acronym).join(', ') || 'the admitting authorities'}`,
            });
            navigate(back);
          }}
          onCancel={() => navigate(back)}
          onRefresh={refresh}
        />
      ) : null}
    </>
  );
}

function admitting(enrolment: Enrolment): AuthorityOption[] {
  return enrolment.tracks.filter((t) => ADMITTING.includes(t.state)).map((t) => t.authority);
}

/** The TESTING and EXIT criteria the admitting authorities attached: always in scope. */
function requiredCriteria(enrolment: Enrolment): string[] {
  const authorities = admitting(enrolment).map((a) => a.id);
  return enrolment.programme.criteria
    .filter((c) => authorities.includes(c.authority.id) && c.stage !== 'ENTRY')
    .map((c) => c.criterion.id);
}

/** The admitting authorities' attached criteria (and any other the version started from names), required ones first. */
function criterionOptions(enrolment: Enrolment, from: Enrolment['planVersions'][number] | null): CriterionOption[] {
  const authorities = admitting(enrolment).map((a) => a.id);
  const required = new Set(requiredCriteria(enrolment));
  const options = new Map<string, CriterionOption>();
  for (const c of enrolment.programme.criteria)
    if (authorities.includes(c.authority.id) && !options.has(c.criterion.id))
      options.set(c.criterion.id, { ...c.criterion, required: required.has(c.criterion.id) });
  for (const c of from?.requirements.criteria ?? [])
    if (!options.has(c.id)) options.set(c.id, { ...c, required: false });
  return [...options.values()].sort(
    (a, b) =>
      a.authority.acronym.localeCompare(b.authority.acronym) ||
      STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage] ||
      a.title.localeCompare(b.title),
  );
}

function dpaOptions(
  found: { id: string; acronym: string; name: string }[],
  from: Enrolment['planVersions'][number] | null,
): AuthorityOption[] {
  const named = from?.personalData.dataProtectionAuthority;
  return named && !found.some((a) => a.id === named.id) ? [...found, named] : found;
}

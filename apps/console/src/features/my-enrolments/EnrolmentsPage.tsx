// My enrolments (innovator): the organisation's applications and enrolments with their state and each
// targeted authority's track, filtered by state, a page at a time; each opens its own page.
import { Anchor, Button, Center, Group, Loader, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { type EnrolmentState, MyEnrolmentsDocument, type MyEnrolmentRowFragment } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { EnrolmentsTable } from './EnrolmentsTable';
import { usePaging } from './paging';
import { ENROLMENT_STATE_OPTIONS, enrolmentStateLabel } from './words';

const PAGE = 50;
const CONTEXT = { additionalTypenames: ['Enrolment'] };

export function Component() {
  const [state, setState] = useState<EnrolmentState | null>(null);
  const paging = usePaging<MyEnrolmentRowFragment>();
  const [{ data, fetching, error }, reload] = useQuery({
    query: MyEnrolmentsDocument,
    variables: { first: PAGE, after: paging.after, filter: state ? { state } : null },
    context: CONTEXT,
  });
  const enrolments = paging.items(data?.enrolments.edges.map((e) => e.node) ?? []);
  const more = data?.enrolments.pageInfo;
  const total = data?.enrolments.totalCount ?? 0;

  return (
    <>
      <PageHeader
        title="My enrolments"
        description="Your organisation's applications and enrolments: where each stands with each authority."
        actions={
          <Button component={Link} to="/innovator/programmes" variant="default">
            Find a programme to apply to
          </Button>
        }
      />
      <Group mb="md">
        <Select
          label="State"
          placeholder="All states"
          data={ENROLMENT_STATE_OPTIONS}
          value={state}
          onChange={(value) => {
            paging.reset();
            setState(value as EnrolmentState | null);
          }}
          clearable
          w={220}
        />
      </Group>
      <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
      {fetching && !enrolments.length ? (
        <Center py="xl">
          <Loader aria-label="Loading your enrolments" />
        </Center>
      ) : data && !enrolments.length ? (
        <Text>
          {state
            ? `No enrolment is ${enrolmentStateLabel(state).toLowerCase()}.`
            : 'Your organisation has not applied to a programme yet: '}
          {!state && (
            <Anchor component={Link} to="/innovator/programmes">
              see the open programmes
            </Anchor>
          )}
        </Text>
      ) : enrolments.length ? (
        <>
          <EnrolmentsTable
            enrolments={enrolments}
            caption={
              total > enrolments.length
                ? `${enrolments.length} of ${total} enrolments`
                : `${enrolments.length} ${enrolments.length === 1 ? 'enrolment' : 'enrolments'}`
            }
          />
          {more?.hasNextPage && (
            <Button
              variant="default"
              mt="md"
              loading={fetching}
              onClick={() => paging.loadMore(enrolments, more.endCursor)}
            >
              Load more
            </Button>
          )}
        </>
      ) : null}
    </>
  );
}

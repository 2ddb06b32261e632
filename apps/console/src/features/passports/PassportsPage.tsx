// Recognition passports (innovator): for an AI system of the organisation (chosen above, kept in the
// URL as ?system=), every authority with how many of its criteria the system's accepted results meet
// locally, are recognised through agreements (fully or with conditions), remain gaps or do not apply
// (recognitionPassport). Each authority opens its criteria one by one (PassportDetailPage).
import { Anchor, Button, Center, Group, Loader, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import {
  PassportSystemsDocument,
  type PassportSystemsQuery,
  RecognitionPassportDocument,
  type RecognitionPassportQuery,
} from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { RECOGNITION_OUTCOMES } from './words';

type System = PassportSystemsQuery['aiSystems']['edges'][number]['node'];
type Entry = RecognitionPassportQuery['recognitionPassport']['authorities'][number];

const PAGE = 100;

/** The counts of an entry, in the passport's column order. */
const COLUMNS: { key: keyof Entry & string; label: string }[] = [
  { key: 'satisfiedLocally', label: RECOGNITION_OUTCOMES.SATISFIED_LOCALLY.plural },
  { key: 'recognised', label: RECOGNITION_OUTCOMES.RECOGNISED.plural },
  { key: 'recognisedWithConditions', label: RECOGNITION_OUTCOMES.RECOGNISED_WITH_CONDITIONS.plural },
  { key: 'gaps', label: RECOGNITION_OUTCOMES.GAP.plural },
  { key: 'notApplicable', label: RECOGNITION_OUTCOMES.NOT_APPLICABLE.plural },
];

const criteriaOf = (e: Entry) =>
  e.satisfiedLocally + e.recognised + e.recognisedWithConditions + e.gaps + e.notApplicable + e.withheld;

export function Component() {
  const [search, setSearch] = useSearchParams();
  const [after, setAfter] = useState<string | null>(null);
  const [systems, setSystems] = useState<System[]>([]);
  const [{ data, fetching, error }, reload] = useQuery({
    query: PassportSystemsDocument,
    variables: { first: PAGE, after },
  });
  useEffect(() => {
    if (!data) return;
    const page = data.aiSystems.edges.map((e) => e.node);
    setSystems((before) => {
      const seen = new Set(page.map((s) => s.id));
      return after ? [...before.filter((s) => !seen.has(s.id)), ...page] : page;
    });
  }, [data, after]);

  const chosen = search.get('system') ?? systems[0]?.id ?? null;
  const system = systems.find((s) => s.id === chosen);

  return (
    <>
      <PageHeader
        title="Recognition passports"
        description="Where each AI system's accepted test results count, authority by authority: met by a local test, recognised from a test abroad through an agreement in force, or a gap still to test."
      />
      <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
      {fetching && !systems.length ? (
        <Center py="xl">
          <Loader aria-label="Loading your AI systems" />
        </Center>
      ) : data && !systems.length ? (
        <Text>
          Your organisation has no AI system yet:{' '}
          <Anchor component={Link} to="/innovator/systems">
            register one
          </Anchor>{' '}
          and enrol it to build its passport.
        </Text>
      ) : systems.length ? (
        <Stack gap="lg">
          <Group align="flex-end" gap="sm">
            <Select
              label="AI system"
              data={systems.map((s) => ({ value: s.id, label: s.name }))}
              value={chosen}
              onChange={(value) => value && setSearch({ system: value })}
              allowDeselect={false}
              searchable
              w={{ base: '100%', sm: 420 }}
            />
            {data?.aiSystems.pageInfo.hasNextPage && (
              <Button variant="default" loading={fetching} onClick={() => setAfter(data.aiSystems.pageInfo.endCursor)}>
                Load more systems
              </Button>
            )}
          </Group>
          {chosen && <Passport key={chosen} systemId={chosen} systemName={system?.name ?? 'This system'} />}
        </Stack>
      ) : null}
    </>
  );
}

function Passport({ systemId, systemName }: { systemId: string; systemName: string }) {
  const [{ data, fetching, error }, reload] = useQuery({
    query: RecognitionPassportDocument,
    variables: { aiSystemId: systemId },
    requestPolicy: 'cache-and-network',
  });
  const [showEmpty, setShowEmpty] = useState(false);
  if (error) return <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />;
  // Another system's passport (the one shown before) is never shown under this one's name.
  if (!data || data.recognitionPassport.aiSystemId !== systemId)
    return fetching ? (
      <Center py="xl">
        <Loader aria-label="Loading the passport" />
      </Center>
    ) : null;

  const passport = data.recognitionPassport;
  const withCriteria = passport.authorities.filter((e) => criteriaOf(e) > 0);
  const empty = passport.authorities.length - withCriteria.length;
  const shown = showEmpty ? passport.authorities : withCriteria;
  const withheld = passport.authorities.some((e) => e.withheld > 0);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed">
          Computed for {passport.asOf} (UTC) from the system&apos;s accepted test reports and the agreements in force.
        </Text>
        {empty > 0 && (
          <Switch
            label={`Show the ${empty} authorities with no criteria for this system`}
            checked={showEmpty}
            onChange={(event) => setShowEmpty(event.currentTarget.checked)}
          />
        )}
      </Group>
      {shown.length === 0 ? (
        <Text>No authority has active criteria that this system could meet yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={880}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Caption>
              Passport of {systemName}: {shown.length} {shown.length === 1 ? 'authority' : 'authorities'}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={220}>Authority</Table.Th>
                <Table.Th>Jurisdiction</Table.Th>
                {COLUMNS.map((c) => (
                  <Table.Th key={c.key} ta="right">
                    {c.label}
                  </Table.Th>
                ))}
                {withheld && <Table.Th ta="right">{RECOGNITION_OUTCOMES.WITHHELD.plural}</Table.Th>}
                <Table.Th ta="right">Tests needed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((entry) => (
                <Table.Tr key={entry.authority.id} data-authority={entry.authority.acronym}>
                  <Table.Td>
                    <Anchor component={Link} to={`/innovator/passports/${systemId}/${entry.authority.id}`} fw={600}>
                      {entry.authority.acronym}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {entry.authority.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.authority.jurisdiction.name}</Text>
                  </Table.Td>
                  {COLUMNS.map((c) => (
                    <Table.Td key={c.key} ta="right" data-column={c.key}>
                      <Count value={entry[c.key] as number} />
                    </Table.Td>
                  ))}
                  {withheld && (
                    <Table.Td ta="right" data-column="withheld">
                      <Count value={entry.withheld} />
                    </Table.Td>
                  )}
                  <Table.Td ta="right" data-column="testsNeeded">
                    <Count value={entry.testsNeeded.length} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function Count({ value }: { value: number }) {
  return (
    <Text size="sm" fw={value ? 600 : undefined} c={value ? undefined : 'dimmed'}>
      {value}
    </Text>
  );
}

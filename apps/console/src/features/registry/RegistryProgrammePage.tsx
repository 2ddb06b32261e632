// One programme in the public registry (no sign-in): its facts and windows, each authority with the
// titles of its criteria per stage, the funnel (counts of 1 to 4 suppressed, as the API returns them)
// and its published exit reports.
import { Anchor, Badge, Card, Center, Group, List, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { RegistryExitReportsDocument, RegistryProgrammeDetailDocument, type Stage } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { day } from '../review/words';
import { ExitReportTable } from './RegistryPage';
import { countWords, JOINT_ENTRY, words } from './words';

const STAGES: Stage[] = ['ENTRY', 'TESTING', 'EXIT'];

export function Component() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reload] = useQuery({ query: RegistryProgrammeDetailDocument });
  const [reports] = useQuery({ query: RegistryExitReportsDocument, variables: { programmeId: id } });
  const programme = data?.publicProgrammes.edges.map((e) => e.node).find((p) => p.id === id);

  if (fetching && !data)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the programme" />
      </Center>
    );
  if (error) return <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />;
  if (!programme)
    return (
      <>
        <PageHeader title="Programme not found" />
        <Text>
          No public programme has this address.{' '}
          <Anchor component={Link} to="/registry">
            Back to the registry
          </Anchor>
        </Text>
      </>
    );

  const acronym = new Map(programme.authorities.map((a) => [a.authority.id, a.authority.acronym]));
  const f = programme.funnel;
  const published = reports.data?.publicExitReports.edges.map((e) => e.node) ?? [];

  return (
    <>
      <Anchor component={Link} to="/registry" size="sm" c="indigo.9">
        ← Public registry
      </Anchor>
      <PageHeader title={programme.name} description={programme.description} />
      <Stack gap="xl">
        <Group gap="xs">
          <Badge variant="light">{words(programme.status)}</Badge>
          {programme.sectors.map((s) => (
            <Badge key={s} variant="outline" color="gray">
              {s}
            </Badge>
          ))}
        </Group>
        <Table variant="vertical" withTableBorder maw={640}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={240}>Applications open</Table.Th>
              <Table.Td>{day(programme.applicationOpens)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Applications close</Table.Th>
              <Table.Td>{day(programme.applicationCloses)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Cohort capacity</Table.Th>
              <Table.Td>{programme.cohortCapacity}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Longest testing period</Table.Th>
              <Table.Td>{programme.maxTestingDays} days</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Entry decisions</Table.Th>
              <Table.Td>{JOINT_ENTRY[programme.jointEntryRule] ?? words(programme.jointEntryRule)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>

        <section aria-labelledby="authorities-heading">
          <Title order={2} size="h3" id="authorities-heading" mb="sm">
            Authorities and their criteria
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {programme.authorities.map(({ authority, isLead, criteria }) => (
              <Card key={authority.id} withBorder>
                <Group gap="xs" mb="xs">
                  <Title order={3} size="h5">
                    {authority.name} ({authority.acronym}, {authority.jurisdiction})
                  </Title>
                  {isLead && <Badge size="sm">Lead</Badge>}
                </Group>
                {criteria.length === 0 ? (
                  <Text size="sm">No criteria attached.</Text>
                ) : (
                  STAGES.filter((stage) => criteria.some((c) => c.stage === stage)).map((stage) => (
                    <div key={stage}>
                      <Text size="sm" fw={600} mt="xs">
                        {words(stage)} criteria
                      </Text>
                      <List size="sm">
                        {criteria
                          .filter((c) => c.stage === stage)
                          .map((c) => (
                            <List.Item key={`${c.key}-${c.version}`}>
                              {c.title}
                              {c.mandatory ? '' : ' (optional)'}
                            </List.Item>
                          ))}
                      </List>
                    </div>
                  ))
                )}
              </Card>
            ))}
          </SimpleGrid>
        </section>

        <section aria-labelledby="funnel-heading">
          <Title order={2} size="h3" id="funnel-heading" mb="xs">
            Funnel
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            “Fewer than 5”: a count of 1 to 4 enrolments is not published, so that no one can be told apart.
          </Text>
          <Table withTableBorder maw={640} mb="md">
            <Table.Caption>The programme as a whole</Table.Caption>
            <Table.Tbody>
              {(
                [
                  ['Applications submitted', f.submitted],
                  ['Admitted into testing', f.tested],
                  ['Exited', f.exited],
                  ['Declined', f.declined],
                  ['Withdrawn', f.withdrawn],
                ] as const
              ).map(([label, c]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row" w={240}>
                    {label}
                  </Table.Th>
                  <Table.Td>{countWords(c)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Table.ScrollContainer minWidth={560}>
            <Table withTableBorder striped>
              <Table.Caption>Per authority</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Authority</Table.Th>
                  <Table.Th>Applied to</Table.Th>
                  <Table.Th>Admitted</Table.Th>
                  <Table.Th>Declined</Table.Th>
                  <Table.Th>Authorised at exit</Table.Th>
                  <Table.Th>Rejected at exit</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {f.authorities.map((a) => (
                  <Table.Tr key={a.authorityId}>
                    <Table.Th scope="row">{acronym.get(a.authorityId) ?? a.authorityId}</Table.Th>
                    <Table.Td>{countWords(a.targeted)}</Table.Td>
                    <Table.Td>{countWords(a.admitted)}</Table.Td>
                    <Table.Td>{countWords(a.declined)}</Table.Td>
                    <Table.Td>{countWords(a.authorised)}</Table.Td>
                    <Table.Td>{countWords(a.rejected)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>

        <section aria-labelledby="programme-reports-heading">
          <Title order={2} size="h3" id="programme-reports-heading" mb="sm">
            Published exit reports
          </Title>
          {reports.data && published.length === 0 ? (
            <Text>No exit report of this programme is published yet.</Text>
          ) : reports.data ? (
            <ExitReportTable reports={published} />
          ) : null}
        </section>
      </Stack>
    </>
  );
}

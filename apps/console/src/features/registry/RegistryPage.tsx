// The public registry's home (no sign-in): the programmes that are open, running or closed, and the
// exit reports their participants consented to publish.
import { Anchor, Badge, Card, Center, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { RegistryExitReportsDocument, RegistryProgrammesDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { day } from '../review/words';
import { countWords, words } from './words';

export function Component() {
  const [programmes, reloadProgrammes] = useQuery({ query: RegistryProgrammesDocument });
  const [reports, reloadReports] = useQuery({ query: RegistryExitReportsDocument, variables: {} });
  const list = programmes.data?.publicProgrammes.edges.map((e) => e.node) ?? [];
  const published = reports.data?.publicExitReports.edges.map((e) => e.node) ?? [];

  return (
    <>
      <PageHeader
        title="Public registry"
        description="AI regulatory sandbox programmes, the authorities that run them, and the exit reports their participants agreed to publish."
      />
      <Stack gap="xl">
        <section aria-labelledby="programmes-heading">
          <Title order={2} size="h3" id="programmes-heading" mb="sm">
            Programmes
          </Title>
          <ErrorNotice error={programmes.error} onRetry={() => reloadProgrammes({ requestPolicy: 'network-only' })} />
          {programmes.fetching && !programmes.data ? (
            <Center py="md">
              <Loader aria-label="Loading the programmes" />
            </Center>
          ) : programmes.data && list.length === 0 ? (
            <Text>No programme is public yet.</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {list.map((p) => (
                <Card key={p.id} withBorder component="article" aria-labelledby={`programme-${p.id}`}>
                  <Group justify="space-between" align="flex-start" mb="xs">
                    <Anchor
                      component={Link}
                      to={`/registry/programmes/${p.id}`}
                      fw={600}
                      c="indigo.9"
                      id={`programme-${p.id}`}
                    >
                      {p.name}
                    </Anchor>
                    <Badge variant="light">{words(p.status)}</Badge>
                  </Group>
                  <Text size="sm" lineClamp={3} mb="xs">
                    {p.description}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {p.authorities.map((a) => a.authority.acronym).join(', ')} · applications {day(p.applicationOpens)}{' '}
                    to {day(p.applicationCloses)} · {countWords(p.funnel.submitted)} applications ·{' '}
                    {p.publishedExitReports} published exit {p.publishedExitReports === 1 ? 'report' : 'reports'}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
          )}
        </section>
        <section aria-labelledby="reports-heading">
          <Title order={2} size="h3" id="reports-heading" mb="sm">
            Published exit reports
          </Title>
          <ErrorNotice error={reports.error} onRetry={() => reloadReports({ requestPolicy: 'network-only' })} />
          {reports.fetching && !reports.data ? (
            <Center py="md">
              <Loader aria-label="Loading the exit reports" />
            </Center>
          ) : reports.data && published.length === 0 ? (
            <Text>No exit report is published yet.</Text>
          ) : reports.data ? (
            <ExitReportTable reports={published} />
          ) : null}
        </section>
      </Stack>
    </>
  );
}

export function ExitReportTable({
  reports,
}: {
  reports: {
    id: string;
    version: number;
    issuedAt: string;
    aiSystem: { name: string };
    organisation: { name: string };
    programme: { name: string };
    authority: { acronym: string; jurisdiction: string };
  }[];
}) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="sm">
        <Table.Caption>
          {reports.length} published exit {reports.length === 1 ? 'report' : 'reports'}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>AI system</Table.Th>
            <Table.Th>Organisation</Table.Th>
            <Table.Th>Programme</Table.Th>
            <Table.Th>Authority</Table.Th>
            <Table.Th>Issued</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reports.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/registry/reports/${r.id}`} c="indigo.9" fw={500}>
                  {r.aiSystem.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{r.organisation.name}</Table.Td>
              <Table.Td>{r.programme.name}</Table.Td>
              <Table.Td>
                {r.authority.acronym} ({r.authority.jurisdiction})
              </Table.Td>
              <Table.Td>
                {day(r.issuedAt)}
                {r.version > 1 ? ` (version ${r.version})` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

// A programme's funnel (/regulator/funnel, programmeFunnel): from applications to exits as a funnel
// chart, each authority's tracks as a bar chart, the enrolments by state and the exit decisions — each
// chart with the same figures as a table beside it (the charts are pictures: screen readers read the
// tables, and a chart's label sums it up).
import '@mantine/charts/styles.css';
import { BarChart, FunnelChart } from '@mantine/charts';
import { Card, Center, Group, List, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { ProgrammeFunnelDocument, type ProgrammeFunnelQuery } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { useProgrammePicker } from '../review/ProgrammePicker';
import { ENROLMENT_STATES, EXIT_DECISION_WORDS } from '../review/words';

type Funnel = ProgrammeFunnelQuery['programmeFunnel'];

const TRACK_SERIES = [
  { name: 'pending', label: 'Pending', color: 'blue.6' },
  { name: 'admitted', label: 'Admitted', color: 'teal.6' },
  { name: 'declined', label: 'Declined', color: 'red.6' },
  { name: 'authorised', label: 'Authorised', color: 'green.7' },
  { name: 'rejected', label: 'Rejected', color: 'orange.7' },
] as const;

export function Component() {
  const { programme, picker, fetching, error, reload } = useProgrammePicker();
  const [result, refetch] = useQuery({
    query: ProgrammeFunnelDocument,
    variables: { programmeId: programme?.id ?? '' },
    pause: !programme,
  });
  const funnel = result.data?.programmeFunnel;

  return (
    <>
      <PageHeader
        title="Programme funnel"
        description="How a programme's applications went: submitted, admitted into testing, exited — per authority."
      />
      <Stack>
        <Group>{picker}</Group>
        <ErrorNotice
          error={error ?? result.error}
          onRetry={() => (error ? reload() : refetch({ requestPolicy: 'network-only' }))}
        />
        {fetching || (result.fetching && !result.data) ? (
          <Center py="xl">
            <Loader aria-label="Loading the funnel" />
          </Center>
        ) : !programme ? (
          <Text>Your authority takes part in no programme yet.</Text>
        ) : funnel ? (
          <FunnelView funnel={funnel} />
        ) : null}
      </Stack>
    </>
  );
}

function FunnelView({ funnel }: { funnel: Funnel }) {
  const stages = [
    { name: 'Applications', value: funnel.applications, color: 'indigo.3' },
    { name: 'Submitted', value: funnel.submitted, color: 'indigo.5' },
    { name: 'Tested', value: funnel.tested, color: 'indigo.7' },
    { name: 'Exited', value: funnel.exited, color: 'indigo.9' },
  ];
  const stagesInWords = stages.map((s) => `${s.name} ${s.value}`).join(', ');
  const byAuthority = funnel.authorities.map((a) => ({
    authority: a.authority.acronym,
    ...Object.fromEntries(TRACK_SERIES.map((s) => [s.name, a[s.name]])),
  }));

  if (funnel.applications === 0) return <Text>No application to this programme yet.</Text>;

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Figure id="stages" title="From application to exit">
          <FunnelChart
            data={stages}
            size={260}
            withLabels
            withLegend
            labelsPosition="right"
            withTooltip={false}
            accessibilityLayer={false}
            role="img"
            aria-label={`Funnel: ${stagesInWords}`}
            mx="auto"
          />
          <Table mt="md" verticalSpacing={4} aria-labelledby="stages">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Stage</Table.Th>
                <Table.Th ta="right">Enrolments</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[
                ...stages,
                { name: 'Declined at entry', value: funnel.declined },
                { name: 'Withdrawn', value: funnel.withdrawn },
              ].map((s) => (
                <Table.Tr key={s.name}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td ta="right">{s.value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Figure>

        <Figure id="by-state" title="Enrolments by state now">
          <BarChart
            h={Math.max(160, funnel.byState.length * 30)}
            orientation="vertical"
            yAxisProps={{ width: 90 }}
            xAxisProps={{ allowDecimals: false }}
            gridAxis="x"
            data={funnel.byState.map((s) => ({
              state: ENROLMENT_STATES[s.state as keyof typeof ENROLMENT_STATES]?.label ?? s.state,
              enrolments: s.count,
            }))}
            dataKey="state"
            series={[{ name: 'enrolments', label: 'Enrolments', color: 'indigo.6' }]}
            withTooltip={false}
            accessibilityLayer={false}
            role="img"
            aria-label={`Enrolments by state: ${funnel.byState.map((s) => `${s.state.toLowerCase().replace(/_/g, ' ')} ${s.count}`).join(', ')}`}
          />
          <Table mt="md" verticalSpacing={4} aria-labelledby="by-state">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>State</Table.Th>
                <Table.Th ta="right">Enrolments</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {funnel.byState.map((s) => (
                <Table.Tr key={s.state}>
                  <Table.Td>{ENROLMENT_STATES[s.state as keyof typeof ENROLMENT_STATES]?.label ?? s.state}</Table.Td>
                  <Table.Td ta="right">{s.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Figure>
      </SimpleGrid>

      <Figure id="by-authority" title="Each authority's tracks">
        <BarChart
          h={280}
          yAxisProps={{ allowDecimals: false }}
          data={byAuthority}
          dataKey="authority"
          series={TRACK_SERIES.map((s) => ({ name: s.name, label: s.label, color: s.color }))}
          withLegend
          withTooltip={false}
          accessibilityLayer={false}
          role="img"
          aria-label={`Tracks per authority: ${funnel.authorities
            .map(
              (a) =>
                `${a.authority.acronym} ${TRACK_SERIES.map((s) => `${a[s.name]} ${s.label.toLowerCase()}`).join(', ')}`,
            )
            .join('; ')}`}
        />
        <Table.ScrollContainer minWidth={640} mt="md">
          <Table verticalSpacing={4} aria-labelledby="by-authority">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Authority</Table.Th>
                <Table.Th ta="right">Targeted</Table.Th>
                {TRACK_SERIES.map((s) => (
                  <Table.Th key={s.name} ta="right">
                    {s.label}
                  </Table.Th>
                ))}
                <Table.Th>Entry criteria most often unmet</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {funnel.authorities.map((a) => (
                <Table.Tr key={a.authorityId}>
                  <Table.Td>
                    {a.authority.name} ({a.authority.acronym})
                  </Table.Td>
                  <Table.Td ta="right">{a.targeted}</Table.Td>
                  {TRACK_SERIES.map((s) => (
                    <Table.Td key={s.name} ta="right">
                      {a[s.name]}
                    </Table.Td>
                  ))}
                  <Table.Td>
                    {a.topUnmetCriteria.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        None
                      </Text>
                    ) : (
                      <List size="sm">
                        {a.topUnmetCriteria.map((c) => (
                          <List.Item key={c.criterion.id}>
                            {c.criterion.title} ({c.count})
                          </List.Item>
                        ))}
                      </List>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Figure>

      {funnel.exitOutcomes.length > 0 && (
        <Card withBorder padding="lg" component="section" aria-labelledby="exit-outcomes">
          <Title order={2} size="h4" id="exit-outcomes" mb="sm">
            Exit decisions of exited enrolments
          </Title>
          <List size="sm">
            {funnel.exitOutcomes.map((o) => (
              <List.Item key={o.state}>
                {EXIT_DECISION_WORDS[o.state as keyof typeof EXIT_DECISION_WORDS] ?? o.state}: {o.count}{' '}
                {o.count === 1 ? 'track' : 'tracks'}
              </List.Item>
            ))}
          </List>
        </Card>
      )}
    </Stack>
  );
}

/** A chart and its table under one heading (a <figure> named by it). */
function Figure({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="lg" component="figure" m={0} aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

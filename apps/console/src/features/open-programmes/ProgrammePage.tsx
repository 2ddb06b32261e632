// One programme (innovator): what it is, who runs it, the application window, capacity and joint-entry
// rule, each authority's criteria per stage (ENTRY, TESTING, EXIT), the organisation's applications to
// it, and "Apply", which leads to the application form (application/NewApplicationPage).
import { Anchor, Badge, Center, Group, Loader, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconSend } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { OpenProgrammeDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { TransitionAction } from '../../ui/TransitionAction';
import { EnrolmentsTable } from '../my-enrolments/EnrolmentsTable';
import { applicationWindow, day, holdsApplication, JOINT_ENTRY_RULES, STAGES } from '../my-enrolments/words';
import { CriteriaTable } from './CriteriaTable';

const CONTEXT = { additionalTypenames: ['Enrolment'] };

export function Component() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reload] = useQuery({
    query: OpenProgrammeDocument,
    variables: { id },
    context: CONTEXT,
  });
  const programme = data?.programme;

  if (fetching && !data)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the programme" />
      </Center>
    );
  if (!programme)
    return (
      <>
        <PageHeader title="Programme" />
        <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
        {!error && <Text>Not found, or not yours to see.</Text>}
        <BackLink />
      </>
    );

  const window = applicationWindow(programme);
  const applications = data.enrolments.edges.map((e) => e.node);
  const rule = JOINT_ENTRY_RULES[programme.jointEntryRule];

  return (
    <>
      <BackLink />
      <PageHeader
        title={programme.name}
        description={programme.description}
        actions={
          <TransitionAction
            transition={{ action: 'APPLY', allowed: window.open, reason: window.reason }}
            leftSection={<IconSend size={16} />}
            onClick={() => navigate('apply')}
          >
            Apply
          </TransitionAction>
        }
      />
      <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />

      <Stack gap="xl">
        <section aria-labelledby="programme-facts">
          <Title order={2} size="h3" id="programme-facts" mb="sm">
            About the programme
          </Title>
          <Paper withBorder p="md" maw={880}>
            <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={6}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={220}>Lead authority</Table.Th>
                  <Table.Td>
                    {programme.leadAuthority.name} ({programme.leadAuthority.acronym})
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Authorities</Table.Th>
                  <Table.Td>
                    <Group gap={6}>
                      {programme.participants.map((p) => (
                        <Badge key={p.authority.id} variant={p.isLead ? 'filled' : 'light'}>
                          {p.authority.acronym} · {p.authority.jurisdiction.code}
                          {p.isLead ? ' · lead' : ''}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Application window</Table.Th>
                  <Table.Td>
                    {day(programme.applicationOpens)} – {day(programme.applicationCloses)}, both days included
                    <Text size="sm" c={window.open ? 'var(--mantine-color-green-light-color)' : 'dimmed'}>
                      {window.open ? 'Open for applications today' : window.reason}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Cohort capacity</Table.Th>
                  <Table.Td>{programme.cohortCapacity} places (an enrolment takes one at its first admission)</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Joint-entry rule</Table.Th>
                  <Table.Td>
                    {rule.label}: {rule.meaning}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Testing period</Table.Th>
                  <Table.Td>Up to {programme.maxTestingDays} days</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Sectors</Table.Th>
                  <Table.Td>{programme.sectors.join(', ') || 'Every sector'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Recognised results</Table.Th>
                  <Table.Td>
                    {programme.acceptsRecognisedResults
                      ? 'Accepted: a result recognised through an agreement in force counts as met'
                      : 'Not accepted: only results of this programme count'}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Paper>
        </section>

        {applications.length > 0 && (
          <section aria-labelledby="programme-applications">
            <Title order={2} size="h3" id="programme-applications" mb="sm">
              Your applications
            </Title>
            {applications.some((a) => holdsApplication(a.state)) && (
              <Text size="sm" mb="xs">
                A system has one application per programme at a time: withdraw it to apply again.
              </Text>
            )}
            <EnrolmentsTable
              enrolments={applications}
              hide="programme"
              caption={`Your organisation's applications to ${programme.name}`}
            />
          </section>
        )}

        <section aria-labelledby="programme-criteria">
          <Title order={2} size="h3" id="programme-criteria" mb="xs">
            Criteria by authority
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Each authority assesses its own criteria at entry, during testing and at exit. Admitting over an unmet
            mandatory entry criterion needs a written justification.
          </Text>
          <Tabs defaultValue={programme.participants[0]?.authority.id} keepMounted={false}>
            <Tabs.List>
              {programme.participants.map((p) => (
                <Tabs.Tab key={p.authority.id} value={p.authority.id}>
                  {p.authority.acronym}
                  {p.isLead ? ' (lead)' : ''}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {programme.participants.map((p) => (
              <Tabs.Panel key={p.authority.id} value={p.authority.id} pt="md">
                <Stack gap="lg">
                  <Text size="sm">{p.authority.name}</Text>
                  {STAGES.map((stage) => {
                    const criteria = p.criteria.filter((c) => c.stage === stage.value);
                    return (
                      <div key={stage.value}>
                        <Title order={3} size="h4">
                          {stage.label} criteria ({criteria.length})
                        </Title>
                        <Text size="sm" c="dimmed" mb={4}>
                          {stage.meaning}
                        </Text>
                        <CriteriaTable
                          criteria={criteria}
                          caption={`${p.authority.acronym}'s ${stage.label.toLowerCase()} criteria`}
                        />
                      </div>
                    );
                  })}
                </Stack>
              </Tabs.Panel>
            ))}
          </Tabs>
        </section>
      </Stack>
    </>
  );
}

function BackLink() {
  return (
    <Anchor component={Link} to="/innovator/programmes" size="sm" mb="xs" display="inline-flex">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        Open programmes
      </Group>
    </Anchor>
  );
}

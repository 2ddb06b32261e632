// Apply to a programme (innovator), at /innovator/programmes/:id/apply: choose the AI system and the
// authorities, give entry evidence and attestations, save as draft. The draft opens on its own page
// (DraftApplicationPage), where the entry evaluation is shown before submitting.
import { Anchor, Center, Group, Loader, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { NewApplicationDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { applicationWindow, holdsApplication } from '../my-enrolments/words';
import { ApplicationForm } from './ApplicationForm';

export function Component() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reload] = useQuery({
    query: NewApplicationDocument,
    variables: { programmeId: id },
    requestPolicy: 'cache-and-network',
  });
  const programme = data?.programme;

  const back = (
    <Anchor component={Link} to={`/innovator/programmes/${id}`} size="sm" mb="xs" display="inline-flex">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {programme?.name ?? 'The programme'}
      </Group>
    </Anchor>
  );

  if (fetching && !data)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the application form" />
      </Center>
    );
  if (!programme)
    return (
      <>
        {back}
        <PageHeader title="Apply" />
        <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
        {!error && <Text>Not found, or not yours to see.</Text>}
      </>
    );

  const window = applicationWindow(programme);
  const applied = new Set(
    data.enrolments.edges.filter((e) => holdsApplication(e.node.state)).map((e) => e.node.aiSystem.id),
  );
  const systems = data.aiSystems.edges.map(({ node }) => ({
    value: node.id,
    label: applied.has(node.id) ? `${node.name} (already applied)` : node.name,
    disabled: applied.has(node.id),
  }));

  return (
    <>
      {back}
      <PageHeader
        title={`Apply to ${programme.name}`}
        description="Choose the AI system and the authorities you apply to, and give what each entry criterion asks for. Save as draft to see how each authority's criteria evaluate, then submit."
      />
      <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
      {!window.open && (
        <Text c="var(--mantine-color-orange-light-color)" mb="md">
          {window.reason}.
        </Text>
      )}
      {systems.length === 0 ? (
        <Text>
          Your organisation has no AI system yet:{' '}
          <Anchor component={Link} to="/innovator/systems">
            register one
          </Anchor>{' '}
          to apply.
        </Text>
      ) : (
        <ApplicationForm
          programme={programme}
          systems={systems}
          onSaved={(draft) => {
            notifications.show({
              color: 'green',
              title: 'Draft saved',
              message: `${draft.aiSystem.name}: check the entry evaluation, then submit.`,
            });
            navigate(`/innovator/enrolments/${draft.id}/application`, { replace: true });
          }}
        />
      )}
    </>
  );
}

// A file's revisions: the file, then each earlier one it supersedes in turn (newest first), each with
// its days and a link to open or download it.
import { Center, Loader, Stack, Text, Timeline } from '@mantine/core';
import { useQuery } from 'urql';
import { EvidenceRevisionsDocument, type EvidenceFileFragment } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { day, when } from '../review/words';
import { EvidenceLink } from './EvidenceLink';

type Chain = EvidenceFileFragment & { supersedes?: Chain | null };

export function EvidenceRevisions({ id }: { id: string }) {
  const [{ data, fetching, error }, reload] = useQuery({
    query: EvidenceRevisionsDocument,
    variables: { id },
    requestPolicy: 'network-only',
  });
  if (fetching && !data)
    return (
      <Center py="md">
        <Loader aria-label="Loading the revisions" />
      </Center>
    );
  if (!data) return <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />;

  const chain: EvidenceFileFragment[] = [];
  for (let at: Chain | null | undefined = data.evidence as Chain; at; at = at.supersedes) chain.push(at);

  return (
    <Stack gap="sm">
      {chain.length === 1 && <Text size="sm">This file revises no earlier one.</Text>}
      <Timeline active={0} bulletSize={14} lineWidth={2} aria-label="Revisions, newest first">
        {chain.map((file, index) => (
          <Timeline.Item
            key={file.id}
            title={index === 0 ? `${file.title} (this file)` : file.title}
            lineVariant={index === chain.length - 1 ? 'dashed' : 'solid'}
          >
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                Effective {day(file.effectiveDay)}
                {file.expiryDay ? `, expires ${day(file.expiryDay)}` : ''} · uploaded {when(file.uploadedAt)}
              </Text>
              <EvidenceLink evidence={file} />
            </Stack>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}

// The evidence a plan section names (`evidenceIds`): each file with its link to open or download it and
// a button to take it out, and a picker to add one from the organisation's library or upload a new one.
// Whoever may read the section may read its files.
import { ActionIcon, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { EvidenceLibraryDocument } from '../../gql/graphql';
import { EvidenceLink, type LinkedEvidence } from '../evidence/EvidenceLink';
import { EvidencePicker } from '../evidence/EvidencePicker';

/** At most this many files per section (the API's limit). */
export const MAX_SECTION_EVIDENCE = 20;

export function SectionEvidence({
  section,
  ids,
  known,
  onChange,
  error,
}: {
  /** The section's name, e.g. "Safeguards": names the picker. */
  section: string;
  ids: string[];
  /** Files already named by the version the form starts from. */
  known: LinkedEvidence[];
  onChange: (ids: string[]) => void;
  error?: React.ReactNode;
}) {
  // The same query as the picker's: one request, from urql's cache.
  const [{ data }] = useQuery({
    query: EvidenceLibraryDocument,
    variables: { first: 100, filter: { includeSuperseded: false } },
    context: useMemo(() => ({ additionalTypenames: ['Evidence'] }), []),
  });
  const [added, setAdded] = useState<LinkedEvidence[]>([]);
  const byId = useMemo(() => {
    const files = new Map<string, LinkedEvidence>();
    for (const file of [...known, ...(data?.evidenceList.edges.map((e) => e.node) ?? []), ...added])
      files.set(file.id, file);
    return files;
  }, [known, data, added]);

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Evidence for this section
      </Text>
      {ids.length === 0 ? (
        <Text size="xs" c="dimmed">
          None named.
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {ids.map((id) => {
            const file = byId.get(id);
            return (
              <Group key={id} component="li" gap={6} wrap="nowrap">
                {file ? <EvidenceLink evidence={file} compact /> : <Text size="sm">Evidence {id}</Text>}
                <Tooltip label="Take it out of the section" withArrow>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    onClick={() => onChange(ids.filter((other) => other !== id))}
                    aria-label={`Take ${file?.title ?? 'the file'} out of ${section}`}
                  >
                    <IconX size={14} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            );
          })}
        </Stack>
      )}
      {ids.length < MAX_SECTION_EVIDENCE && (
        <EvidencePicker
          label={section}
          value={null}
          error={error}
          onChange={(file) => {
            if (!file || ids.includes(file.id)) return;
            setAdded((prev) => [...prev, file]);
            onChange([...ids, file.id]);
          }}
        />
      )}
    </Stack>
  );
}

// Evidence for a result (a test report's, an application's entry result) or a plan section: a file
// chosen from the organisation's library (a searchable select, fed by evidenceList), or a new one
// uploaded here (EvidenceUpload, shown on request). The chosen file is shown with its SHA-256 and its
// expiry; the form keeps its id (`evidenceId`) and, through `onChange`, whatever else it derives from it
// (the hash, a reference defaulting to the title).
import { Badge, Button, Collapse, Group, Select, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { type ReactNode, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { EvidenceLibraryDocument } from '../../gql/graphql';
import { HashLine } from './EvidenceUpload';
import { EvidenceUpload } from './EvidenceUpload';
import { expiryBadge, formatBytes, mediaTypeWords, shortHash } from './words';

/** What a form needs of a chosen file. */
export interface ChosenEvidence {
  id: string;
  title: string;
  filename: string;
  sha256: string;
  mediaType: string;
  size: number;
  expiryDay: string | null;
  expired?: boolean;
}

const CONTEXT = { additionalTypenames: ['Evidence'] };
/** The library's files offered in the select (the newest revisions; search narrows them). */
const OFFERED = 100;

export function EvidencePicker({
  label,
  value,
  onChange,
  error,
  defaultEffectiveDay,
}: {
  /** What the evidence is for, e.g. the criterion's title: names the select and the upload. */
  label: string;
  /** The chosen file's id ('' or null: none). */
  value: string | null;
  onChange: (evidence: ChosenEvidence | null) => void;
  error?: ReactNode;
  /** The effective day an upload suggests (YYYY-MM-DD). */
  defaultEffectiveDay?: string;
}) {
  const [{ data, fetching }, reload] = useQuery({
    query: EvidenceLibraryDocument,
    variables: { first: OFFERED, filter: { includeSuperseded: false } },
    context: CONTEXT,
  });
  // Files uploaded here: offered at once, before the library is read again.
  const [uploaded, setUploaded] = useState<ChosenEvidence[]>([]);
  const [uploading, setUploading] = useState(false);

  const files = useMemo(() => {
    const listed: ChosenEvidence[] = data?.evidenceList.edges.map((e) => e.node) ?? [];
    const seen = new Set(listed.map((f) => f.id));
    return [...uploaded.filter((f) => !seen.has(f.id)), ...listed];
  }, [data, uploaded]);
  const chosen = files.find((f) => f.id === value) ?? null;
  const badge = chosen ? expiryBadge(chosen.expiryDay, chosen.expired ?? false) : null;

  return (
    <Stack gap="xs">
      <Select
        label="Evidence from your library"
        description={`A file for ${label}`}
        placeholder={fetching && !data ? 'Loading your library…' : 'Choose a file'}
        data={files.map((f) => ({ value: f.id, label: `${f.title} — ${f.filename} (${shortHash(f.sha256)}…)` }))}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': `Clear the evidence chosen for ${label}` }}
        nothingFoundMessage="No file matches"
        value={value || null}
        onChange={(id) => onChange(files.find((f) => f.id === id) ?? null)}
        error={error}
      />
      {chosen && (
        <Stack gap={2}>
          <Group gap={6}>
            <Text size="xs">
              {chosen.filename} · {mediaTypeWords(chosen.mediaType)} · {formatBytes(chosen.size)}
            </Text>
            {badge && (
              <Badge size="xs" variant="light" color={badge.color}>
                {badge.label}
              </Badge>
            )}
          </Group>
          <HashLine sha256={chosen.sha256} />
        </Stack>
      )}
      <Button
        size="xs"
        variant="subtle"
        leftSection={<IconUpload size={14} />}
        w="fit-content"
        onClick={() => setUploading((open) => !open)}
        aria-expanded={uploading}
        aria-label={`${uploading ? 'Hide the upload' : 'Upload a new file'} for ${label}`}
      >
        {uploading ? 'Hide the upload' : 'Upload a new file'}
      </Button>
      <Collapse expanded={uploading}>
        {uploading && (
          <EvidenceUpload
            label={`New file for ${label}`}
            defaultEffectiveDay={defaultEffectiveDay}
            onUploaded={(stored) => {
              const file: ChosenEvidence = { ...stored, expired: false };
              setUploaded((prev) => [file, ...prev.filter((f) => f.id !== file.id)]);
              onChange(file);
              reload({ requestPolicy: 'network-only' });
            }}
          />
        )}
      </Collapse>
    </Stack>
  );
}

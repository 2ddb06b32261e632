// A file of evidence where a result, an entry result or a plan section names it: its title, a short
// hash (the whole one on hover and to screen readers), "Open" (PDFs and images, in a new tab) and
// "Download". Both fetch the bytes with the session's token (evidence-api.ts); a refusal (say, the
// file is not the reader's to see: 404) is shown as a notification.
import { Button, Code, Group, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconExternalLink, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { downloadEvidence, openEvidence, opensInline } from './evidence-api';
import { evidenceProblem, shortHash } from './words';

export interface LinkedEvidence {
  id: string;
  title: string;
  filename: string;
  mediaType: string;
  sha256: string;
}

export function EvidenceLink({ evidence, compact = false }: { evidence: LinkedEvidence; compact?: boolean }) {
  const [busy, setBusy] = useState<'open' | 'download' | null>(null);
  const name = evidence.title || evidence.filename;

  async function run(what: 'open' | 'download') {
    setBusy(what);
    try {
      if (what === 'open') await openEvidence(evidence.id, evidence.mediaType);
      else await downloadEvidence(evidence.id, evidence.filename);
    } catch (error) {
      notifications.show({ color: 'red', title: `${name} could not be fetched`, message: evidenceProblem(error) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Group gap={6} wrap="wrap" align="center" className="evidence-link">
      <IconPaperclip size={14} aria-hidden />
      <Text size="sm" fw={500} component="span">
        {name}
      </Text>
      <Tooltip label={evidence.sha256} withArrow>
        <Code aria-label={`SHA-256 ${evidence.sha256}`} tabIndex={0}>
          {shortHash(evidence.sha256)}…
        </Code>
      </Tooltip>
      {!compact && (
        <Text size="xs" c="dimmed" component="span">
          {evidence.filename}
        </Text>
      )}
      {opensInline(evidence.mediaType) && (
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<IconExternalLink size={12} />}
          loading={busy === 'open'}
          onClick={() => void run('open')}
          aria-label={`Open ${name}`}
        >
          Open
        </Button>
      )}
      <Button
        size="compact-xs"
        variant="light"
        leftSection={<IconDownload size={12} />}
        loading={busy === 'download'}
        onClick={() => void run('download')}
        aria-label={`Download ${name}`}
      >
        Download
      </Button>
    </Group>
  );
}

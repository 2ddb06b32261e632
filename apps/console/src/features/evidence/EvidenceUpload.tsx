// Uploading a file to the organisation's evidence library: a drop zone around a labelled file input
// (reachable by keyboard: Tab to it, Space or Enter opens the file picker), optional metadata (title,
// effective day, expiry day), then the upload with a progress bar (XMLHttpRequest's upload progress).
// The answer shows what the API stored: the SHA-256 of the content (copyable), the size, the media type
// the API detected from the bytes, and whether the same bytes were already in the library. A refusal is
// said in words (too large, a type not accepted, …) and the chosen file stays, to try again.
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconCheck, IconCopy, IconFileUpload, IconUpload } from '@tabler/icons-react';
import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { sentence } from '../../api/errors';
import { EvidenceRequestError, type UploadedEvidence, uploadEvidence } from './evidence-api';
import { evidenceProblem, formatBytes, mediaTypeWords } from './words';

export interface EvidenceUploadProps {
  /** Called once the API has stored the file (or found it already stored). */
  onUploaded: (evidence: UploadedEvidence) => void;
  /** Names the drop zone's file input, e.g. "File for Exit and transition strategy". */
  label?: string;
  /** Uploads a revision of this evidence (`supersedes`). */
  supersedes?: string;
  /** The metadata fields (title, effective day, expiry day): shown unless false. */
  withMetadata?: boolean;
  /** The effective day to suggest (YYYY-MM-DD), e.g. a report's period end. */
  defaultEffectiveDay?: string;
  /** The upload button's words. */
  submitLabel?: string;
}

export function EvidenceUpload({
  onUploaded,
  label = 'File to upload',
  supersedes,
  withMetadata = true,
  defaultEffectiveDay = '',
  submitLabel = 'Upload',
}: EvidenceUploadProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [effectiveDay, setEffectiveDay] = useState(defaultEffectiveDay);
  const [expiryDay, setExpiryDay] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** A refused upload's problems at the metadata fields they name. */
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [uploaded, setUploaded] = useState<UploadedEvidence | null>(null);
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const uploading = progress !== null && !uploaded && !problem;
  const percent = Math.round((progress ?? 0) * 100);

  function choose(chosen: File | null) {
    setFile(chosen);
    setProblem(null);
    setUploaded(null);
    setProgress(null);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) choose(dropped);
  }

  async function upload() {
    if (!file || uploading) return;
    setProblem(null);
    setFieldErrors({});
    setUploaded(null);
    setProgress(0);
    abort.current = new AbortController();
    try {
      const stored = await uploadEvidence(
        file,
        { title: title.trim(), effectiveDay, expiryDay, supersedes },
        setProgress,
        abort.current.signal,
      );
      setUploaded(stored);
      onUploaded(stored);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') setProgress(null);
      else {
        setProblem(evidenceProblem(error));
        if (error instanceof EvidenceRequestError)
          setFieldErrors(Object.fromEntries(error.problems.map((p) => [p.path, sentence(p.message)])));
      }
    }
  }

  return (
    <Stack gap="sm">
      <Paper
        withBorder
        p="md"
        radius="md"
        className="evidence-dropzone"
        data-dragging={dragging || undefined}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          background: dragging ? 'var(--mantine-color-blue-light)' : undefined,
        }}
      >
        <Group gap="md" wrap="nowrap">
          <IconFileUpload size={32} stroke={1.5} aria-hidden />
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <label htmlFor={`${id}-file`}>
              <Text fw={500} size="sm" component="span">
                {label}
              </Text>
            </label>
            <Text size="xs" c="dimmed" id={`${id}-hint`}>
              Drop a file here, or choose one. PDFs, images and documents; the server checks the type from the content.
            </Text>
            <input
              ref={inputRef}
              id={`${id}-file`}
              type="file"
              aria-describedby={`${id}-hint`}
              disabled={uploading}
              onChange={(event) => choose(event.currentTarget.files?.[0] ?? null)}
              style={{ maxWidth: '100%' }}
            />
            {file && (
              <Text size="xs">
                Chosen: {file.name} ({formatBytes(file.size)})
              </Text>
            )}
          </Stack>
        </Group>
      </Paper>

      {withMetadata && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Title"
            description="Left blank: the file's name"
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={fieldErrors.title}
            disabled={uploading}
          />
          <TextInput
            type="date"
            label="Effective day"
            description="The day the evidence speaks for"
            value={effectiveDay}
            onChange={(event) => setEffectiveDay(event.currentTarget.value)}
            error={fieldErrors.effectiveDay}
            disabled={uploading}
          />
          <TextInput
            type="date"
            label="Expiry day"
            description="Left blank: it does not expire"
            value={expiryDay}
            onChange={(event) => setExpiryDay(event.currentTarget.value)}
            error={fieldErrors.expiryDay}
            disabled={uploading}
          />
        </SimpleGrid>
      )}

      <Group gap="sm">
        <Button
          leftSection={<IconUpload size={16} />}
          onClick={() => void upload()}
          disabled={!file}
          loading={uploading}
          aria-label={file ? `${submitLabel}: ${file.name}` : submitLabel}
        >
          {submitLabel}
        </Button>
        {uploading && (
          <Button variant="subtle" color="gray" onClick={() => abort.current?.abort()}>
            Cancel the upload
          </Button>
        )}
      </Group>

      {progress !== null && (
        <Stack gap={4}>
          <Group justify="space-between" gap="xs">
            <Text size="xs" id={`${id}-progress`}>
              {uploaded ? 'Uploaded' : problem ? 'Upload stopped' : 'Uploading…'}
            </Text>
            <Text size="xs" aria-hidden>
              {percent}%
            </Text>
          </Group>
          <Progress.Root size="md" aria-hidden={false}>
            <Progress.Section
              value={percent}
              color={problem ? 'red' : uploaded ? 'green' : 'blue'}
              aria-label={`Upload progress${file ? ` of ${file.name}` : ''}`}
            />
          </Progress.Root>
        </Stack>
      )}

      {problem && (
        <Alert color="red" title="The file was not uploaded" role="alert">
          {problem}
        </Alert>
      )}

      {uploaded && <UploadedFacts evidence={uploaded} />}
      <VisuallyHidden role="status" aria-live="polite">
        {uploaded ? `Uploaded ${uploaded.filename}` : problem ? 'The upload failed' : ''}
      </VisuallyHidden>
    </Stack>
  );
}

/** What the API stored: the hash (copyable), size, detected media type, and whether it was already there. */
export function UploadedFacts({ evidence }: { evidence: UploadedEvidence }) {
  return (
    <Paper
      component="section"
      withBorder
      p="sm"
      radius="md"
      aria-label={`Uploaded: ${evidence.title || evidence.filename}`}
    >
      <Stack gap={6}>
        <Group gap="xs">
          <Text size="sm" fw={500}>
            {evidence.title || evidence.filename}
          </Text>
          {evidence.deduplicated && (
            <Badge size="sm" variant="light" color="gray">
              Already in your library
            </Badge>
          )}
        </Group>
        <Text size="xs">
          {evidence.filename} · {mediaTypeWords(evidence.mediaType)} ({evidence.mediaType}) ·{' '}
          {formatBytes(evidence.size)}
        </Text>
        <HashLine sha256={evidence.sha256} />
      </Stack>
    </Paper>
  );
}

/** A SHA-256 in full, monospace, with a button that copies it. */
export function HashLine({ sha256 }: { sha256: string }) {
  return (
    <Group gap={4} wrap="nowrap" align="center">
      <Text size="xs" c="dimmed" component="span">
        SHA-256
      </Text>
      <Code style={{ wordBreak: 'break-all' }}>{sha256}</Code>
      <CopyButton value={sha256}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy the SHA-256'} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label="Copy the SHA-256"
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

// The evidence library (innovator): the organisation's files behind its results — title, file, type,
// size, effective and expiry days (with "expired" and "expires in N days"), when uploaded — searched,
// filtered to those expiring soon, page by page. Each file can be opened or downloaded, its metadata
// edited (in a dialog; a CONFLICT keeps what was typed), a revision uploaded (POST /evidence with
// `supersedes`), and its revisions shown (the `supersedes` chain).
import { Badge, Button, Center, Group, Loader, Menu, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconHistory, IconPencil, IconPlus, IconSearch, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { EvidenceLibraryDocument, type EvidenceRowFragment } from '../../gql/graphql';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedQuery } from '../review/paging';
import { day, when } from '../review/words';
import { EvidenceLink } from './EvidenceLink';
import { EvidenceMetadataForm } from './EvidenceMetadataForm';
import { EvidenceRevisions } from './EvidenceRevisions';
import { EvidenceUpload } from './EvidenceUpload';
import { EXPIRING_SOON_DAYS, expiryBadge, formatBytes, mediaTypeWords } from './words';

const PAGE_SIZE = 20;
// An empty library carries no Evidence for urql's cache to see: name the type, so that the first
// upload (a mutation elsewhere) or a metadata change still refreshes the list.
const CONTEXT = { additionalTypenames: ['Evidence'] };

type Dialogs =
  | { kind: 'upload' }
  | { kind: 'edit'; evidence: EvidenceRowFragment }
  | { kind: 'revise'; evidence: EvidenceRowFragment }
  | { kind: 'revisions'; evidence: EvidenceRowFragment };

export function Component() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [expiringSoon, setExpiringSoon] = useState(false);
  const [includeSuperseded, setIncludeSuperseded] = useState(false);
  const [dialog, setDialog] = useState<Dialogs | null>(null);

  const list = usePagedQuery({
    query: EvidenceLibraryDocument,
    variables: {
      first: PAGE_SIZE,
      filter: {
        search: debounced || null,
        expiringWithinDays: expiringSoon ? EXPIRING_SOON_DAYS : null,
        includeSuperseded,
      },
    },
    connection: (data) => data.evidenceList,
    context: CONTEXT,
  });
  const files = list.nodes;
  const close = () => setDialog(null);
  const uploaded = () => list.reload();

  return (
    <>
      <PageHeader
        title="Evidence library"
        description="Your organisation's files behind its results: model cards, lab reports, datasheets. Each is kept as uploaded, named by the SHA-256 of its content."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'upload' })}>
            Upload evidence
          </Button>
        }
      />
      <Group gap="md" mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          description="Title or file name"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={280}
        />
        <Switch
          label={`Expiring within ${EXPIRING_SOON_DAYS} days`}
          checked={expiringSoon}
          onChange={(event) => setExpiringSoon(event.currentTarget.checked)}
        />
        <Switch
          label="Show earlier revisions"
          checked={includeSuperseded}
          onChange={(event) => setIncludeSuperseded(event.currentTarget.checked)}
        />
      </Group>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.fetching && !list.data ? (
        <Center py="xl">
          <Loader aria-label="Loading the evidence library" />
        </Center>
      ) : list.data && files.length === 0 ? (
        <Text>
          {debounced || expiringSoon
            ? 'No file matches.'
            : 'Your library is empty: upload a file here, or while writing a test report.'}
        </Text>
      ) : list.data ? (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="sm" captionSide="top">
              <Table.Caption>
                {list.totalCount > files.length
                  ? `${files.length} of ${list.totalCount} files`
                  : `${files.length} ${files.length === 1 ? 'file' : 'files'}`}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th miw={260}>File</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Size</Table.Th>
                  <Table.Th>Effective</Table.Th>
                  <Table.Th miw={190}>Expiry</Table.Th>
                  <Table.Th>Uploaded</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {files.map((file) => (
                  <EvidenceRow key={file.id} file={file} open={setDialog} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.hasMore && (
            <Button variant="default" w="fit-content" loading={list.loadingMore} onClick={() => void list.loadMore()}>
              Show more files
            </Button>
          )}
        </Stack>
      ) : null}

      <Dialog
        opened={dialog !== null}
        onClose={close}
        size="lg"
        title={
          dialog?.kind === 'upload'
            ? 'Upload evidence'
            : dialog?.kind === 'edit'
              ? `Edit ${dialog.evidence.title}`
              : dialog?.kind === 'revise'
                ? `Upload a revision of ${dialog.evidence.title}`
                : dialog?.kind === 'revisions'
                  ? `Revisions of ${dialog.evidence.title}`
                  : ''
        }
      >
        {dialog?.kind === 'upload' && <EvidenceUpload onUploaded={uploaded} />}
        {dialog?.kind === 'revise' && (
          <Stack gap="sm">
            <Text size="sm">
              The new file supersedes {dialog.evidence.title} ({dialog.evidence.filename}); the earlier one stays, named
              by what referenced it.
            </Text>
            <EvidenceUpload
              onUploaded={(stored) => {
                uploaded();
                notifications.show({ color: 'green', title: 'Revision uploaded', message: stored.title });
              }}
              supersedes={dialog.evidence.id}
              submitLabel="Upload the revision"
            />
          </Stack>
        )}
        {dialog?.kind === 'edit' && (
          <EvidenceMetadataForm
            // The row as last read: after a CONFLICT's Refresh, its new version is the one sent.
            evidence={files.find((f) => f.id === dialog.evidence.id) ?? dialog.evidence}
            onCancel={close}
            onRefresh={list.reload}
            onSaved={(saved) => {
              notifications.show({ color: 'green', title: 'Changes saved', message: saved.title });
              close();
            }}
          />
        )}
        {dialog?.kind === 'revisions' && <EvidenceRevisions id={dialog.evidence.id} />}
      </Dialog>
    </>
  );
}

function EvidenceRow({ file, open }: { file: EvidenceRowFragment; open: (dialog: Dialogs) => void }) {
  const badge = expiryBadge(file.expiryDay, file.expired);
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={4}>
          <EvidenceLink evidence={file} compact />
          {(file.filename !== file.title || file.supersedes) && (
            <Text size="xs" c="dimmed">
              {[file.filename !== file.title && file.filename, file.supersedes && `revises ${file.supersedes.title}`]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          )}
          {file.supersededBy.map((later) => (
            <Badge key={later.id} size="xs" variant="outline" color="gray" w="fit-content">
              Superseded by {later.title}
            </Badge>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm" title={file.mediaType}>
          {mediaTypeWords(file.mediaType)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatBytes(file.size)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{day(file.effectiveDay)}</Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Text size="sm">{file.expiryDay ? day(file.expiryDay) : 'Does not expire'}</Text>
          {badge && (
            <Badge size="sm" variant="light" color={badge.color} w="fit-content">
              {badge.label}
            </Badge>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{when(file.uploadedAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              variant="subtle"
              size="xs"
              rightSection={<IconDots size={14} />}
              aria-label={`More for ${file.title}`}
            >
              More
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => open({ kind: 'edit', evidence: file })}>
              Edit the details
            </Menu.Item>
            <Menu.Item leftSection={<IconUpload size={14} />} onClick={() => open({ kind: 'revise', evidence: file })}>
              Upload a revision
            </Menu.Item>
            <Menu.Item
              leftSection={<IconHistory size={14} />}
              onClick={() => open({ kind: 'revisions', evidence: file })}
            >
              Show the revisions
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Table.Td>
    </Table.Tr>
  );
}

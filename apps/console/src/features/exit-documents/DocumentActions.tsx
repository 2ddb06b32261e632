// What can be done with an issued exit document, for both roles: download the signed JSON
// ({document, sha256, signature, keyId} exactly as the API gave it), the Markdown, or the public
// copy (exit reports); open the printable page; and Verify — `verifyDocument`, said in words: does
// the signature hold, with which key, and was the report corrected since.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconPrinter, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { type CombinedError, useClient } from 'urql';
import { VerifySignedDocumentDocument, type VerifySignedDocumentQuery } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { downloadText, signedJson } from './files';

type Verification = VerifySignedDocumentQuery['verifyDocument'];

export interface DocumentActionsProps {
  /** The signed document; null when something in it is withheld from the reader. */
  signed: unknown;
  /** The document as the reader may read it, in Markdown. */
  markdown: string | null;
  /** Items withheld from the reader (then `signed` is null). */
  withheld: number;
  /** The files' name, without extension: `written-proof-fca-lumen-thin-file-scorer`. */
  fileName: string;
  /** The printable page. */
  printPath: string;
  /** An exit report's signed public copy (what the public registry shows once the participant consents). */
  publicCopy?: unknown;
}

export function DocumentActions({ signed, markdown, withheld, fileName, printPath, publicCopy }: DocumentActionsProps) {
  const client = useClient();
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [problem, setProblem] = useState<CombinedError | null>(null);

  async function verify() {
    setVerifying(true);
    setProblem(null);
    setVerification(null);
    const result = await client
      .query(VerifySignedDocumentDocument, { document: signed }, { requestPolicy: 'network-only' })
      .toPromise();
    setVerifying(false);
    if (result.error) setProblem(result.error);
    else if (result.data) setVerification(result.data.verifyDocument);
  }

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconDownload size={14} />}
          disabled={!signed}
          onClick={() => downloadText(signedJson(signed), `${fileName}.json`, 'application/json')}
        >
          Signed JSON
        </Button>
        {markdown && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconDownload size={14} />}
            onClick={() => downloadText(markdown, `${fileName}.md`, 'text/markdown')}
          >
            Markdown
          </Button>
        )}
        {publicCopy ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconDownload size={14} />}
            onClick={() => downloadText(signedJson(publicCopy), `${fileName}-public-copy.json`, 'application/json')}
          >
            Public copy (JSON)
          </Button>
        ) : null}
        <Button size="xs" variant="light" leftSection={<IconPrinter size={14} />} component={Link} to={printPath}>
          Printable page
        </Button>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconShieldCheck size={14} />}
          disabled={!signed}
          loading={verifying}
          onClick={() => void verify()}
        >
          Verify
        </Button>
      </Group>
      {!signed && (
        <Text size="xs" c="dimmed">
          {withheld} item{withheld === 1 ? ' is' : 's are'} withheld from you, so the signed document is not shown: its
          signature covers what you may not read.
          {publicCopy ? ' Its public copy is signed too.' : ''}
        </Text>
      )}
      <ErrorNotice error={problem} onRetry={() => void verify()} />
      {verification && <VerificationResult verification={verification} />}
    </Stack>
  );
}

/** `verifyDocument`'s answer in words. */
function VerificationResult({ verification: v }: { verification: Verification }) {
  if (v.valid)
    return (
      <Alert color="green" variant="light" title="The signature holds">
        <Text size="sm">
          Signed by Sandbridge with the key {v.keyId}: this {v.format ?? 'document'} has not changed since it was
          signed.
        </Text>
        {v.supersededBy && (
          <Text size="sm" mt={4}>
            It was corrected since by a later version ({v.supersededBy}); this version still verifies.
          </Text>
        )}
      </Alert>
    );
  return (
    <Alert color="red" variant="light" title="The signature does not hold">
      <Text size="sm">
        {v.reason ?? 'The document is not one Sandbridge signed.'}
        {v.path ? ` (at ${v.path})` : ''}
        {v.keyId ? `; it names the key ${v.keyId}.` : '.'}
      </Text>
    </Alert>
  );
}

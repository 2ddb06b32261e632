import {
  type JwkSet,
  jwkSetProblems,
  type SignedDocument,
  signedDocumentProblems,
  verifySignedDocument,
} from '@sandbridge/domain';
import { type CommandIo, processCommandIo, readInput } from '../command-io.js';

// Offline on purpose: this module imports the pure domain library only — no network, no database,
// no configuration. The key set is a file the verifier saved from GET /.well-known/sandbridge-keys
// (or received from the platform's operator by another channel): trust comes from where that file
// came from, never from the document (docs/formats.md#verifying-offline).

export const VERIFY_USAGE = `Usage: sandbridge verify --keys KEYS.json FILE
  FILE            a signed document {document, sha256, signature, keyId}: a written proof, an exit
                  report or its public copy, an audit checkpoint — or - for stdin
  --keys KEYS     the platform's public keys as a JWK set, saved beforehand from
                  GET /.well-known/sandbridge-keys (the command makes no network request)
Stdout: one JSON document {valid, keyId, sha256, format, id[, path, reason]}; stderr: one line for people.
Exit codes: 0 valid, 1 not valid (changed, or not signed by these keys), 2 usage or unreadable input.`;

export const processIo = processCommandIo;

interface VerifyArgs {
  keys: string;
  file: string;
}

/** The arguments, or the problem with them (for the usage message). */
function readArgs(args: string[]): VerifyArgs | string {
  let keys: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--keys' || arg.startsWith('--keys=')) {
      const value = arg === '--keys' ? args[++i] : arg.slice('--keys='.length);
      if (!value) return '--keys needs the key set file';
      keys = value;
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else files.push(arg);
  }
  if (!keys) return 'name the key set with --keys (saved from GET /.well-known/sandbridge-keys)';
  if (files.length !== 1) return 'name one signed document (or - for stdin)';
  if (keys === '-' && files[0] === '-') return 'the key set and the document cannot both come from stdin';
  return { keys, file: files[0] };
}

/** JSON text, or the message naming what is wrong (`what` says which input). */
function parseJson(text: string, what: string): unknown | string {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return `${what}: not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
}

const stringField = (document: unknown, name: string): string | null => {
  const value = document && typeof document === 'object' ? (document as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : null;
};

/**
 * `verify --keys KEYS FILE|-`: checks a signed document against a saved JWK set, offline: the key id
 * must name a key of the set, the SHA-256 must match the RFC 8785 canonical JSON of `document`, and
 * the Ed25519 signature must verify over those bytes. Exit codes: 0 valid, 1 not valid, 2 usage or
 * input that is not a signed document or not a key set (the message names the JSON path).
 */
export async function verify(args: string[], io: CommandIo): Promise<number> {
  if (args.includes('--help')) {
    io.stderr(`${VERIFY_USAGE}\n`);
    return 0;
  }
  const read = readArgs(args);
  if (typeof read === 'string') {
    io.stderr(`verify: ${read}\n${VERIFY_USAGE}\n`);
    return 2;
  }
  const keysText = await readInput(io, 'verify', read.keys);
  if (keysText === null) return 2;
  const keys = parseJson(keysText, read.keys);
  if (typeof keys === 'string') return fail(io, keys);
  const keyProblems = jwkSetProblems(keys);
  if (keyProblems.length) return fail(io, `${read.keys}: ${keyProblems[0].path}: ${keyProblems[0].message}`);
  const documentText = await readInput(io, 'verify', read.file);
  if (documentText === null) return 2;
  const signed = parseJson(documentText, read.file);
  if (typeof signed === 'string') return fail(io, signed);
  const envelope = signedDocumentProblems(signed);
  if (envelope.length)
    return fail(io, `${read.file}: ${envelope[0].path || '(root)'}: ${envelope[0].message} — not a signed document`);
  const s = signed as SignedDocument;
  const check = verifySignedDocument(s, keys as JwkSet);
  const format = stringField(s.document, 'format') ?? stringField(s.document, 'type');
  const result = {
    valid: check.valid,
    keyId: s.keyId,
    sha256: s.sha256,
    format,
    id: stringField(s.document, 'id'),
    ...(check.valid ? {} : { path: check.path, reason: check.reason }),
  };
  await io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  io.stderr(
    check.valid
      ? `verify: valid — ${format ?? 'a document'} signed by key ${s.keyId}, unchanged\n`
      : `verify: NOT valid — ${check.path}: ${check.reason}\n`,
  );
  return check.valid ? 0 : 1;
}

function fail(io: CommandIo, message: string): number {
  io.stderr(`verify: ${message}\n`);
  return 2;
}

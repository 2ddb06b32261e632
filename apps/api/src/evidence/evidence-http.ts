import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  EvidenceService,
  EvidenceTooLargeError,
  UNSUPPORTED_MEDIA_TYPE,
  type UploadEvidenceCommand,
} from '@sandbridge/application';
import type { AppConfig } from '@sandbridge/common';
import { type Actor, DomainError, ErrorCode, INLINE_EVIDENCE_TYPES, TEXT_EVIDENCE_TYPES } from '@sandbridge/domain';
import type { EvidenceEntity } from '@sandbridge/persistence';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLContextFactory } from '../graphql/graphql-context.js';
import { databaseLimitError } from '../graphql/query-limits.js';
import { contentDisposition } from './content-disposition.js';

const logger = new Logger('Evidence');

/** What a download may be: the browser shows nothing but the file itself, and runs none of it. */
const DOWNLOAD_POLICY = "default-src 'none'; sandbox";
/** Every answer about a file invisible to the caller is this one, unknown and malformed ids alike. */
const NOT_FOUND_BODY = { error: { code: ErrorCode.NOT_FOUND, message: 'No such evidence' } };
/** The form fields read before the file part, and the longest value each may have. */
const FIELDS: Record<string, number> = { title: 1000, effectiveDay: 20, expiryDay: 20, supersedes: 100 };

type HttpError = { status: number; code: string; message: string; errors?: { path: string; message: string }[] };

/**
 * The REST routes of evidence files (docs/architecture.md#evidence-files-over-http), beside GraphQL: a file is bytes,
 * which GraphQL does not carry well. `POST /evidence` takes multipart/form-data — the text fields
 * first, then the file part, streamed to the store as it arrives — and `GET /evidence/:id` (and
 * HEAD) streams it back. Both take the same Bearer token as GraphQL, checked the same way; errors are
 * `{ "error": { "code", "message" } }`. Call before `app.init()`.
 */
export async function registerEvidenceRoutes(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const contexts = app.get(GraphQLContextFactory);
  const evidence = app.get(EvidenceService);
  const { maxBytes, maxConcurrentUploads } = config.evidence;

  // Multipart bodies are parsed as streams only by these routes' handlers (request.parts()): nothing
  // is buffered and BODY_LIMIT_BYTES (JSON bodies) does not apply. One byte over EVIDENCE_MAX_BYTES
  // is let through so that the service's own limit check sees it (busboy would stop at the limit).
  await app.register(multipart, {
    limits: { fileSize: maxBytes + 1, files: 1, fields: Object.keys(FIELDS).length, fieldSize: 1000, parts: 10 },
  });

  async function actorOf(request: FastifyRequest): Promise<Actor | HttpError> {
    const context = await contexts.create({ headers: request.headers, ip: request.ip });
    if (context.actor) return context.actor;
    return httpError(context.authError ?? DomainError.unauthenticated());
  }

  let uploading = 0;
  fastify.post('/evidence', async (request, reply) => {
    const actor = await actorOf(request);
    if (!('accountId' in actor)) return fail(reply, actor);
    if (uploading >= maxConcurrentUploads) {
      reply.header('retry-after', '1');
      return fail(reply, {
        status: 429,
        code: ErrorCode.TOO_MANY_REQUESTS,
        message: `The server is receiving ${maxConcurrentUploads} uploads already: try again shortly`,
      });
    }
    if (!request.isMultipart())
      return fail(reply, badInput('body', 'must be multipart/form-data with the file in a part named "file"'));
    uploading++;
    try {
      const command: UploadEvidenceCommand = { filename: null, declaredType: null };
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          if (
            !(part.fieldname in FIELDS) ||
            typeof part.value !== 'string' ||
            part.value.length > FIELDS[part.fieldname]
          )
            return fail(
              reply,
              badInput(
                part.fieldname,
                'is not a field of an evidence upload (title, effectiveDay, expiryDay, supersedes, file)',
              ),
            );
          (command as unknown as Record<string, string>)[part.fieldname] = part.value;
          continue;
        }
        if (part.fieldname !== 'file')
          return fail(reply, badInput(part.fieldname, 'the file goes in a part named "file"'));
        command.filename = part.filename;
        command.declaredType = part.mimetype;
        await evidence.checkUpload(actor, command);
        const { evidence: stored, deduplicated } = await evidence.upload(actor, part.file, command);
        return reply.code(201).send({ ...describe(stored), deduplicated });
      }
      return fail(reply, badInput('file', 'is required: a part named "file" after the text fields'));
    } catch (error) {
      const answer = uploadError(error);
      if (!answer) {
        // The client went away mid-upload: nobody to answer (the store kept nothing).
        if (request.raw.destroyed || (error as { code?: string }).code === 'ECONNRESET') return reply;
        logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
        return fail(reply, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
      }
      // The rest of an upload refused mid-way is not read: the connection is closed once this is sent.
      if (!request.raw.readableEnded) {
        reply.header('connection', 'close');
        reply.raw.once('finish', () => request.raw.socket?.destroy());
      }
      return fail(reply, answer);
    } finally {
      uploading--;
    }
  });

  fastify.route({
    method: ['GET', 'HEAD'],
    url: '/evidence/:id',
    handler: async (request, reply) => {
      const actor = await actorOf(request);
      if (!('accountId' in actor)) return fail(reply, actor);
      const { id } = request.params as { id: string };
      let readable;
      try {
        readable = await evidence.readable(actor, id);
      } catch (error) {
        const limited = databaseLimitError(error);
        if (limited) return fail(reply, httpError(limited));
        throw error;
      }
      if (!readable) return reply.code(404).send(NOT_FOUND_BODY);
      const file = readable.evidence;
      const inline =
        (request.query as { inline?: string }).inline === '1' && INLINE_EVIDENCE_TYPES.includes(file.mediaType);
      const etag = `"${file.sha256}"`;
      reply
        .header('content-type', contentTypeOf(file.mediaType))
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.filename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', DOWNLOAD_POLICY)
        .header('cache-control', 'private, no-store')
        .header('etag', etag)
        .header('accept-ranges', 'bytes');
      if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
      const range = parseRange(request.headers.range, file.size);
      if (range === 'UNSATISFIABLE')
        return reply
          .code(416)
          .header('content-range', `bytes */${file.size}`)
          .type('application/json; charset=utf-8')
          .send({ error: { code: 'RANGE_NOT_SATISFIABLE', message: `The file has ${file.size} bytes` } });
      const length = range ? range.end - range.start + 1 : file.size;
      reply.header('content-length', String(length));
      if (range) reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${file.size}`);
      if (request.method === 'HEAD') return reply.send();
      if (readable.audited) await evidence.recordDownload(actor, file, range);
      return reply.send(Readable.from(evidence.bytesOf(file, range ?? undefined), { objectMode: false }));
    },
  });
}

/** The upload's answer (and the GraphQL type's fields). */
function describe(e: EvidenceEntity) {
  return {
    id: e.id,
    sha256: e.sha256,
    size: e.size,
    mediaType: e.mediaType,
    filename: e.filename,
    title: e.title,
    effectiveDay: e.effectiveDay,
    expiryDay: e.expiryDay,
  };
}

function fail(reply: FastifyReply, error: HttpError) {
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (error.errors) body.errors = error.errors;
  return reply.code(error.status).type('application/json; charset=utf-8').send({ error: body });
}

function badInput(path: string, message: string): HttpError {
  return httpError(DomainError.badInput([{ path, message }]));
}

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.INVALID_TRANSITION]: 409,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
};

function httpError(error: DomainError): HttpError {
  const status = error.details.reason === UNSUPPORTED_MEDIA_TYPE ? 415 : STATUS[error.code];
  return {
    status,
    code: error.code,
    message: error.message,
    ...(error.code === ErrorCode.BAD_USER_INPUT ? { errors: error.errors } : {}),
  };
}

/** What a failed upload answers; null for what is not the client's doing (or a client gone). */
function uploadError(error: unknown): HttpError | null {
  if (error instanceof DomainError) return httpError(error);
  const code = (error as { code?: string } | null)?.code;
  if (error instanceof EvidenceTooLargeError || code === 'FST_REQ_FILE_TOO_LARGE')
    return {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: error instanceof EvidenceTooLargeError ? error.message : 'The file is too large',
    };
  const limited = databaseLimitError(error);
  if (limited) return httpError(limited);
  // Malformed multipart bodies, too many parts or fields (@fastify/multipart's errors carry 4xx codes).
  const status = (error as { statusCode?: number } | null)?.statusCode;
  if (code?.startsWith('FST_') && status && status >= 400 && status < 500)
    return { status: 400, code: ErrorCode.BAD_USER_INPUT, message: (error as Error).message };
  return null;
}

function contentTypeOf(mediaType: string): string {
  return (TEXT_EVIDENCE_TYPES as readonly string[]).includes(mediaType) ? `${mediaType}; charset=utf-8` : mediaType;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/**
 * One byte range (`bytes=a-b`, `bytes=a-`, `bytes=-n`), clamped to the file; null when there is no
 * Range header or it is not one this understands (several ranges, other units): the whole file is
 * sent then, as RFC 9110 allows. UNSATISFIABLE when it starts past the end.
 */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'UNSATISFIABLE' | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'UNSATISFIABLE';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (match[2] !== '' && Number(match[2]) < start) return null;
  if (start >= size) return 'UNSATISFIABLE';
  return { start, end };
}

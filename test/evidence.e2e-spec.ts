import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sandbridge/domain';
import {
  admitToTesting,
  buildSandbox,
  expectBadInput,
  expectError,
  expectOk,
  type Sandbox,
  submitTestReport,
  TestApp,
  waitFor,
} from '@sandbridge/testing';

// Evidence files over HTTP (POST /evidence, GET/HEAD /evidence/:id) and GraphQL, on the embedded
// database: what is stored is what was sent, byte for byte; what is refused leaves nothing behind.

const MAX = 3 * 1024 * 1024;
let t: TestApp;
let base: string;
let sb: Sandbox;
/** Another organisation's innovator. */
let other: string;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function upload(
  token: string | null,
  file: Buffer,
  name = 'file.bin',
  type = 'application/octet-stream',
  fields: Record<string, string> = {},
) {
  const call = t.http().post('/evidence');
  if (token) call.set('authorization', `Bearer ${token}`);
  for (const [key, value] of Object.entries(fields)) void call.field(key, value);
  return call.attach('file', file, { filename: name, contentType: type });
}

const download = (token: string, id: string) =>
  t
    .http()
    .get(`/evidence/${id}`)
    .set('authorization', `Bearer ${token}`)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

async function rows() {
  const [row] = await t.dataSource.query(
    `SELECT (SELECT count(*) FROM evidence)::int AS evidence, (SELECT count(*) FROM evidence_blob)::int AS blobs,
            (SELECT count(*) FROM evidence_chunk)::int AS chunks,
            (SELECT count(*) FROM evidence_blob WHERE status = 'PENDING')::int AS pending`,
  );
  return row as { evidence: number; blobs: number; chunks: number; pending: number };
}

/** A PDF-looking text: file-type needs the magic number only. */
const pdf = (text = randomUUID()) => Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`);
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/**
 * A raw multipart upload over its own socket, for what supertest cannot do: send more than the
 * limit as a stream, stop in the middle. `body(write)` writes the file's bytes.
 */
function rawUpload(token: string, filename = 'big.pdf') {
  const boundary = `----evidence${randomUUID()}`;
  const req = httpRequest(`${base}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  req.write(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const response = new Promise<{ status: number; body: string } | { error: string }>((resolve) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (error) => resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }));
  });
  return { req, response, end: () => req.end(`\r\n--${boundary}--\r\n`) };
}

beforeAll(async () => {
  t = await TestApp.create({ EVIDENCE_MAX_BYTES: String(MAX), EVIDENCE_MAX_CONCURRENT_UPLOADS: '2' });
  await t.app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  sb = await buildSandbox(t);
  const orgB = await t.createOrganisation(`Other ${randomUUID().slice(0, 8)}`, 'SG');
  other = (
    await t.accountWithToken(`other.${randomUUID().slice(0, 8)}@evidence.test`, Role.INNOVATOR, {
      organisationId: orgB,
    })
  ).token;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('POST /evidence', () => {
  it('stores the file and answers its fields; the hash is node:crypto’s', async () => {
    const bytes = Buffer.concat([pdf(), randomBytes(2.5 * 1024 * 1024)]);
    const res = await upload(sb.innovator.token, bytes, 'model-card.pdf', 'application/pdf', {
      title: 'Model card v1',
      effectiveDay: '2026-01-05',
      expiryDay: '2027-01-04',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      sha256: sha256(bytes),
      size: bytes.length,
      mediaType: 'application/pdf',
      filename: 'model-card.pdf',
      title: 'Model card v1',
      effectiveDay: '2026-01-05',
      expiryDay: '2027-01-04',
      deduplicated: false,
    });
    // Three chunks of at most 1 MiB, complete.
    const [blob] = await t.dataSource.query(
      `SELECT b.status, b.chunk_count FROM evidence_blob b JOIN evidence e ON e.blob_id = b.id WHERE e.id = $1`,
      [res.body.id],
    );
    expect(blob).toEqual({ status: 'COMPLETE', chunk_count: 3 });
    const [audit] = await t.dataSource.query(
      `SELECT action, entity_type FROM audit_entry WHERE entity_id = $1 ORDER BY seq`,
      [res.body.id],
    );
    expect(audit).toEqual({ action: 'UPLOAD_EVIDENCE', entity_type: 'EVIDENCE' });
  });

  it('the same bytes twice by one owner: the existing record, deduplicated; another owner gets its own record over the same blob', async () => {
    const bytes = pdf();
    const first = await upload(sb.innovator.token, bytes, 'a.pdf');
    const again = await upload(sb.innovator.token, bytes, 'renamed.pdf', 'application/pdf', { title: 'Other title' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ ...first.body, deduplicated: true });
    const before = await rows();
    const theirs = await upload(other, bytes, 'theirs.pdf');
    expect(theirs.body.id).not.toBe(first.body.id);
    expect(theirs.body.deduplicated).toBe(false);
    const after = await rows();
    expect(after).toEqual({ ...before, evidence: before.evidence + 1 });
  });

  it('the text fields are defaulted: title from the file name, effective day today', async () => {
    const res = await upload(sb.innovator.token, Buffer.from('a,b\n1,2\n'), 'results.csv', 'text/csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      mediaType: 'text/csv',
      title: 'results.csv',
      effectiveDay: new Date().toISOString().slice(0, 10),
      expiryDay: null,
    });
  });

  it('two simultaneous uploads of the same file: one blob, one evidence record', async () => {
    const bytes = Buffer.concat([pdf(), randomBytes(2 * 1024 * 1024)]);
    const before = await rows();
    const [a, b] = await Promise.all([
      upload(sb.innovator.token, bytes, 'same.pdf'),
      upload(sb.innovator.token, bytes, 'same.pdf'),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect([a.body.deduplicated, b.body.deduplicated].sort()).toEqual([false, true]);
    const after = await rows();
    expect(after).toEqual({
      evidence: before.evidence + 1,
      blobs: before.blobs + 1,
      chunks: before.chunks + 3,
      pending: 0,
    });
  });

  describe('bad input', () => {
    it('an empty file: 400 BAD_USER_INPUT', async () => {
      const before = await rows();
      const res = await upload(sb.innovator.token, Buffer.alloc(0), 'empty.pdf');
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', errors: [{ path: 'file', message: 'is empty' }] });
      expect(await rows()).toEqual(before);
    });

    it('a media type that lies: 415 naming both types, nothing kept', async () => {
      const before = await rows();
      const byName = await upload(sb.innovator.token, PNG, 'report.pdf');
      expect(byName.status).toBe(415);
      expect(byName.body).toEqual({
        error: {
          code: 'BAD_USER_INPUT',
          message: 'The file is declared as application/pdf but its content is image/png',
          errors: [{ path: 'file', message: 'The file is declared as application/pdf but its content is image/png' }],
        },
      });
      const byHeader = await upload(sb.innovator.token, pdf(), 'scan', 'image/png');
      expect(byHeader.status).toBe(415);
      expect(byHeader.body.error.message).toBe('The file is declared as image/png but its content is application/pdf');
      // Binary content under a text name: refused once the bytes show it is not text.
      const notText = await upload(
        sb.innovator.token,
        Buffer.concat([Buffer.from('col\n'), randomBytes(1500 * 1024)]),
        'data.csv',
      );
      expect(notText.status).toBe(415);
      expect(notText.body.error.message).toContain('not text');
      expect(await rows()).toEqual(before);
    });

    it('an executable: 415, whatever it is called', async () => {
      const elf = Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), randomBytes(200)]);
      const res = await upload(sb.innovator.token, elf, 'report.txt', 'text/plain');
      expect(res.status).toBe(415);
      expect(res.body.error.message).toMatch(/not accepted as evidence|declared as text\/plain/);
    });

    it('a ZIP bomb is stored as its bytes, never unpacked, and downloaded byte-identical', async () => {
      const bomb = zipOf('zeros.bin', Buffer.alloc(64 * 1024 * 1024));
      expect(bomb.length).toBeLessThan(200 * 1024);
      const res = await upload(sb.innovator.token, bomb, 'bomb.zip', 'application/zip');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ mediaType: 'application/zip', size: bomb.length, sha256: sha256(bomb) });
      const got = await download(sb.innovator.token, res.body.id);
      expect(got.status).toBe(200);
      expect(Buffer.compare(got.body as Buffer, bomb)).toBe(0);
    });

    it('a file name with path components, control characters and a bidi override is kept as a plain name', async () => {
      const res = await upload(sb.innovator.token, pdf(), '../../etc/re\u0001port\u202Efdp.pdf');
      expect(res.status).toBe(201);
      expect(res.body.filename).toBe('reportfdp.pdf');
      const got = await download(sb.innovator.token, res.body.id);
      expect(got.headers['content-disposition']).toBe('attachment; filename="reportfdp.pdf"');
    });

    it('bad days, an unknown field, no file part: 400 with the field', async () => {
      const bad = await upload(sb.innovator.token, pdf(), 'x.pdf', 'application/pdf', {
        effectiveDay: '2026-02-30',
        expiryDay: 'soon',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.errors.map((e: { path: string }) => e.path)).toEqual(['effectiveDay', 'expiryDay']);
      const before = await upload(sb.innovator.token, pdf(), 'x.pdf', 'application/pdf', {
        effectiveDay: '2026-02-10',
        expiryDay: '2026-02-01',
      });
      expect(before.body.error.errors).toEqual([{ path: 'expiryDay', message: 'must not be before effectiveDay' }]);
      const unknown = await upload(sb.innovator.token, pdf(), 'x.pdf', 'application/pdf', { owner: 'me' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.errors[0].path).toBe('owner');
      const none = await t
        .http()
        .post('/evidence')
        .set('authorization', `Bearer ${sb.innovator.token}`)
        .field('title', 'no file');
      expect(none.status).toBe(400);
      expect(none.body.error.errors).toEqual([expect.objectContaining({ path: 'file' })]);
      const json = await t
        .http()
        .post('/evidence')
        .set('authorization', `Bearer ${sb.innovator.token}`)
        .send({ file: 'x' });
      expect(json.status).toBe(400);
    });

    it('supersedes must name an evidence of the same owner', async () => {
      const theirs = (await upload(other, pdf(), 'theirs.pdf')).body.id as string;
      const res = await upload(sb.innovator.token, pdf(), 'mine.pdf', 'application/pdf', { supersedes: theirs });
      expect(res.status).toBe(400);
      expect(res.body.error.errors).toEqual([
        { path: 'supersedes', message: 'must be the id of an evidence file of your own' },
      ]);
      const earlier = (await upload(sb.innovator.token, pdf(), 'v1.pdf')).body.id as string;
      const revision = await upload(sb.innovator.token, pdf(), 'v2.pdf', 'application/pdf', { supersedes: earlier });
      expect(revision.status).toBe(201);
      const shown = expectOk(
        await t.gql(
          'query($id: ID!) { evidence(id: $id) { supersedes { id } } }',
          { id: revision.body.id },
          sb.innovator.token,
        ),
      );
      expect(shown.evidence.supersedes).toEqual({ id: earlier });
    });

    it('unauthenticated: 401; a bad token: 401', async () => {
      const none = await upload(null, pdf());
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe('UNAUTHENTICATED');
      const bad = await upload('not-a-token', pdf());
      expect(bad.status).toBe(401);
      const admin = await upload(await t.adminToken(), pdf());
      expect(admin.status).toBe(403);
    });
  });

  it('over the limit: 413 PAYLOAD_TOO_LARGE as soon as it is passed, and the connection is closed long before the client is done', async () => {
    const before = await rows();
    const upload = rawUpload(sb.innovator.token);
    upload.req.write(pdf());
    const piece = randomBytes(64 * 1024);
    const intended = 1024 * 1024 * 1024;
    let sent = 0;
    let answered = false;
    void upload.response.then(() => (answered = true));
    while (!answered && sent < intended && !upload.req.destroyed) {
      if (!upload.req.write(piece))
        await Promise.race([new Promise((r) => upload.req.once('drain', r)), upload.response]);
      sent += piece.length;
    }
    const response = await upload.response;
    expect(response).toMatchObject({ status: 413 });
    expect(JSON.parse((response as { body: string }).body)).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: `The file is larger than the ${MAX} bytes evidence may have` },
    });
    // The client stopped after a few MiB of the GiB it meant to send.
    expect(sent).toBeLessThan(32 * 1024 * 1024);
    upload.req.destroy();
    await waitFor('no PENDING blob', async () => (await rows()).pending === 0);
    expect(await rows()).toEqual(before);
  });

  it('an interrupted upload (socket destroyed mid-body) leaves nothing: no evidence, no blob, no chunk, nothing PENDING', async () => {
    const before = await rows();
    const upload = rawUpload(sb.innovator.token, 'interrupted.pdf');
    upload.req.write(pdf());
    upload.req.write(randomBytes(2 * 1024 * 1024 + 5));
    // Wait until chunks of it are stored, then go away.
    await waitFor('chunks stored', async () => (await rows()).chunks >= before.chunks + 2);
    expect((await rows()).pending).toBe(1);
    upload.req.destroy();
    await upload.response;
    await waitFor('no PENDING blob', async () => (await rows()).pending === 0);
    expect(await rows()).toEqual(before);
  });

  it('more concurrent uploads than EVIDENCE_MAX_CONCURRENT_UPLOADS: 429 TOO_MANY_REQUESTS', async () => {
    const before = await rows();
    const slow = [rawUpload(sb.innovator.token), rawUpload(sb.innovator.token)];
    for (const s of slow) s.req.write(Buffer.concat([pdf(), randomBytes(100 * 1024)]));
    await waitFor('two uploads in progress', async () => (await rows()).pending === 2);
    const third = await upload(sb.innovator.token, pdf(), 'third.pdf');
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(third.headers['retry-after']).toBe('1');
    for (const s of slow) s.req.destroy();
    await waitFor('no PENDING blob', async () => (await rows()).pending === 0);
    expect(await rows()).toEqual(before);
    expect((await upload(sb.innovator.token, pdf(), 'fourth.pdf')).status).toBe(201);
  });
});

describe('GET /evidence/:id', () => {
  let id: string;
  let bytes: Buffer;

  beforeAll(async () => {
    bytes = Buffer.concat([pdf(), randomBytes(2 * 1024 * 1024 + 1234)]);
    id = (await upload(sb.innovator.token, bytes, 'Résumé (final).pdf', 'application/pdf')).body.id;
  });

  it('streams the bytes back with the headers of a download', async () => {
    const res = await download(sb.innovator.token, id);
    expect(res.status).toBe(200);
    expect(Buffer.compare(res.body as Buffer, bytes)).toBe(0);
    expect(res.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(bytes.length),
      'content-disposition': `attachment; filename="R?sum? (final).pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%28final%29.pdf`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-security-policy': "default-src 'none'; sandbox",
      etag: `"${sha256(bytes)}"`,
      'accept-ranges': 'bytes',
    });
    const inline = await t.http().get(`/evidence/${id}?inline=1`).set('authorization', `Bearer ${sb.innovator.token}`);
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
  });

  it('?inline=1 is for PDFs and images only', async () => {
    const text = (await upload(sb.innovator.token, Buffer.from('<script>alert(1)</script>'), 'x.txt', 'text/plain'))
      .body;
    const res = await t
      .http()
      .get(`/evidence/${text.id}?inline=1`)
      .set('authorization', `Bearer ${sb.innovator.token}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="x.txt"');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('If-None-Match with the ETag: 304 without a body', async () => {
    const res = await t
      .http()
      .get(`/evidence/${id}`)
      .set('authorization', `Bearer ${sb.innovator.token}`)
      .set('if-none-match', `"${sha256(bytes)}"`);
    expect(res.status).toBe(304);
    expect(res.text ?? '').toBe('');
  });

  it('a single Range: 206 with Content-Range, across chunk boundaries; past the end: 416', async () => {
    const start = 1024 * 1024 - 10;
    const end = 2 * 1024 * 1024 + 20;
    const res = await download(sb.innovator.token, id).set('range', `bytes=${start}-${end}`);
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${bytes.length}`);
    expect(Buffer.compare(res.body as Buffer, bytes.subarray(start, end + 1))).toBe(0);
    const tail = await download(sb.innovator.token, id).set('range', 'bytes=-100');
    expect(Buffer.compare(tail.body as Buffer, bytes.subarray(bytes.length - 100))).toBe(0);
    const past = await t
      .http()
      .get(`/evidence/${id}`)
      .set('authorization', `Bearer ${sb.innovator.token}`)
      .set('range', `bytes=${bytes.length}-`);
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${bytes.length}`);
  });

  it('HEAD: the headers, no body', async () => {
    const res = await t.http().head(`/evidence/${id}`).set('authorization', `Bearer ${sb.innovator.token}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String(bytes.length));
    expect(res.headers.etag).toBe(`"${sha256(bytes)}"`);
  });

  it('unknown, malformed and another organisation’s ids: the same 404; no token: 401', async () => {
    const answers = await Promise.all(
      [randomUUID(), 'not-an-id', id].map((x) =>
        t
          .http()
          .get(`/evidence/${encodeURIComponent(x)}`)
          .set('authorization', `Bearer ${other}`),
      ),
    );
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: 'No such evidence' } });
    }
    expect(answers[2].text).toBe(answers[0].text);
    const anonymous = await t.http().get(`/evidence/${id}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('who may read, and the audit trail', () => {
  let fileId: string;
  let reportId: string;
  const downloads = async (id: string) =>
    (await t.dataSource.query(
      `SELECT actor_account_id FROM audit_entry WHERE action = 'DOWNLOAD_EVIDENCE' AND entity_type = 'EVIDENCE' AND entity_id = $1`,
      [id],
    )) as { actor_account_id: string }[];

  beforeAll(async () => {
    const fca = sb.authority.FCA;
    const enrolment = await admitToTesting(t, sb, fca);
    const report = await submitTestReport(t, sb, {
      enrolmentId: enrolment.id,
      submittedTo: fca.id,
      testedIn: 'GB',
      periodEnd: '2026-02-05',
      confidentiality: 'HOME_AUTHORITY',
      results: [{ criterionId: fca.criteria.TESTING[0], value: 0.9 }],
    });
    reportId = report.id;
    fileId = (await upload(sb.innovator.token, pdf(), 'lab-report.pdf')).body.id;
    // What a result naming a file stores (the result's evidence reference).
    await t.dataSource.query('UPDATE test_result SET evidence_id = $1 WHERE report_id = $2', [fileId, reportId]);
  }, 120_000);

  it('a regulator who may read the report naming the file downloads it, and the download is audited', async () => {
    const fca = sb.authority.FCA;
    const res = await download(fca.regulator.token, fileId);
    expect(res.status).toBe(200);
    expect(await downloads(fileId)).toEqual([{ actor_account_id: fca.regulator.id }]);
    // HEAD and 304 send no bytes: not audited.
    await t.http().head(`/evidence/${fileId}`).set('authorization', `Bearer ${fca.regulator.token}`);
    await t
      .http()
      .get(`/evidence/${fileId}`)
      .set('authorization', `Bearer ${fca.regulator.token}`)
      .set('if-none-match', res.headers.etag);
    expect(await downloads(fileId)).toHaveLength(1);
    const shown = expectOk(
      await t.gql(
        'query($id: ID!) { evidence(id: $id) { id organisation { id } supersededBy { id } } }',
        { id: fileId },
        fca.regulator.token,
      ),
    );
    expect(shown.evidence).toEqual({ id: fileId, organisation: { id: sb.innovator.organisationId }, supersededBy: [] });
  });

  it('a regulator the report’s confidentiality leaves out: 404, as for an unknown id', async () => {
    const mas = sb.authority.MAS;
    const res = await t.http().get(`/evidence/${fileId}`).set('authorization', `Bearer ${mas.regulator.token}`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: 'No such evidence' } });
    expectError(
      await t.gql('query($id: ID!) { evidence(id: $id) { id } }', { id: fileId }, mas.regulator.token),
      'NOT_FOUND',
    );
  });

  it('the owner’s downloads are audited unless a PUBLIC report names the file', async () => {
    await download(sb.innovator.token, fileId);
    expect(await downloads(fileId)).toHaveLength(2);
    await t.dataSource.query(`UPDATE test_report SET confidentiality = 'PUBLIC' WHERE id = $1`, [reportId]);
    await download(sb.innovator.token, fileId);
    expect(await downloads(fileId)).toHaveLength(2);
    // Published: every authority reads it (and is audited), never another innovator.
    expect((await download(sb.authority.MAS.regulator.token, fileId)).status).toBe(200);
    expect(await downloads(fileId)).toHaveLength(3);
    expect((await t.http().get(`/evidence/${fileId}`).set('authorization', `Bearer ${other}`)).status).toBe(404);
  });

  it('a regulator’s own file belongs to its authority', async () => {
    const fca = sb.authority.FCA;
    const res = await upload(fca.regulator.token, pdf(), 'guidance.pdf');
    expect(res.status).toBe(201);
    const shown = expectOk(
      await t.gql(
        'query($id: ID!) { evidence(id: $id) { authority { id } organisation { id } } }',
        { id: res.body.id },
        fca.regulator.token,
      ),
    );
    expect(shown.evidence).toEqual({ authority: { id: fca.id }, organisation: null });
    expect((await download(sb.authority.MAS.regulator.token, res.body.id)).status).toBe(404);
  });
});

describe('GraphQL', () => {
  const FIELDS =
    'id sha256 size mediaType filename title effectiveDay expiryDay expired downloadPath version uploadedAt';
  let owner: string;

  beforeAll(async () => {
    const org = await t.createOrganisation(`GraphQL ${randomUUID().slice(0, 8)}`, 'GB');
    owner = (
      await t.accountWithToken(`gql.${randomUUID().slice(0, 8)}@evidence.test`, Role.INNOVATOR, { organisationId: org })
    ).token;
  });

  const up = async (title: string, fields: Record<string, string> = {}) =>
    (await upload(owner, pdf(), `${title}.pdf`, 'application/pdf', { title, ...fields })).body.id as string;
  const list = async (vars: Record<string, unknown>) =>
    expectOk(
      await t.gql(
        'query($first: Int, $after: String, $filter: EvidenceFilter) { evidenceList(first: $first, after: $after, filter: $filter) { totalCount edges { cursor node { id title } } pageInfo { hasNextPage endCursor } } }',
        vars,
        owner,
      ),
    ).evidenceList;

  it('evidence(id): the fields; expired when the expiry day is past', async () => {
    const id = await up('Old certificate', { effectiveDay: '2020-01-01', expiryDay: '2021-01-01' });
    const shown = expectOk(await t.gql(`query($id: ID!) { evidence(id: $id) { ${FIELDS} } }`, { id }, owner)).evidence;
    expect(shown).toMatchObject({
      id,
      mediaType: 'application/pdf',
      filename: 'Old certificate.pdf',
      effectiveDay: '2020-01-01',
      expiryDay: '2021-01-01',
      expired: true,
      downloadPath: `/evidence/${id}`,
      version: 1,
    });
    expectError(await t.gql('query($id: ID!) { evidence(id: $id) { id } }', { id }, other), 'NOT_FOUND');
    expectError(await t.gql('query($id: ID!) { evidence(id: $id) { id } }', { id: randomUUID() }, owner), 'NOT_FOUND');
  });

  it('evidenceList: newest first, paginated, filtered by search, expiry and revisions', async () => {
    const a = await up('Alpha datasheet');
    const b = await up('Beta model card', { expiryDay: '2099-01-01' });
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const c = await up('Gamma audit', { expiryDay: soon });
    const all = await list({ first: 100 });
    const ids = all.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids.indexOf(c)).toBeLessThan(ids.indexOf(b));
    expect(ids.indexOf(b)).toBeLessThan(ids.indexOf(a));
    const page1 = await list({ first: 2 });
    const page2 = await list({ first: 2, after: page1.pageInfo.endCursor });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page2.edges[0].node.id).toBe(ids[2]);
    expect((await list({ filter: { search: 'MODEL CARD' } })).edges.map((e: any) => e.node.id)).toEqual([b]);
    const expiring = (await list({ filter: { expiringWithinDays: 30 } })).edges.map((e: any) => e.node.id);
    expect(expiring).toContain(c);
    expect(expiring).not.toContain(b);
    expectBadInput(await t.gql('query { evidenceList(after: "nonsense") { totalCount } }', {}, owner), 'after');
    // Revised: the earlier one leaves the list unless asked for.
    const revision = await up('Alpha datasheet v2');
    expectOk(
      await t.gql(
        'mutation($input: ReviseEvidenceInput!) { reviseEvidence(input: $input) { id } }',
        { input: { id: a, revisionId: revision } },
        owner,
      ),
    );
    expect((await list({ first: 100 })).edges.map((e: any) => e.node.id)).not.toContain(a);
    expect(
      (await list({ first: 100, filter: { includeSuperseded: true } })).edges.map((e: any) => e.node.id),
    ).toContain(a);
    expectError(await t.gql('query { evidenceList { totalCount } }', {}, await t.adminToken()), 'FORBIDDEN');
  });

  it('updateEvidenceMetadata: owner only, CONFLICT on a stale version, BAD_USER_INPUT for an expiry before the effective day', async () => {
    const id = await up('Draft', { effectiveDay: '2026-01-01' });
    const UPDATE = `mutation($input: UpdateEvidenceMetadataInput!) { updateEvidenceMetadata(input: $input) { ${FIELDS} } }`;
    const updated = expectOk(
      await t.gql(UPDATE, { input: { id, title: 'Final', expiryDay: '2026-12-31', expectedVersion: 1 } }, owner),
    ).updateEvidenceMetadata;
    expect(updated).toMatchObject({ title: 'Final', expiryDay: '2026-12-31', version: 2 });
    expect(
      expectError(await t.gql(UPDATE, { input: { id, title: 'Again', expectedVersion: 1 } }, owner), 'CONFLICT')
        .extensions,
    ).toMatchObject({ reason: 'STALE_VERSION' });
    expectBadInput(await t.gql(UPDATE, { input: { id, expiryDay: '2025-12-31' } }, owner), 'input.expiryDay');
    expectBadInput(await t.gql(UPDATE, { input: { id, effectiveDay: '2027-01-01' } }, owner), 'input.effectiveDay');
    const cleared = expectOk(
      await t.gql(UPDATE, { input: { id, clearExpiry: true, effectiveDay: '2027-01-01' } }, owner),
    ).updateEvidenceMetadata;
    expect(cleared).toMatchObject({ expiryDay: null, effectiveDay: '2027-01-01', version: 3 });
    expectError(await t.gql(UPDATE, { input: { id, title: 'Theirs' } }, other), 'NOT_FOUND');
    expectBadInput(await t.gql(UPDATE, { input: { id: 'nope' } }, owner), 'input.id');
  });

  it('reviseEvidence: the revision supersedes the earlier one; self, cycles and second revisions refused', async () => {
    const REVISE =
      'mutation($input: ReviseEvidenceInput!) { reviseEvidence(input: $input) { id version supersedes { id supersededBy { id } } } }';
    const v1 = await up('Policy v1');
    const v2 = await up('Policy v2');
    const v3 = await up('Policy v3');
    const revised = expectOk(await t.gql(REVISE, { input: { id: v1, revisionId: v2 } }, owner)).reviseEvidence;
    expect(revised).toEqual({ id: v2, version: 2, supersedes: { id: v1, supersededBy: [{ id: v2 }] } });
    expectBadInput(await t.gql(REVISE, { input: { id: v3, revisionId: v3 } }, owner), 'input.revisionId');
    // v2 already revises v1: it cannot revise another file too.
    expectBadInput(await t.gql(REVISE, { input: { id: v3, revisionId: v2 } }, owner), 'input.revisionId');
    // v1 is already superseded (by v2): another revision of it is a CONFLICT.
    expectError(await t.gql(REVISE, { input: { id: v1, revisionId: v3 } }, owner), 'CONFLICT');
    // v3 revises v2; then v1 (an ancestor of v3) may not revise v3: a circle.
    expectOk(await t.gql(REVISE, { input: { id: v2, revisionId: v3 } }, owner));
    const v0 = await up('Policy v0');
    expectOk(await t.gql(REVISE, { input: { id: v3, revisionId: v0 } }, owner));
    // v1 ← v2 ← v3 ← v0: v1 (which revises nothing) revising v0 would close a circle.
    const circle = expectBadInput(
      await t.gql(REVISE, { input: { id: v0, revisionId: v1 } }, owner),
      'input.revisionId',
    );
    expect(circle.message).toContain('circle');
    expectError(await t.gql(REVISE, { input: { id: v1, revisionId: v3 } }, other), 'NOT_FOUND');
  });
});

/** A ZIP of one deflated entry (`content` compresses about a thousandfold when it is zeros). */
function zipOf(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content, { level: 9 });
  const nameBytes = Buffer.from(name);
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const centralOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

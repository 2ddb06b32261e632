import { createHash, createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sandbridge/domain';
import canonicalize from 'canonicalize';
import {
  agreePlan,
  buildSandbox,
  entryResultsMeeting,
  expectBadInput,
  expectError,
  expectNoLeak,
  expectOk,
  type Sandbox,
  type SandboxAuthority,
  submitTestReport,
  TestApp,
} from '@sandbridge/testing';
import { verify as verifyCommand } from '../apps/cli/src/commands/verify.command.js';

// Exit documents end to end (docs/domain.md#exit-documents, #signatures, #public-registry): the
// written proof issued at each final exit decision; the exit report an authority drafts and issues,
// signed and never changed, corrected by a superseding version; the participant's consent to
// publish; the public registry without signing in. Signatures are checked here by an independent
// implementation (node:crypto and canonicalize against the JWK published at
// GET /.well-known/sandbridge-keys), and by the CLI's offline `verify`.

type Vars = Record<string, unknown>;
type Signed = { document: Record<string, any>; sha256: string; signature: string; keyId: string };
type Jwks = { keys: { kid: string; kty: string; crv: string; x: string }[] };

const REF = 'id state version';
const step = (name: string, type = 'EnrolmentActionInput') =>
  `mutation($input: ${type}!) { ${name}(input: $input) { ${REF} } }`;
const VERSION_FIELDS = `id enrolmentId authority { acronym } version status revision supersedes supersededBy supersededAt issuedAt
  draft { keyIssues { text confidentiality } seriousIncidents { text confidentiality } lessonsLearned { text confidentiality } incidentOutcomes { incidentId outcome } }
  document signed publicCopy withheld markdown publication { published consentedAt withdrawnAt }`;
const PROOF_FIELDS = 'id enrolmentId authority { acronym } issuedAt completed document signed withheld markdown';
const EXIT_DOCUMENTS = `query($id: ID!) { exitReport(enrolmentId: $id) { authorities {
  acronym writtenProof { ${PROOF_FIELDS} } issuedReport { ${VERSION_FIELDS} } draftReport { ${VERSION_FIELDS} } reportVersions { id version status }
} } }`;
const WRITTEN_PROOF = `query($e: ID!, $a: ID!) { writtenProof(enrolmentId: $e, authorityId: $a) { ${PROOF_FIELDS} } }`;
const DRAFT = `mutation($input: DraftExitReportInput!) { draftExitReport(input: $input) { ${VERSION_FIELDS} } }`;
const ISSUE = `mutation($input: IssueExitReportInput!) { issueExitReport(input: $input) { ${VERSION_FIELDS} } }`;
const CONSENT = `mutation($input: ExitReportIdInput!) { consentToPublication(input: $input) { ${VERSION_FIELDS} } }`;
const WITHDRAW = `mutation($input: ExitReportIdInput!) { withdrawPublicationConsent(input: $input) { ${VERSION_FIELDS} } }`;
const VERIFY = `query($d: JSON!) { verifyDocument(document: $d) { valid path reason keyId format documentId supersededBy } }`;
const PUBLIC_REPORTS = `query($first: Int, $programmeId: ID) { publicExitReports(first: $first, programmeId: $programmeId) {
  totalCount edges { node { id version issuedAt authority { acronym } programme { id name } organisation { name } aiSystem { name } signed markdown } }
} }`;
const PUBLIC_PROGRAMMES = `query($first: Int, $after: String) { publicProgrammes(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id name status sectors jointEntryRule cohortCapacity publishedExitReports
    authorities { isLead authority { acronym jurisdiction } criteria { stage key title version mandatory } }
    funnel { submitted { count suppressed } tested { count suppressed } exited { count suppressed } declined { count suppressed } withdrawn { count suppressed }
      authorities { authorityId targeted { count suppressed } admitted { count suppressed } authorised { count suppressed } rejected { count suppressed } declined { count suppressed } } }
  } }
} }`;

let t: TestApp;
let sb: Sandbox;
let fca: SandboxAuthority;
let mas: SandboxAuthority;
let jwks: Jwks;
let enrolmentId: string;
let otherInnovator: string;
let homeReportId: string;
let seriousIncidentId: string;

async function ok<T = any>(query: string, variables: Vars, token?: string): Promise<T> {
  return expectOk(await t.gql(query, variables, token)) as T;
}

/** What an outside party does: node:crypto and an RFC 8785 library, against the published JWK set. */
function verifiedIndependently(signed: Signed, keys: Jwks = jwks): boolean {
  const jwk = keys.keys.find((k) => k.kid === signed.keyId);
  if (!jwk) return false;
  const bytes = Buffer.from(canonicalize(signed.document)!, 'utf8');
  let signature: Buffer;
  try {
    signature = Buffer.from(signed.signature, 'base64url');
  } catch {
    return false;
  }
  return (
    createHash('sha256').update(bytes).digest('hex') === signed.sha256 &&
    signature.toString('base64url') === signed.signature &&
    verify(null, bytes, createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' }), signature)
  );
}

/** `text` with the character at `at` replaced by another of the same alphabet (one byte changed). */
const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

/** The signed document with one byte of it changed: the last character of its exit decision's reasons. */
function tamperedDocument(signed: Signed): Signed {
  const document = structuredClone(signed.document);
  const reasons: string = document.exitDecision.reasons;
  document.exitDecision.reasons = reasons.slice(0, -1) + (reasons.endsWith('D') ? 'E' : 'D');
  return { ...signed, document };
}

async function decide(ref: { id: string; version: number }, authority: SandboxAuthority, decision: string) {
  return ok(
    step('decideExit', 'DecideExitInput'),
    {
      input: {
        enrolmentId: ref.id,
        expectedVersion: ref.version,
        decision,
        reasons: `${authority.acronym}: ${decision}`,
      },
    },
    authority.regulator.token,
  ).then((r) => r.decideExit);
}

async function enrolment(id: string) {
  return (await ok(`query($id: ID!) { enrolment(id: $id) { ${REF} } }`, { id }, sb.innovator.token)).enrolment;
}

async function documents(token: string) {
  const report = (await ok(EXIT_DOCUMENTS, { id: enrolmentId }, token)).exitReport;
  return Object.fromEntries(report.authorities.map((a: any) => [a.acronym, a])) as Record<string, any>;
}

beforeAll(async () => {
  t = await TestApp.create();
  sb = await buildSandbox(t);
  fca = sb.authority.FCA;
  mas = sb.authority.MAS;
  jwks = (await t.http().get('/.well-known/sandbridge-keys').expect(200)).body;
  const orgB = await t.createOrganisation('Another innovator', 'SG');
  otherInnovator = (
    await t.accountWithToken('other.innovator@exit-docs.test', Role.INNOVATOR, { organisationId: orgB })
  ).token;

  // One enrolment targeting FCA and MAS, admitted by both.
  let ref = (
    await ok(
      `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { ${REF} } }`,
      {
        input: {
          programmeId: sb.programmeId,
          aiSystemId: sb.systemId,
          targetAuthorityIds: [fca.id, mas.id],
          entryResults: entryResultsMeeting([fca, mas]),
        },
      },
      sb.innovator.token,
    )
  ).createEnrolment;
  const act = async (name: string, token: string, extra: Vars = {}, type?: string) => {
    ref = (
      await ok(step(name, type), { input: { enrolmentId: ref.id, expectedVersion: ref.version, ...extra } }, token)
    )[name];
  };
  await act('submitEnrolment', sb.innovator.token);
  await act('startReview', fca.regulator.token);
  await act('decideEntry', fca.regulator.token, { decision: 'ADMIT', reasons: 'FCA: ready' }, 'DecideEntryInput');
  await act('decideEntry', mas.regulator.token, { decision: 'ADMIT', reasons: 'MAS: ready' }, 'DecideEntryInput');
  expect(ref.state).toBe('TESTING');
  enrolmentId = ref.id;
  // The sandbox plan agreed by both, then amended: version 2 is in force when the tracks exit.
  ref = (await agreePlan(t, ref, sb.innovator.token, [fca.regulator.token, mas.regulator.token])).enrolment;

  // A HOME_AUTHORITY report to the FCA decides its disparity criterion; a PUBLIC one its attestation.
  const home = await submitTestReport(t, sb, {
    enrolmentId,
    submittedTo: fca.id,
    testedIn: 'GB',
    periodEnd: '2026-03-01',
    confidentiality: 'HOME_AUTHORITY',
    results: [
      { criterionId: fca.criteria.EXIT[0], value: 0.04 },
      { criterionId: fca.criteria.TESTING[0], value: 0.91 },
    ],
  });
  homeReportId = home.id;
  await submitTestReport(t, sb, {
    enrolmentId,
    submittedTo: fca.id,
    testedIn: 'GB',
    periodEnd: '2026-03-02',
    confidentiality: 'PUBLIC',
    results: [{ criterionId: fca.criteria.EXIT[1], attested: true }],
  });
  await submitTestReport(t, sb, {
    enrolmentId,
    submittedTo: mas.id,
    testedIn: 'SG',
    periodEnd: '2026-03-03',
    confidentiality: 'PARTICIPANTS',
    results: [{ criterionId: mas.criteria.EXIT[1], attested: false }],
  });
  seriousIncidentId = (
    await ok(
      'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
      {
        input: {
          enrolmentId,
          severity: 'HIGH',
          description: 'Scores drifted for one postcode',
          harm: 'Unfair refusals',
          affectedJurisdictions: ['GB'],
        },
      },
      fca.regulator.token,
    )
  ).reportIncident.id;
  await ok(
    'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
    { input: { enrolmentId, severity: 'LOW', description: 'A slow day', affectedJurisdictions: ['SG'] } },
    sb.innovator.token,
  );
  const amended = await agreePlan(t, ref, sb.innovator.token, [mas.regulator.token, fca.regulator.token], {
    reasons: 'Monitoring of the drifting postcode added',
  });
  expect(amended.planVersion).toBe(2);
  ref = amended.enrolment;
  await act('requestExit', sb.innovator.token);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('the written proof', () => {
  it('is issued at a final exit decision only, per authority, signed; AUTHORISED means completed', async () => {
    let ref = await enrolment(enrolmentId);
    // No proof while nobody decided.
    expect(await ok(WRITTEN_PROOF, { e: enrolmentId, a: fca.id }, sb.innovator.token)).toEqual({ writtenProof: null });
    ref = await decide(ref, fca, 'AUTHORISED');
    expect(ref.state).toBe('EXIT_REVIEW');
    const { writtenProof: proof } = await ok(WRITTEN_PROOF, { e: enrolmentId, a: fca.id }, sb.innovator.token);
    expect(proof).toMatchObject({ enrolmentId, authority: { acronym: 'FCA' }, completed: true, withheld: 0 });
    expect(proof.document).toMatchObject({
      format: 'sandbridge/written-proof@1',
      id: proof.id,
      issuer: { id: fca.id, acronym: 'FCA', jurisdiction: 'GB' },
      enrolmentId,
      completed: true,
      exitDecision: { decision: 'AUTHORISED', reasons: 'FCA: AUTHORISED' },
      // The sandbox plan version in force when the track ended.
      planVersion: 2,
      activities: {
        reports: { submitted: 2, accepted: 0, rejected: 0, underReview: 2 },
        incidents: [{ severity: 'HIGH' }, { severity: 'LOW' }],
      },
    });
    expect(proof.document.activities.decisions.map((d: any) => `${d.action} ${d.decision}`)).toEqual([
      'DECIDE_ENTRY ADMIT',
      'DECIDE_EXIT AUTHORISED',
    ]);
    const requirements = proof.document.requirements.map((r: any) => [
      r.stage,
      r.outcome,
      r.basis?.confidentiality ?? null,
    ]);
    expect(requirements).toEqual([
      ['TESTING', 'MET', 'HOME_AUTHORITY'],
      ['EXIT', 'MET', 'HOME_AUTHORITY'],
      ['EXIT', 'MET', 'PUBLIC'],
    ]);
    expect(proof.signed.document).toEqual(proof.document);
    expect(proof.markdown).toContain('# Written proof — ');
    // MAS still decides: REJECTED is final too, and not completed. The enrolment exits.
    ref = await decide(await enrolment(enrolmentId), mas, 'REJECTED');
    expect(ref.state).toBe('EXITED');
    const { writtenProof: masProof } = await ok(WRITTEN_PROOF, { e: enrolmentId, a: mas.id }, sb.innovator.token);
    expect(masProof).toMatchObject({ completed: false, document: { exitDecision: { decision: 'REJECTED' } } });
    expect(await t.count('written_proof')).toBe(2);
  });

  it('verifies independently (node:crypto against the published JWK), and one changed byte of the document, the signature or the key id is detected', async () => {
    const { writtenProof: proof } = await ok(WRITTEN_PROOF, { e: enrolmentId, a: fca.id }, sb.innovator.token);
    const signed: Signed = proof.signed;
    expect(verifiedIndependently(signed)).toBe(true);
    // As the file travels: JSON text, parsed again.
    expect(verifiedIndependently(JSON.parse(JSON.stringify(signed, null, 2)))).toBe(true);
    const anonymous = async (d: unknown) => (await ok(VERIFY, { d })).verifyDocument;
    expect(await anonymous(signed)).toEqual({
      valid: true,
      path: null,
      reason: null,
      keyId: jwks.keys[0].kid,
      format: 'sandbridge/written-proof@1',
      documentId: proof.id,
      supersededBy: null,
    });
    const changed = tamperedDocument(signed);
    expect(
      Buffer.compare(Buffer.from(canonicalize(changed.document)!), Buffer.from(canonicalize(signed.document)!)),
    ).not.toBe(0);
    expect(canonicalize(changed.document)!.length).toBe(canonicalize(signed.document)!.length);
    const changedSignature = { ...signed, signature: flip(signed.signature, 10) };
    const changedKeyId = { ...signed, keyId: flip(signed.keyId, 0) };
    for (const [tampered, path] of [
      [changed, 'sha256'],
      [{ ...changed, sha256: createHash('sha256').update(canonicalize(changed.document)!).digest('hex') }, 'signature'],
      [changedSignature, 'signature'],
      [changedKeyId, 'keyId'],
    ] as const) {
      expect(verifiedIndependently(tampered)).toBe(false);
      expect(await anonymous(tampered)).toMatchObject({ valid: false, path });
    }
    // Not a signed document at all: an answer, not an error.
    expect(await anonymous({ document: {} })).toMatchObject({ valid: false, path: 'sha256' });
    expect(await anonymous('just text')).toMatchObject({ valid: false, path: '' });
  });

  it('verifies offline with the CLI against the key set saved from GET /.well-known/sandbridge-keys', async () => {
    const { writtenProof: proof } = await ok(WRITTEN_PROOF, { e: enrolmentId, a: fca.id }, sb.innovator.token);
    const run = async (signed: unknown) => {
      const out: string[] = [];
      const files: Record<string, string> = { 'keys.json': JSON.stringify(jwks), 'proof.json': JSON.stringify(signed) };
      const code = await verifyCommand(['--keys', 'keys.json', 'proof.json'], {
        readFile: async (path) => files[path],
        readStdin: async () => '',
        stdout: async (text) => void out.push(text),
        stderr: () => {},
      });
      return { code, result: JSON.parse(out.join('')) };
    };
    expect(await run(proof.signed)).toEqual({
      code: 0,
      result: {
        valid: true,
        keyId: proof.signed.keyId,
        sha256: proof.signed.sha256,
        format: 'sandbridge/written-proof@1',
        id: proof.id,
      },
    });
    expect(await run(tamperedDocument(proof.signed))).toMatchObject({
      code: 1,
      result: { valid: false, path: 'sha256' },
    });
  });

  it('shows another authority WITHHELD where a requirement rests on a result it may not read, and then no signature', async () => {
    const { writtenProof: proof } = await ok(WRITTEN_PROOF, { e: enrolmentId, a: fca.id }, mas.regulator.token);
    expect(proof.withheld).toBe(2);
    expect(proof.signed).toBeNull();
    expect(proof.document.requirements.map((r: any) => r.outcome)).toEqual(['WITHHELD', 'WITHHELD', 'MET']);
    expect(JSON.stringify(proof)).not.toContain(homeReportId);
    // The FCA reads its own in full; another organisation's innovator sees nothing.
    expect((await ok(WRITTEN_PROOF, { e: enrolmentId, a: fca.id }, fca.regulator.token)).writtenProof.withheld).toBe(0);
    expect(await ok(WRITTEN_PROOF, { e: enrolmentId, a: fca.id }, otherInnovator)).toEqual({ writtenProof: null });
    // On the exit report, each authority's section carries its proof.
    const shown = await documents(sb.innovator.token);
    expect(shown.FCA.writtenProof.id).toBe(proof.id);
    expect(shown.MAS.writtenProof.completed).toBe(false);
  });

  it('is never changed or deleted, even by SQL', async () => {
    await expect(t.dataSource.query("UPDATE written_proof SET document = '{}'")).rejects.toThrow(/never changed/);
    await expect(t.dataSource.query('DELETE FROM written_proof')).rejects.toThrow(/never changed/);
    expect(await t.count('written_proof')).toBe(2);
  });
});

describe('the exit report', () => {
  let v1: any;
  let v2: any;

  it('is drafted by the authority whose track has a final exit decision, only by it, and seen as a draft only by it', async () => {
    const input = {
      enrolmentId,
      keyIssues: { text: 'Explainability of refusals: resolved by reason codes.', confidentiality: 'PUBLIC' },
      seriousIncidents: { text: 'One drift incident, contained.', confidentiality: 'PARTICIPANTS' },
      lessonsLearned: { text: 'LESSONS-FOR-FCA-ONLY', confidentiality: 'HOME_AUTHORITY' },
      incidentOutcomes: [],
    };
    expectError(await t.gql(DRAFT, { input }, sb.innovator.token), 'FORBIDDEN');
    expectError(await t.gql(DRAFT, { input }, sb.authority['AI Office'].regulator.token), 'FORBIDDEN');
    // A LOW incident is not serious: no outcome is taken for it.
    const low = (
      await ok(
        `query($id: ID!) { enrolment(id: $id) { incidents { id severity } } }`,
        { id: enrolmentId },
        fca.regulator.token,
      )
    ).enrolment.incidents.find((i: any) => i.severity === 'LOW');
    expectBadInput(
      await t.gql(
        DRAFT,
        { input: { ...input, incidentOutcomes: [{ incidentId: low.id, outcome: 'x' }] } },
        fca.regulator.token,
      ),
      'input.incidentOutcomes[0].incidentId',
    );
    v1 = (await ok(DRAFT, { input }, fca.regulator.token)).draftExitReport;
    expect(v1).toMatchObject({
      version: 1,
      status: 'DRAFT',
      revision: 1,
      supersedes: null,
      document: null,
      signed: null,
      publicCopy: null,
    });
    expect(v1.draft.keyIssues).toEqual(input.keyIssues);
    // One draft at a time.
    expectError(await t.gql(DRAFT, { input }, fca.regulator.token), 'CONFLICT');
    expect((await documents(fca.regulator.token)).FCA.draftReport.id).toBe(v1.id);
    for (const token of [mas.regulator.token, sb.innovator.token])
      expect((await documents(token)).FCA).toMatchObject({ draftReport: null, issuedReport: null, reportVersions: [] });
  });

  it('is issued only complete, at the revision read; then signed in full and as its public copy', async () => {
    expectError(
      await t.gql(ISSUE, { input: { exitReportId: v1.id, expectedRevision: 1 } }, mas.regulator.token),
      'NOT_FOUND',
    );
    const incomplete = await t.gql(ISSUE, { input: { exitReportId: v1.id, expectedRevision: 1 } }, fca.regulator.token);
    expectBadInput(incomplete, `draft.incidentOutcomes[${seriousIncidentId}]`);
    const withOutcome = (
      await ok(
        DRAFT,
        {
          input: {
            enrolmentId,
            exitReportId: v1.id,
            expectedRevision: 1,
            keyIssues: v1.draft.keyIssues,
            seriousIncidents: v1.draft.seriousIncidents,
            lessonsLearned: v1.draft.lessonsLearned,
            incidentOutcomes: [{ incidentId: seriousIncidentId, outcome: 'Model retrained; no recurrence.' }],
          },
        },
        fca.regulator.token,
      )
    ).draftExitReport;
    expect(withOutcome.revision).toBe(2);
    expectError(
      await t.gql(ISSUE, { input: { exitReportId: v1.id, expectedRevision: 1 } }, fca.regulator.token),
      'CONFLICT',
    );
    v1 = (await ok(ISSUE, { input: { exitReportId: v1.id, expectedRevision: 2 } }, fca.regulator.token))
      .issueExitReport;
    expect(v1).toMatchObject({
      status: 'ISSUED',
      version: 1,
      draft: null,
      withheld: 0,
      publication: { published: false },
    });
    expect(verifiedIndependently(v1.signed)).toBe(true);
    expect(verifiedIndependently(v1.publicCopy)).toBe(true);
    const full = v1.signed.document;
    expect(full).toMatchObject({
      format: 'sandbridge/exit-report@1',
      copy: 'FULL',
      id: v1.id,
      version: 1,
      issuer: { acronym: 'FCA' },
      trackState: 'AUTHORISED',
      planVersion: 2,
    });
    expect(full.sections.seriousIncidents.incidents).toEqual([
      expect.objectContaining({ id: seriousIncidentId, severity: 'HIGH', outcome: 'Model retrained; no recurrence.' }),
    ]);
    // Every report the FCA may read: its own HOME_AUTHORITY and PUBLIC ones, MAS's PARTICIPANTS one.
    expect(full.reports.map((r: any) => r.confidentiality).sort()).toEqual([
      'HOME_AUTHORITY',
      'PARTICIPANTS',
      'PUBLIC',
    ]);
    // The public copy: PUBLIC only — no HOME_AUTHORITY report, no criterion it decided, no section not PUBLIC.
    const copy = v1.publicCopy.document;
    expect(copy.copy).toBe('PUBLIC');
    expect(Object.keys(copy.sections)).toEqual(['keyIssues']);
    expect(copy.reports.map((r: any) => r.confidentiality)).toEqual(['PUBLIC']);
    expect(copy.criteria.map((c: any) => c.key)).toEqual([
      full.criteria.find((c: any) => c.basis?.confidentiality === 'PUBLIC').key,
    ]);
    const text = JSON.stringify(copy);
    for (const secret of [homeReportId, 'LESSONS-FOR-FCA-ONLY', 'HOME_AUTHORITY', 'PARTICIPANTS', 'drift', 'WITHHELD'])
      expect(text).not.toContain(secret);
  });

  it('never changes once issued: every mutation on it is refused with a stable reason, and SQL by a trigger', async () => {
    const again = await t.gql(ISSUE, { input: { exitReportId: v1.id, expectedRevision: 2 } }, fca.regulator.token);
    expect(expectError(again, 'INVALID_TRANSITION').extensions?.reason).toBe('EXIT_REPORT_ISSUED');
    const edit = await t.gql(
      DRAFT,
      { input: { enrolmentId, exitReportId: v1.id, keyIssues: { text: 'Rewritten history' } } },
      fca.regulator.token,
    );
    expect(expectError(edit, 'INVALID_TRANSITION').extensions?.reason).toBe('EXIT_REPORT_ISSUED');
    await expect(t.dataSource.query(`UPDATE exit_report SET document = '{}' WHERE id = $1`, [v1.id])).rejects.toThrow(
      /never changed/,
    );
    await expect(t.dataSource.query(`UPDATE exit_report SET status = 'DRAFT' WHERE id = $1`, [v1.id])).rejects.toThrow(
      /never changed/,
    );
    await expect(t.dataSource.query(`DELETE FROM exit_report WHERE id = $1`, [v1.id])).rejects.toThrow(/never changed/);
    const shown = (await documents(fca.regulator.token)).FCA.issuedReport;
    expect(shown.signed).toEqual(v1.signed);
  });

  it('is shown to another authority with what it may not read withheld, and without the signature', async () => {
    const shown = (await documents(mas.regulator.token)).FCA.issuedReport;
    expect(shown.signed).toBeNull();
    expect(shown.withheld).toBeGreaterThan(0);
    expect(Object.keys(shown.document.sections).sort()).toEqual(['keyIssues', 'seriousIncidents']);
    expect(JSON.stringify(shown.document)).not.toContain(homeReportId);
    expect(shown.document.criteria.map((c: any) => c.outcome)).toContain('WITHHELD');
    expect(verifiedIndependently(shown.publicCopy)).toBe(true);
    // The participant reads everything: the signed report itself.
    expect((await documents(sb.innovator.token)).FCA.issuedReport.signed).toEqual(v1.signed);
  });

  it('is corrected by a new issued version that supersedes the old one, which still verifies', async () => {
    const draft = (
      await ok(
        DRAFT,
        {
          input: {
            enrolmentId,
            keyIssues: { text: 'Explainability of refusals: resolved by reason codes (corrected).' },
            seriousIncidents: { text: 'One drift incident, contained.', confidentiality: 'PUBLIC' },
            lessonsLearned: { text: 'LESSONS-FOR-FCA-ONLY', confidentiality: 'HOME_AUTHORITY' },
            incidentOutcomes: [{ incidentId: seriousIncidentId, outcome: 'Model retrained; no recurrence.' }],
          },
        },
        fca.regulator.token,
      )
    ).draftExitReport;
    expect(draft).toMatchObject({ version: 2, status: 'DRAFT', supersedes: v1.id });
    // The issued version stays in force until the correction is issued.
    expect((await documents(sb.innovator.token)).FCA.issuedReport.id).toBe(v1.id);
    v2 = (await ok(ISSUE, { input: { exitReportId: draft.id, expectedRevision: 1 } }, fca.regulator.token))
      .issueExitReport;
    expect(v2).toMatchObject({ status: 'ISSUED', version: 2, supersedes: v1.id });
    expect(v2.signed.document.supersedes).toBe(v1.id);
    expect(v2.publicCopy.document.sections.seriousIncidents.incidents[0].outcome).toBe(
      'Model retrained; no recurrence.',
    );
    const shown = await documents(sb.innovator.token);
    expect(shown.FCA.issuedReport.id).toBe(v2.id);
    expect(shown.FCA.reportVersions).toEqual([
      { id: v2.id, version: 2, status: 'ISSUED' },
      { id: v1.id, version: 1, status: 'SUPERSEDED' },
    ]);
    expect(verifiedIndependently(v1.signed)).toBe(true);
    expect((await ok(VERIFY, { d: v1.signed })).verifyDocument).toMatchObject({
      valid: true,
      documentId: v1.id,
      supersededBy: v2.id,
    });
    expect((await ok(VERIFY, { d: v1.publicCopy })).verifyDocument).toMatchObject({ valid: true, supersededBy: v2.id });
    expect((await ok(VERIFY, { d: v2.signed })).verifyDocument).toMatchObject({ valid: true, supersededBy: null });
    const superseded = await t.gql(DRAFT, { input: { enrolmentId, exitReportId: v1.id } }, fca.regulator.token);
    expect(expectError(superseded, 'INVALID_TRANSITION').extensions?.reason).toBe('EXIT_REPORT_SUPERSEDED');
  });

  it('is refused to an authority whose track is not final', async () => {
    const ref = (
      await ok(
        `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { ${REF} } }`,
        {
          input: {
            programmeId: sb.programmeId,
            aiSystemId: (
              await ok(
                'mutation($input: RegisterAiSystemInput!) { registerAiSystem(input: $input) { id } }',
                {
                  input: {
                    name: 'Second model',
                    sector: 'FINANCE',
                    intendedPurpose: 'Scores loans.',
                    riskClass: 'HIGH',
                  },
                },
                sb.innovator.token,
              )
            ).registerAiSystem.id,
            targetAuthorityIds: [fca.id],
            entryResults: entryResultsMeeting([fca]),
          },
        },
        sb.innovator.token,
      )
    ).createEnrolment;
    const submitted = (
      await ok(
        step('submitEnrolment'),
        { input: { enrolmentId: ref.id, expectedVersion: ref.version } },
        sb.innovator.token,
      )
    ).submitEnrolment;
    const res = await t.gql(
      DRAFT,
      { input: { enrolmentId: submitted.id, keyIssues: { text: 'Too early' } } },
      fca.regulator.token,
    );
    expect(expectError(res, 'INVALID_TRANSITION').extensions?.reason).toBe('TRACK_NOT_FINAL');
  });

  describe('publication', () => {
    const published = async (programmeId?: string) =>
      (await ok(PUBLIC_REPORTS, { first: 10, programmeId }, undefined)).publicExitReports;

    it('needs the participant’s consent: nothing is public before', async () => {
      expect(await published()).toEqual({ totalCount: 0, edges: [] });
      expectError(await t.gql(CONSENT, { input: { exitReportId: v2.id } }, fca.regulator.token), 'FORBIDDEN');
      expectError(await t.gql(CONSENT, { input: { exitReportId: v2.id } }, otherInnovator), 'NOT_FOUND');
      const superseded = await t.gql(CONSENT, { input: { exitReportId: v1.id } }, sb.innovator.token);
      expect(expectError(superseded, 'INVALID_TRANSITION').extensions?.reason).toBe('EXIT_REPORT_SUPERSEDED');
    });

    it('publishes the signed public copy, to anyone, without a confidential section; withdrawal unpublishes; consent again republishes', async () => {
      const consented = (await ok(CONSENT, { input: { exitReportId: v2.id } }, sb.innovator.token))
        .consentToPublication;
      expect(consented.publication).toMatchObject({ published: true, withdrawnAt: null });
      // A repeat changes nothing.
      const repeat = (await ok(CONSENT, { input: { exitReportId: v2.id } }, sb.innovator.token)).consentToPublication;
      expect(repeat.publication).toEqual(consented.publication);
      const list = await published();
      expect(list.totalCount).toBe(1);
      const [{ node }] = list.edges;
      expect(node).toMatchObject({
        id: v2.id,
        version: 2,
        authority: { acronym: 'FCA' },
        programme: { id: sb.programmeId },
        signed: v2.publicCopy,
      });
      expect(verifiedIndependently(node.signed)).toBe(true);
      const text = JSON.stringify(node);
      for (const secret of [homeReportId, 'LESSONS-FOR-FCA-ONLY', 'HOME_AUTHORITY', 'PARTICIPANTS', 'WITHHELD'])
        expect(text).not.toContain(secret);
      expect(node.markdown).toContain('(public copy)');
      expect((await published(sb.programmeId)).totalCount).toBe(1);
      const elsewhere = (await buildSandbox(t)).programmeId;
      expect((await published(elsewhere)).totalCount).toBe(0);

      const withdrawn = (await ok(WITHDRAW, { input: { exitReportId: v2.id } }, sb.innovator.token))
        .withdrawPublicationConsent;
      expect(withdrawn.publication.published).toBe(false);
      expect(withdrawn.publication.withdrawnAt).not.toBeNull();
      expect(await published()).toEqual({ totalCount: 0, edges: [] });
      expect(
        (await ok(CONSENT, { input: { exitReportId: v2.id } }, sb.innovator.token)).consentToPublication.publication,
      ).toMatchObject({
        published: true,
        withdrawnAt: null,
      });
      expect((await published()).totalCount).toBe(1);
    });

    it('every change is in the audit trail', async () => {
      const trail = await ok(
        'query($f: AuditFilterInput) { auditTrail(first: 100, filter: $f) { edges { node { action entityType } } } }',
        { f: { enrolmentId } },
        await t.adminToken(),
      );
      const actions = trail.auditTrail.edges.map((e: any) => e.node.action);
      for (const action of [
        'ISSUE_WRITTEN_PROOF',
        'DRAFT_EXIT_REPORT',
        'ISSUE_EXIT_REPORT',
        'CONSENT_TO_PUBLICATION',
        'WITHDRAW_PUBLICATION_CONSENT',
      ])
        expect(actions).toContain(action);
      expect(actions.filter((a: string) => a === 'ISSUE_WRITTEN_PROOF')).toHaveLength(2);
    });
  });
});

describe('the public registry', () => {
  it('lists published programmes to anyone, with criteria keys and titles and a funnel whose cells under 5 are suppressed', async () => {
    const anonymous = await t.gql(PUBLIC_PROGRAMMES, { first: 100 });
    expectNoLeak(anonymous);
    const nodes = expectOk(anonymous).publicProgrammes.edges.map((e: any) => e.node);
    const mine = nodes.find((n: any) => n.id === sb.programmeId);
    expect(mine).toMatchObject({
      status: 'OPEN',
      sectors: ['FINANCE'],
      jointEntryRule: 'EACH_AUTHORITY',
      publishedExitReports: 1,
    });
    expect(mine.authorities.map((a: any) => [a.authority.acronym, a.isLead])).toEqual([
      ['FCA', true],
      ['AI Office', false],
      ['MAS', false],
    ]);
    expect(
      mine.authorities[0].criteria.map((c: any) => `${c.stage} ${c.key.split('.').slice(0, 2).join('.')}`),
    ).toEqual([
      'ENTRY entry.impact-assessment',
      'ENTRY entry.readiness',
      'TESTING testing.auc',
      'EXIT exit.disparity',
      'EXIT exit.final-report',
    ]);
    // Two submitted enrolments: every non-zero cell is suppressed; zero is shown.
    expect(mine.funnel.submitted).toEqual({ count: null, suppressed: true });
    expect(mine.funnel.declined).toEqual({ count: 0, suppressed: false });
    expect(mine.funnel.authorities.find((a: any) => a.authorityId === fca.id).authorised).toEqual({
      count: null,
      suppressed: true,
    });
    // No DRAFT programme, whoever asks.
    const draft = await ok(
      'mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }',
      {
        input: {
          name: 'A draft nobody may see',
          maxTestingDays: 90,
          cohortCapacity: 5,
          jointEntryRule: 'EACH_AUTHORITY',
          sectors: ['FINANCE'],
        },
      },
      fca.regulator.token,
    );
    const again = (await ok(PUBLIC_PROGRAMMES, { first: 100 })).publicProgrammes;
    expect(again.edges.map((e: any) => e.node.id)).not.toContain(draft.createProgramme.id);
  });

  it('shows a funnel cell of 5 or more enrolments', async () => {
    const other = await buildSandbox(t);
    for (let i = 0; i < 5; i++) {
      const system = (
        await ok(
          'mutation($input: RegisterAiSystemInput!) { registerAiSystem(input: $input) { id } }',
          { input: { name: `Model ${i}`, sector: 'FINANCE', intendedPurpose: 'Scores loans.', riskClass: 'HIGH' } },
          other.innovator.token,
        )
      ).registerAiSystem.id;
      const ref = (
        await ok(
          `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { ${REF} } }`,
          {
            input: { programmeId: other.programmeId, aiSystemId: system, targetAuthorityIds: [other.authority.FCA.id] },
          },
          other.innovator.token,
        )
      ).createEnrolment;
      if (i < 4)
        await ok(
          step('submitEnrolment'),
          { input: { enrolmentId: ref.id, expectedVersion: ref.version } },
          other.innovator.token,
        );
    }
    const find = async () =>
      (await ok(PUBLIC_PROGRAMMES, { first: 100 })).publicProgrammes.edges.find(
        (e: any) => e.node.id === other.programmeId,
      ).node;
    // Four submitted (a fifth is a draft, left out): suppressed.
    expect((await find()).funnel.submitted).toEqual({ count: null, suppressed: true });
    const draftRef = (
      await ok(
        `query($p: ID!) { enrolments(filter: { programmeId: $p, state: DRAFT }) { edges { node { ${REF} } } } }`,
        { p: other.programmeId },
        other.innovator.token,
      )
    ).enrolments.edges[0].node;
    await ok(
      step('submitEnrolment'),
      { input: { enrolmentId: draftRef.id, expectedVersion: draftRef.version } },
      other.innovator.token,
    );
    const node = await find();
    expect(node.funnel.submitted).toEqual({ count: 5, suppressed: false });
    expect(node.funnel.authorities.find((a: any) => a.authorityId === other.authority.FCA.id).targeted).toEqual({
      count: 5,
      suppressed: false,
    });
    expect(node.funnel.tested).toEqual({ count: 0, suppressed: false });
  });

  it('reads a page in the same number of statements whatever its size', async () => {
    const logger = (t.dataSource as unknown as { logger: unknown }).logger;
    const counter = t.countQueries();
    const counts: Record<number, number> = {};
    try {
      for (const first of [1, 3]) {
        counter.reset();
        const page = (await ok(PUBLIC_PROGRAMMES, { first })).publicProgrammes;
        expect(page.edges).toHaveLength(first);
        counts[first] = counter.queries.length;
      }
    } finally {
      (t.dataSource as unknown as { logger: unknown }).logger = logger;
    }
    expect(counts[1]).toBe(counts[3]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ConsoleBrowser,
  DEMO,
  DEMO_PASSWORD,
  eventually,
  expectAccessible,
  fieldError,
  type Jwks,
  pageProblems,
  type SignedDocument,
  verifiedIndependently,
} from '@sandbridge/testing';
import type { Locator, Page } from 'playwright-core';
import { ensureBuilt } from './ensure-built.js';

// Exit documents in the console, in Chromium on the built server with the demo data. An enrolment of
// Lumen's (made through the API: admitted by the FCA, a high-severity incident, exited with the FCA's
// AUTHORISED) is then handled through the console only: the FCA's regulator writes the exit report's
// sections, saves a draft (a CONFLICT with a change made meanwhile: Refresh keeps what was typed),
// issues it after the API's refusal of an incomplete draft is shown at its field, downloads the
// signed JSON — verified here independently, node:crypto against the JWK set of
// GET /.well-known/sandbridge-keys — and the Markdown, prints it, verifies it, and corrects it with a
// second version that supersedes the first. The participant finds its exit documents from its
// enrolment, downloads and verifies them, consents to publication (the public copy appears in
// `publicExitReports`, without the sections not marked public) and withdraws (it leaves).

let cb: ConsoleBrowser;
let innovator: string;
let regulator: string;
let programmeId: string;
let fcaId: string;
let enrolmentId: string;
let jwks: Jwks;
const SYSTEM = 'Lumen Exit Scorer';
const KEY_ISSUES = 'Explainability of refusals: resolved with reason codes agreed with the FCA.';
const INCIDENTS = 'One drift incident in the second month, contained within a day.';
const LESSONS = 'LESSONS-FOR-THE-FCA-ONLY: drift checks belong in the monthly plan.';
const LESSONS_BY_ANOTHER = 'Written meanwhile by a colleague.';
const OUTCOME = 'Model retrained on the corrected feed; no recurrence in two months.';
const CORRECTED = 'Explainability of refusals: resolved with reason codes (corrected wording).';

interface Criterion {
  id: string;
  kind: 'METRIC' | 'EVIDENCE' | 'ATTESTATION';
  key: string;
  comparator: 'GTE' | 'LTE' | 'EQ' | 'BETWEEN' | null;
  threshold: number | null;
  thresholdHigh: number | null;
}

async function gql<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await cb.server.gql<T>(query, variables, token);
  if (response.errors?.length || !response.data) throw new Error(JSON.stringify(response.errors));
  return response.data;
}

/** A result that meets the criterion. */
function meeting(c: Criterion) {
  switch (c.kind) {
    case 'ATTESTATION':
      return { criterionId: c.id, attested: true };
    case 'EVIDENCE':
      return { criterionId: c.id, evidenceReference: `dms://lumen/${c.key}.pdf`, evidenceSha256: 'b'.repeat(64) };
    case 'METRIC': {
      const t = c.threshold!;
      const value =
        c.comparator === 'GTE'
          ? t + 0.05
          : c.comparator === 'LTE'
            ? t / 2
            : c.comparator === 'BETWEEN'
              ? (t + c.thresholdHigh!) / 2
              : t;
      return { criterionId: c.id, value };
    }
  }
}

const VERSION = `id version status supersedes supersededBy signed publicCopy markdown publication { published }`;

/** The FCA's exit documents on the enrolment as `token` reads them. */
async function fcaDocuments(token: string) {
  const { exitReport } = await gql(
    `query($id: ID!) { exitReport(enrolmentId: $id) { authorities { authorityId
       writtenProof { id signed markdown }
       draftReport { id revision draft { keyIssues { text confidentiality } seriousIncidents { text confidentiality }
         lessonsLearned { text confidentiality } incidentOutcomes { incidentId outcome } } }
       issuedReport { ${VERSION} }
       reportVersions { ${VERSION} } } } }`,
    { id: enrolmentId },
    token,
  );
  return exitReport.authorities.find((a: any) => a.authorityId === fcaId);
}

/** The published exit reports of the pilot, read without signing in. */
async function published(): Promise<{ id: string; signed: SignedDocument }[]> {
  const { publicExitReports } = await gql(
    'query($p: ID) { publicExitReports(first: 100, programmeId: $p) { edges { node { id signed } } } }',
    { p: programmeId },
  );
  return publicExitReports.edges.map((e: any) => e.node);
}

async function signedIn(email: string, path: string): Promise<Page> {
  const page = await cb.newPage();
  await cb.signIn(page, email);
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

const notification = (page: Page, title: string) => page.getByRole('alert').filter({ hasText: title }).first();

/** What clicking `button` downloads, as text, and the file's name. */
async function downloaded(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

/** `signed` with one character of its signature changed: what a verifier must refuse. */
const tampered = (signed: SignedDocument): SignedDocument => ({
  ...signed,
  signature: signed.signature.slice(0, 10) + (signed.signature[10] === 'A' ? 'B' : 'A') + signed.signature.slice(11),
});

beforeAll(async () => {
  await ensureBuilt('dist/console/index.html');
  cb = await ConsoleBrowser.start({ entry: await ensureBuilt('dist/apps/api/src/main.js') });
  innovator = await cb.server.login(DEMO.innovator.email, DEMO_PASSWORD);
  regulator = await cb.server.login(DEMO.regulator.email, DEMO_PASSWORD);
  jwks = (await (await fetch(`${cb.url}/.well-known/sandbridge-keys`)).json()) as Jwks;
  const { me, programmes } = await gql(
    '{ me { authority { id } } programmes(filter: { search: "pilot" }, first: 5) { edges { node { id name } } } }',
    {},
    regulator,
  );
  fcaId = me.authority.id;
  programmeId = programmes.edges.find((e: any) => e.node.name === 'Cross-border AI credit-scoring pilot').node.id;
  const { programme } = await gql<{ programme: { criteria: { authority: { id: string }; criterion: Criterion }[] } }>(
    `query($id: ID!) { programme(id: $id) { criteria(stage: ENTRY) {
       authority { id } criterion { id key kind comparator threshold thresholdHigh } } } }`,
    { id: programmeId },
    regulator,
  );
  const entry = programme.criteria.filter((a) => a.authority.id === fcaId).map((a) => meeting(a.criterion));

  // Lumen's new system, admitted by the FCA, a serious incident, exited with the FCA's AUTHORISED.
  const { registerAiSystem } = await gql(
    'mutation($input: RegisterAiSystemInput!) { registerAiSystem(input: $input) { id } }',
    {
      input: {
        name: SYSTEM,
        sector: 'FINANCE',
        riskClass: 'HIGH',
        intendedPurpose: 'Scores thin-file applicants for the exit documents test.',
      },
    },
    innovator,
  );
  let ref = (
    await gql(
      'mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { id version state } }',
      { input: { programmeId, aiSystemId: registerAiSystem.id, targetAuthorityIds: [fcaId], entryResults: entry } },
      innovator,
    )
  ).createEnrolment;
  const act = async (
    name: string,
    token: string,
    extra: Record<string, unknown> = {},
    type = 'EnrolmentActionInput',
  ) => {
    ref = (
      await gql(
        `mutation($input: ${type}!) { ${name}(input: $input) { id version state } }`,
        { input: { enrolmentId: ref.id, expectedVersion: ref.version, ...extra } },
        token,
      )
    )[name];
  };
  await act('submitEnrolment', innovator);
  await act('startReview', regulator);
  await act('decideEntry', regulator, { decision: 'ADMIT', reasons: 'Ready for testing.' }, 'DecideEntryInput');
  enrolmentId = ref.id;
  await gql(
    'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
    {
      input: {
        enrolmentId,
        severity: 'HIGH',
        description: 'Scores drifted for applicants of one postcode after a data feed change.',
        harm: 'Unfair refusals for nine days.',
        affectedJurisdictions: ['GB'],
      },
    },
    regulator,
  );
  await act('requestExit', innovator);
  await act(
    'decideExit',
    regulator,
    { decision: 'AUTHORISED', reasons: 'Every exit criterion met.' },
    'DecideExitInput',
  );
  expect(ref.state).toBe('EXITED');
}, 300_000);

afterAll(async () => {
  await cb?.close();
});

describe('exit documents in the console', () => {
  let regulatorPage: Page;

  it('the regulator writes the sections and saves a draft; a change made meanwhile is a CONFLICT whose Refresh keeps what was typed', async () => {
    const page = (regulatorPage = await signedIn(DEMO.regulator.email, `/regulator/enrolments/${enrolmentId}`));
    await page.getByRole('link', { name: 'Exit report' }).click();
    await page.getByRole('heading', { name: 'Exit report', level: 1 }).waitFor();
    const own = page.getByRole('region', { name: 'Exit documents of FCA' });
    await own.getByRole('article', { name: 'Written proof of FCA' }).waitFor();
    const editor = own.getByRole('form', { name: 'Draft of version 1' });
    await editor.getByText('Not saved yet').waitFor();
    // Due two months after the exit, and open.
    const due = own.getByRole('list', { name: 'When the exit report is due' });
    await eventually(async () => expect(await due.textContent()).toMatch(/^Exit report issued:due .*open$/));

    const section = (name: string) => editor.getByRole('group', { name });
    const choose = async (name: string, readers: string) => {
      await section(name).getByRole('combobox', { name: 'Who may read it' }).click();
      await page.getByRole('option', { name: readers }).click();
    };
    await section('Key regulatory issues and how they were resolved').getByLabel('Text').fill(KEY_ISSUES);
    await section('Serious incidents').getByLabel('Text').fill(INCIDENTS);
    await choose('Serious incidents', 'Programme participants');
    await section('Lessons learned').getByLabel('Text').fill(LESSONS);
    await choose('Lessons learned', 'Your authority');
    await expectAccessible(page, 'exit report editor');
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await notification(page, 'Draft saved').waitFor();
    await editor.getByText(/^Revision 1, saved/).waitFor();
    let draft = (await fcaDocuments(regulator)).draftReport;
    expect(draft).toMatchObject({
      revision: 1,
      draft: {
        keyIssues: { text: KEY_ISSUES, confidentiality: 'PUBLIC' },
        seriousIncidents: { text: INCIDENTS, confidentiality: 'PARTICIPANTS' },
        lessonsLearned: { text: LESSONS, confidentiality: 'HOME_AUTHORITY' },
        incidentOutcomes: [],
      },
    });

    // A colleague changes the draft meanwhile (revision 2): this page's save, at revision 1, is refused.
    await gql(
      'mutation($input: DraftExitReportInput!) { draftExitReport(input: $input) { revision } }',
      {
        input: {
          enrolmentId,
          exitReportId: draft.id,
          expectedRevision: 1,
          keyIssues: draft.draft.keyIssues,
          seriousIncidents: draft.draft.seriousIncidents,
          lessonsLearned: { text: LESSONS_BY_ANOTHER, confidentiality: 'HOME_AUTHORITY' },
        },
      },
      regulator,
    );
    const outcome = section('Serious incidents').getByLabel(/^How the high incident of .* ended/);
    await outcome.fill(OUTCOME);
    await editor.getByRole('button', { name: 'Save draft' }).click();
    const conflict = editor.getByRole('alert').filter({ hasText: 'Someone else changed this' });
    await conflict.waitFor();
    await expectAccessible(page, 'exit report editor, conflict');
    await conflict.getByRole('button', { name: 'Refresh' }).click();
    await conflict.waitFor({ state: 'detached' });
    await editor.getByText(/^Revision 2, saved/).waitFor();
    // What was typed is kept, and saved over the colleague's revision.
    await eventually(async () => {
      expect(await outcome.inputValue()).toBe(OUTCOME);
      expect(await section('Lessons learned').getByLabel('Text').inputValue()).toBe(LESSONS);
    });
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await editor.getByText(/^Revision 3, saved/).waitFor();
    draft = (await fcaDocuments(regulator)).draftReport;
    expect(draft.revision).toBe(3);
    expect(draft.draft.lessonsLearned.text).toBe(LESSONS);
    expect(draft.draft.incidentOutcomes).toEqual([{ incidentId: expect.any(String), outcome: OUTCOME }]);
    expect(pageProblems(page)).toEqual([]);
  });

  it('issues the report after a confirmation; an incomplete draft’s problem is shown at its field', async () => {
    const page = regulatorPage;
    const own = page.getByRole('region', { name: 'Exit documents of FCA' });
    const editor = own.getByRole('form', { name: 'Draft of version 1' });
    const outcome = editor.getByRole('group', { name: 'Serious incidents' }).getByLabel(/^How the high incident/);
    // The outcome left empty: issuing is refused, and the API's words are shown at the field.
    await outcome.fill('');
    await editor.getByRole('button', { name: 'Issue…' }).click();
    let dialog = page.getByRole('dialog', { name: 'Issue version 1?' });
    await dialog.getByText('An issued report is signed and immutable').waitFor();
    await expectAccessible(page, 'issue dialog');
    await dialog.getByRole('button', { name: 'Issue and sign' }).click();
    await dialog.waitFor({ state: 'detached' });
    await editor.getByRole('alert').filter({ hasText: 'needs correcting' }).waitFor();
    expect(await fieldError(outcome)).toBe('Must say how this serious incident ended');
    expect((await fcaDocuments(regulator)).issuedReport).toBeNull();

    await outcome.fill(OUTCOME);
    await editor.getByRole('button', { name: 'Issue…' }).click();
    dialog = page.getByRole('dialog', { name: 'Issue version 1?' });
    await dialog.getByText('your unsaved changes are saved first', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Issue and sign' }).click();
    await notification(page, 'Version 1 issued').waitFor();
    const card = own.getByRole('article', { name: 'Exit report of FCA, version 1' });
    await card.getByText('Issued, in force').waitFor();
    await own.getByRole('button', { name: 'Start a correction' }).waitFor();
    await editor.waitFor({ state: 'detached' });
    await own
      .getByRole('list', { name: 'When the exit report is due' })
      .getByText(/^met on /)
      .waitFor();
    const issued = (await fcaDocuments(regulator)).issuedReport;
    expect(issued).toMatchObject({ version: 1, status: 'ISSUED' });
    expect(issued.signed.document.sections.lessonsLearned.text).toBe(LESSONS);
    expect(issued.signed.document.sections.seriousIncidents.incidents[0].outcome).toBe(OUTCOME);
    await expectAccessible(page, 'exit report, issued');
    expect(pageProblems(page)).toEqual([]);
  });

  it('downloads the signed JSON as the API gives it — verified independently against the published key — and the Markdown; Verify says the signature holds, with its key', async () => {
    const page = regulatorPage;
    const own = page.getByRole('region', { name: 'Exit documents of FCA' });
    const documents = await fcaDocuments(regulator);
    const card = own.getByRole('article', { name: 'Exit report of FCA, version 1' });

    const json = await downloaded(page, card.getByRole('button', { name: 'Signed JSON' }));
    expect(json.name).toBe('exit-report-fca-v1-lumen-exit-scorer.json');
    const file = JSON.parse(json.text) as SignedDocument;
    expect(file).toEqual(documents.issuedReport.signed);
    expect(Object.keys(file)).toEqual(Object.keys(documents.issuedReport.signed));
    expect(verifiedIndependently(file, jwks)).toBe(true);
    expect(verifiedIndependently(tampered(file), jwks)).toBe(false);
    expect(file.keyId).toBe(jwks.keys[0].kid);

    const markdown = await downloaded(page, card.getByRole('button', { name: 'Markdown' }));
    expect(markdown).toEqual({
      name: 'exit-report-fca-v1-lumen-exit-scorer.md',
      text: documents.issuedReport.markdown,
    });

    // The public copy, signed too: without the sections not marked public.
    const copy = JSON.parse((await downloaded(page, card.getByRole('button', { name: 'Public copy (JSON)' }))).text);
    expect(copy).toEqual(documents.issuedReport.publicCopy);
    expect(verifiedIndependently(copy, jwks)).toBe(true);
    expect(Object.keys(copy.document.sections)).toEqual(['keyIssues']);

    await card.getByRole('button', { name: 'Verify' }).click();
    const holds = card.getByRole('alert').filter({ hasText: 'The signature holds' });
    await holds.waitFor();
    await expect(holds.textContent()).resolves.toContain(`with the key ${file.keyId}`);

    // The written proof, the same way.
    const proofCard = own.getByRole('article', { name: 'Written proof of FCA' });
    const proof = JSON.parse(
      (await downloaded(page, proofCard.getByRole('button', { name: 'Signed JSON' }))).text,
    ) as SignedDocument;
    expect(proof).toEqual(documents.writtenProof.signed);
    expect(verifiedIndependently(proof, jwks)).toBe(true);
    expect(proof.document).toMatchObject({ format: 'sandbridge/written-proof@1', completed: true });
    await proofCard.getByRole('button', { name: 'Verify' }).click();
    await proofCard.getByRole('alert').filter({ hasText: 'The signature holds' }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows the issued version as a printable page: the document and its signature, Print, and no console around it on paper', async () => {
    const page = regulatorPage;
    const own = page.getByRole('region', { name: 'Exit documents of FCA' });
    const { issuedReport } = await fcaDocuments(regulator);
    await own
      .getByRole('article', { name: 'Exit report of FCA, version 1' })
      .getByRole('link', { name: 'Printable page' })
      .click();
    await page.getByRole('heading', { name: 'Exit report of FCA, version 1', level: 1 }).waitFor();
    const document = page.getByRole('article', { name: 'Exit report of FCA, version 1' });
    await document.getByRole('heading', { name: `Exit report — ${SYSTEM}`, level: 2 }).waitFor();
    await document.getByText(KEY_ISSUES).waitFor();
    await page.getByRole('region', { name: 'Signature' }).getByText(issuedReport.signed.sha256).waitFor();
    await expectAccessible(page, 'printable exit report');

    await page.evaluate(() => {
      const w = globalThis as any;
      w.printed = 0;
      w.print = () => w.printed++;
    });
    await page.getByRole('button', { name: 'Print' }).click();
    await expect(page.evaluate(() => (globalThis as any).printed)).resolves.toBe(1);
    const navigation = page.getByRole('navigation', { name: 'Sections' });
    await expect(navigation.isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'print' });
    await navigation.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Print' }).waitFor({ state: 'hidden' });
    await expect(document.isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: 'Exit report', exact: true }).click();
    await page.getByRole('heading', { name: 'Exit report', level: 1 }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  it('corrects the issued report with a new version, started from it, that supersedes it', async () => {
    const page = regulatorPage;
    const own = page.getByRole('region', { name: 'Exit documents of FCA' });
    await own.getByRole('button', { name: 'Start a correction' }).click();
    const editor = own.getByRole('form', { name: 'Correction: draft of version 2' });
    const keyIssues = editor.getByRole('group', { name: 'Key regulatory issues and how they were resolved' });
    await eventually(async () => {
      expect(await keyIssues.getByLabel('Text').inputValue()).toBe(KEY_ISSUES);
      expect(
        await editor
          .getByRole('group', { name: 'Serious incidents' })
          .getByLabel(/^How the high incident/)
          .inputValue(),
      ).toBe(OUTCOME);
    });
    await keyIssues.getByLabel('Text').fill(CORRECTED);
    await editor.getByRole('button', { name: 'Issue…' }).click();
    await page
      .getByRole('dialog', { name: 'Issue version 2?' })
      .getByRole('button', { name: 'Issue and sign' })
      .click();
    await notification(page, 'Version 2 issued').waitFor();
    await own.getByRole('article', { name: 'Exit report of FCA, version 2' }).getByText('Issued, in force').waitFor();
    const old = own.getByRole('article', { name: 'Exit report of FCA, version 1' });
    await old.getByText('Superseded', { exact: true }).waitFor();
    const documents = await fcaDocuments(regulator);
    expect(documents.reportVersions.map((v: any) => [v.version, v.status])).toEqual([
      [2, 'ISSUED'],
      [1, 'SUPERSEDED'],
    ]);
    expect(documents.issuedReport.signed.document).toMatchObject({
      version: 2,
      supersedes: documents.reportVersions[1].id,
      sections: { keyIssues: { text: CORRECTED } },
    });
    // The superseded version still verifies, and says it was corrected.
    await old.getByRole('button', { name: 'Verify' }).click();
    const holds = old.getByRole('alert').filter({ hasText: 'The signature holds' });
    await holds.waitFor();
    await expect(holds.textContent()).resolves.toContain(
      `corrected since by a later version (${documents.issuedReport.id})`,
    );
    await expectAccessible(page, 'exit report, corrected');
    expect(pageProblems(page)).toEqual([]);
  });
});

describe('the participant’s exit documents', () => {
  let page: Page;

  it('are reached from the enrolment, per authority: the written proof and the issued reports, downloaded and verified', async () => {
    page = await signedIn(DEMO.innovator.email, `/innovator/enrolments/${enrolmentId}`);
    await page.getByRole('link', { name: 'Open the exit documents' }).click();
    await page.getByRole('heading', { name: 'Exit documents', level: 1 }).waitFor();
    const fca = page.getByRole('region', { name: /\(FCA\)$/ });
    const current = fca.getByRole('article', { name: 'Exit report of FCA, version 2' });
    await current.getByText('Issued, in force').waitFor();
    await fca
      .getByRole('article', { name: 'Exit report of FCA, version 1' })
      .getByText('Superseded', { exact: true })
      .waitFor();
    await current.getByRole('group', { name: 'Publication' }).getByText('Not published').waitFor();
    await expectAccessible(page, 'innovator exit documents');

    // The participant reads everything: the signed report itself, as its issuer does.
    const documents = await fcaDocuments(innovator);
    const file = JSON.parse((await downloaded(page, current.getByRole('button', { name: 'Signed JSON' }))).text);
    expect(file).toEqual(documents.issuedReport.signed);
    expect(verifiedIndependently(file, jwks)).toBe(true);
    const proofCard = fca.getByRole('article', { name: 'Written proof of FCA' });
    const proof = JSON.parse((await downloaded(page, proofCard.getByRole('button', { name: 'Signed JSON' }))).text);
    expect(verifiedIndependently(proof, jwks)).toBe(true);
    await current.getByRole('button', { name: 'Verify' }).click();
    await current
      .getByRole('alert')
      .filter({ hasText: `The signature holds` })
      .filter({ hasText: file.keyId })
      .waitFor();

    await proofCard.getByRole('link', { name: 'Printable page' }).click();
    await page.getByRole('heading', { name: 'Written proof of FCA', level: 1 }).waitFor();
    await page
      .getByRole('article', { name: 'Written proof of FCA' })
      .getByRole('heading', { name: `Written proof — ${SYSTEM}`, level: 2 })
      .waitFor();
    await expectAccessible(page, 'printable written proof');
    await page.getByRole('link', { name: 'Exit documents', exact: true }).click();
    await page.getByRole('heading', { name: 'Exit documents', level: 1 }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  it('consents to publication: the public copy is in the public registry; withdrawal takes it out', async () => {
    const fca = page.getByRole('region', { name: /\(FCA\)$/ });
    const current = fca.getByRole('article', { name: 'Exit report of FCA, version 2' });
    const publication = current.getByRole('group', { name: 'Publication' });
    const { issuedReport } = await fcaDocuments(innovator);
    expect((await published()).map((r) => r.id)).not.toContain(issuedReport.id);

    await publication.getByRole('button', { name: 'Consent to publication' }).click();
    let dialog = page.getByRole('dialog', { name: 'Publish the exit report?' });
    await dialog.getByText('left out', { exact: false }).first().waitFor();
    await expectAccessible(page, 'consent dialog');
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await notification(page, 'Published').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await publication.getByText('Published in the public registry').waitFor();
    const listed = (await published()).find((r) => r.id === issuedReport.id);
    expect(listed?.signed).toEqual(issuedReport.publicCopy);
    expect(verifiedIndependently(listed!.signed, jwks)).toBe(true);
    expect(Object.keys(listed!.signed.document.sections)).toEqual(['keyIssues']);
    expect(JSON.stringify(listed)).not.toContain('LESSONS-FOR-THE-FCA-ONLY');
    expect(JSON.stringify(listed)).not.toContain('WITHHELD');

    await publication.getByRole('button', { name: 'Withdraw consent' }).click();
    dialog = page.getByRole('dialog', { name: 'Withdraw your consent?' });
    await dialog.getByRole('button', { name: 'Withdraw consent' }).click();
    await notification(page, 'Consent withdrawn').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await publication.getByText('Not published').waitFor();
    expect((await published()).map((r) => r.id)).not.toContain(issuedReport.id);
    expect((await fcaDocuments(innovator)).issuedReport.publication.published).toBe(false);
    await expectAccessible(page, 'innovator exit documents, consent withdrawn');
    expect(pageProblems(page)).toEqual([]);
  });
});

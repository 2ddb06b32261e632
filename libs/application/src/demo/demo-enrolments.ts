import { Injectable } from '@nestjs/common';
import {
  type Actor,
  Comparator,
  Confidentiality,
  CriterionKind,
  EntryDecision,
  ExitDecision,
  IncidentSeverity,
  ReportReview,
  Role,
  Stage,
  SuspensionGround,
} from '@sandbridge/domain';
import {
  AiSystemRepository,
  type CriterionEntity,
  CriterionRepository,
  type EnrolmentEntity,
  EnrolmentRepository,
  EvidenceRepository,
  ProgrammeRepository,
} from '@sandbridge/persistence';
import { IncidentService } from '../cooperation/incident.service.js';
import { EnrolmentApplicationService } from '../enrolments/enrolment-application.service.js';
import type { ResultCommand } from '../enrolments/enrolment-commands.js';
import { EnrolmentLifecycleService } from '../enrolments/enrolment-lifecycle.service.js';
import { type DraftExitReportCommand, ExitDocumentService } from '../enrolments/exit-document.service.js';
import { TestReportSubmissionService } from '../enrolments/test-report-submission.service.js';
import { AuditService } from '../cooperation/audit.service.js';
import { EvidenceStore, type StoredBlob } from '../evidence/evidence-store.js';
import { type ProposePlanCommand, SandboxPlanService } from '../plans/sandbox-plan.service.js';
import { minimalPdf } from './demo-evidence.js';

interface Cast {
  /** The joint pilot (FCA, MAS, AI Office). */
  programmeId: string;
  /** The MAS programme that accepts recognised results. */
  fastTrackProgrammeId: string;
  /** Authority ids by acronym: FCA, MAS, AI Office. */
  authorities: Record<string, string>;
  /** Jurisdiction code of each authority id. */
  jurisdictionOf: Record<string, string>;
  /** The data protection authority of each jurisdiction (ICO, PDPC, EDPS), by code. */
  dataProtectionAuthorities: Record<string, string>;
  /** Regulator account ids by authority id, innovator account ids by organisation id. */
  regulators: Record<string, string>;
  innovators: Record<string, string>;
  /** The UTC day `offset` days from today (tests are dated relative to the clock, so results never age out of the agreements). */
  day: (offset: number) => string;
}

/** The accreditation body of a demo lab testing in a jurisdiction. */
const ACCREDITATION_BODY: Record<string, string> = { GB: 'UKAS', SG: 'SAC', EU: 'DAkkS' };

const sha = (seed: string) =>
  Array.from({ length: 64 }, (_, i) => '0123456789abcdef'[(seed.charCodeAt(i % seed.length) + i) % 16]).join('');

/** What a demo sandbox plan says beyond its defaults: its timeline (days from today) and why this version. */
interface DemoPlan {
  start: number;
  end: number;
  reasons?: string;
  /** The authority whose real-world testing section it is (HOME_AUTHORITY to it); none: no real-world testing. */
  realWorldTestingOf?: string;
  /** What this version changes in the safeguards. */
  safeguards?: string;
}

/**
 * Enrolments in every state on the demo programme, each reached through the real lifecycle
 * (EnrolmentApplicationService, EnrolmentLifecycleService, SandboxPlanService,
 * TestReportSubmissionService and IncidentService, with the demo regulators and innovators as
 * actors), and one enrolment in testing on the programme that accepts recognised results, after the
 * pilot's reports it builds on. Every enrolment with reports agreed its sandbox plan first; between
 * them the plans show every state: agreed, agreed and superseded by an amendment, an amendment
 * awaiting one authority, changes requested, an extension proposed.
 */
@Injectable()
export class DemoEnrolments {
  constructor(
    private readonly applications: EnrolmentApplicationService,
    private readonly enrolments: EnrolmentLifecycleService,
    private readonly reports: TestReportSubmissionService,
    private readonly incidents: IncidentService,
    private readonly enrolmentRepo: EnrolmentRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly criteria: CriterionRepository,
    private readonly systems: AiSystemRepository,
    private readonly plans: SandboxPlanService,
    private readonly exitDocuments: ExitDocumentService,
    private readonly store: EvidenceStore,
    private readonly evidenceRecords: EvidenceRepository,
    private readonly audit: AuditService,
  ) {}

  /** The demo's evidence files, by file name: their bytes stored before the seeding transaction (storeFiles). */
  private files = new Map<string, StoredBlob>();

  /**
   * Stores the bytes of the demo's evidence files. Evidence bytes are written outside transactions
   * (the store writes one chunk per statement), so the seeder calls this before its transaction;
   * the evidence records naming them are written inside it, with the enrolments.
   */
  async storeFiles(): Promise<void> {
    for (const file of DEMO_FILES)
      this.files.set(
        file.filename,
        await this.store.write([minimalPdf(file.title, file.lines)], () => 'application/pdf'),
      );
  }

  async load(cast: Cast): Promise<number> {
    const empty = async (programmeId: string) =>
      (await this.enrolmentRepo.page({ programmeId }, { first: 1 })).totalCount === 0;
    const [pilot, fastTrack] = [await empty(cast.programmeId), await empty(cast.fastTrackProgrammeId)];
    if (!pilot && !fastTrack) return 0;
    const attached = await this.programmes.criteriaOf([cast.programmeId, cast.fastTrackProgrammeId]);
    const criteria = new Map((await this.criteria.findByIds(attached.map((a) => a.criterionId))).map((c) => [c.id, c]));
    /** The criteria `authorityId` attached to a stage of a programme (the pilot unless named). */
    const of = (authorityId: string, stage: Stage, programmeId = cast.programmeId) =>
      attached
        .filter((a) => a.programmeId === programmeId && a.authorityId === authorityId && a.stage === stage)
        .map((a) => criteria.get(a.criterionId)!);
    const { MAS } = cast.authorities;
    const regulator = (authorityId: string): Actor => ({
      accountId: cast.regulators[authorityId],
      role: Role.REGULATOR,
      authorityId,
      organisationId: null,
      jurisdictionCode: null,
    });

    const story = async (
      systemName: string,
      targets: string[],
      options: { failEntryOf?: string; programmeId?: string } = {},
    ) => {
      const programmeId = options.programmeId ?? cast.programmeId;
      const system = (await this.systems.page({ search: systemName }, { first: 1 })).items[0];
      const innovator: Actor = {
        accountId: cast.innovators[system.organisationId],
        role: Role.INNOVATOR,
        authorityId: null,
        organisationId: system.organisationId,
        jurisdictionCode: null,
      };
      const entryResults = targets.flatMap((a) =>
        of(a, Stage.ENTRY, programmeId).map((c) => passing(c, a === options.failEntryOf ? 'fail' : 'pass')),
      );
      let e: EnrolmentEntity = await this.applications.create(innovator, {
        programmeId,
        aiSystemId: system.id,
        targetAuthorityIds: targets,
        entryResults,
      });
      const at = () => ({ enrolmentId: e.id, expectedVersion: e.version });
      /** A plan write raises the enrolment's version: read it again. */
      const reload = async () => (e = (await this.enrolmentRepo.findById(e.id))!);
      /** The id of the newest plan version. */
      const newestPlan = async () => (await this.plans.newest(innovator, e.id))!.row.id;
      const steps = {
        /** The innovator proposes a version of the sandbox plan. */
        plan: async (plan: DemoPlan) => {
          await this.plans.propose(innovator, planCommand(cast, system.name, targets, { ...at(), ...plan }));
          await reload();
        },
        approvePlan: async (a: string, remarks?: string) => {
          await this.plans.approve(regulator(a), {
            planId: await newestPlan(),
            expectedVersion: e.version,
            reasons: remarks,
          });
          await reload();
        },
        requestPlanChanges: async (a: string, reasons: string) => {
          await this.plans.requestChanges(regulator(a), {
            planId: await newestPlan(),
            reasons,
            expectedVersion: e.version,
          });
          await reload();
        },
        requestExtension: async (end: number, reasons: string) => {
          await this.plans.requestExtension(innovator, { ...at(), endDay: cast.day(end), reasons });
          await reload();
        },
        submit: async () => (e = await this.enrolments.submit(innovator, at())),
        review: async (a: string) => (e = await this.enrolments.startReview(regulator(a), at())),
        entry: async (a: string, decision: EntryDecision, reasons: string) =>
          (e = await this.enrolments.decideEntry(regulator(a), { ...at(), decision, reasons })),
        /** The innovator's evidence record for a demo file (stored by storeFiles), as an upload records it; its id. */
        upload: async (filename: string, days: { effective: number; expiry?: number }): Promise<string> => {
          const file = DEMO_FILES.find((f) => f.filename === filename)!;
          const blob = this.files.get(filename);
          if (!blob) throw new Error(`The demo's evidence file ${filename} was not stored first (storeFiles)`);
          const evidence = (await this.evidenceRecords.insertUnlessHeld({
            blobId: blob.blobId,
            sha256: blob.sha256,
            size: blob.size,
            mediaType: 'application/pdf',
            organisationId: system.organisationId,
            authorityId: null,
            filename,
            title: file.title,
            effectiveDay: cast.day(days.effective),
            expiryDay: days.expiry === undefined ? null : cast.day(days.expiry),
            supersedesId: null,
            uploadedBy: innovator.accountId,
          }))!;
          await this.audit.append(innovator, {
            action: 'UPLOAD_EVIDENCE',
            entityType: 'EVIDENCE',
            entityId: evidence.id,
            data: {
              sha256: evidence.sha256,
              size: evidence.size,
              mediaType: evidence.mediaType,
              filename,
              supersedes: null,
            },
          });
          return evidence.id;
        },
        /** `files`: the evidence (by id) a result for the criterion of that key names, instead of a bare reference. */
        report: async (
          a: string,
          key: string,
          confidentiality: Confidentiality,
          accept = true,
          files: Record<string, string> = {},
        ) => {
          const results = [...of(a, Stage.TESTING, programmeId), ...of(a, Stage.EXIT, programmeId)].map((c) =>
            files[c.key] ? { criterionId: c.id, evidenceId: files[c.key] } : passing(c, 'pass'),
          );
          const report = await this.reports.submit(innovator, {
            enrolmentId: e.id,
            submittedTo: a,
            // A month of tests that ended five weeks ago: recent enough for every agreement's maxResultAgeDays.
            periodStart: cast.day(-65),
            periodEnd: cast.day(-35),
            lab: {
              name: 'Meridian AI Assurance Lab',
              accredited: true,
              accreditationBody: ACCREDITATION_BODY[cast.jurisdictionOf[a]],
            },
            method: { id: 'ISO42001:A.6.2.4', version: '2023' },
            testedIn: cast.jurisdictionOf[a],
            confidentiality,
            idempotencyKey: `demo-${key}`,
            results,
          });
          if (accept)
            await this.reports.review(regulator(a), {
              reportId: report.id,
              decision: ReportReview.ACCEPT,
              reasons: 'Complete and consistent with the agreed test plan.',
            });
        },
        requestExit: async () => (e = await this.enrolments.requestExit(innovator, at())),
        exit: async (a: string, decision: ExitDecision, reasons: string) =>
          (e = await this.enrolments.decideExit(regulator(a), { ...at(), decision, reasons })),
        suspend: async (a: string, reasons: string) =>
          (e = await this.enrolments.suspend(regulator(a), {
            ...at(),
            ground: SuspensionGround.UNMITIGABLE_RISK,
            reasons,
          })),
        withdraw: async () => (e = await this.enrolments.withdraw(innovator, at())),
        /**
         * The exit report `a` writes after its final exit decision: a draft, issued (signed) when
         * `issue`, and published with the innovator's consent when `publish`.
         */
        exitReport: async (
          a: string,
          sections: Pick<DraftExitReportCommand, 'keyIssues' | 'seriousIncidents' | 'lessonsLearned'>,
          { issue = false, publish = false } = {},
        ) => {
          const draft = await this.exitDocuments.draft(regulator(a), { enrolmentId: e.id, ...sections });
          if (!issue) return;
          const issued = await this.exitDocuments.issue(regulator(a), {
            exitReportId: draft.row.id,
            expectedRevision: draft.row.revision,
          });
          if (publish) await this.exitDocuments.consent(innovator, issued.row.id);
        },
        /** Reported by the innovator, or by a regulator of `by` (an authority id). */
        incident: async (
          by: 'innovator' | string,
          severity: IncidentSeverity,
          description: string,
          harm: string,
          affectedJurisdictions: string[],
        ) => {
          await this.incidents.report(by === 'innovator' ? innovator : regulator(by), {
            enrolmentId: e.id,
            severity,
            description,
            harm,
            affectedJurisdictions,
          });
        },
      };
      return steps;
    };

    let created = 0;
    if (pilot) created += await this.pilot(cast, story);
    if (fastTrack) {
      // Tested and accepted in the Union and the UK in the pilot; MAS's fast track counts what the
      // EU–SG arrangement recognises as met, shows what the UK–SG one recognises with conditions,
      // and leaves the rest to test in Singapore.
      const s = await story('Nordvik Consumer Credit Model', [MAS], { programmeId: cast.fastTrackProgrammeId });
      await s.submit();
      await s.review(MAS);
      await s.entry(MAS, EntryDecision.ADMIT, 'Tested under the AI Office and the FCA; only the gaps to test here.');
      // Agreed, so reports may come in; then an extension asked for, awaiting MAS.
      await s.plan({ start: -20, end: 60, realWorldTestingOf: MAS });
      await s.approvePlan(MAS);
      await s.requestExtension(
        70,
        'More applicants from the partner bank than planned: ten more days to reach the sample size.',
      );
      created++;
    }
    return created;
  }

  /** The joint pilot's enrolments, one story per state. */
  private async pilot(cast: Cast, story: Story): Promise<number> {
    const { FCA, MAS, 'AI Office': AIO } = cast.authorities;

    // EXITED: admitted by all three, tested, authorised by two and rejected by one.
    let s = await story('Lumen Thin-File Scorer', [FCA, MAS, AIO]);
    await s.submit();
    await s.review(FCA);
    await s.entry(FCA, EntryDecision.ADMIT, 'In scope, genuinely innovative and ready for testing.');
    await s.entry(MAS, EntryDecision.ADMIT, 'Meets the sandbox evaluation criteria.');
    await s.entry(AIO, EntryDecision.ADMIT, 'High-risk credit scoring with a credible sandbox plan.');
    // Its plan agreed by all three, then amended (version 2, agreed: version 1 superseded) after the first report.
    await s.plan({ start: -90, end: 80, realWorldTestingOf: FCA });
    await s.approvePlan(FCA);
    await s.approvePlan(MAS);
    await s.approvePlan(AIO, 'Annex IV documentation to be filed with the final report.');
    await s.report(FCA, 'lumen-thin-fca', Confidentiality.PARTICIPANTS);
    await s.plan({
      start: -90,
      end: 60,
      realWorldTestingOf: FCA,
      reasons: 'A fairness re-test on thin-file applicants before exit; testing ends three weeks earlier.',
      safeguards:
        'Every decline reviewed by a human underwriter within two working days; thin-file applicants re-scored by the previous model for comparison; limits capped at the lender’s current policy.',
    });
    await s.approvePlan(AIO);
    await s.approvePlan(MAS);
    await s.approvePlan(FCA);
    await s.report(MAS, 'lumen-thin-mas', Confidentiality.PUBLIC);
    await s.report(AIO, 'lumen-thin-aio', Confidentiality.HOME_AUTHORITY);
    await s.requestExit();
    await s.exit(FCA, ExitDecision.AUTHORISED, 'Consumer outcomes acceptable; transition plan agreed.');
    await s.exit(MAS, ExitDecision.AUTHORISED, 'Boundary conditions respected throughout.');
    await s.exit(AIO, ExitDecision.REJECTED, 'Technical documentation incomplete for Annex IV.');
    // Each exit decision issued a written proof. The FCA's exit report is issued and, with Lumen's
    // consent, in the public registry (its confidential section left out); MAS is still writing its own.
    await s.exitReport(
      FCA,
      {
        keyIssues: {
          text: 'Thin-file applicants: open-banking cash-flow features replaced bureau history; the FCA agreed a human review of every decline and a monthly fairness check against the previous model.',
          confidentiality: Confidentiality.PUBLIC,
        },
        seriousIncidents: {
          text: 'No serious incident was reported during testing.',
          confidentiality: Confidentiality.PUBLIC,
        },
        lessonsLearned: {
          text: 'Agree the fairness re-test in the first plan version: the amendment cost three weeks of testing. The lender’s internal threshold calibration is commercially sensitive and shared with the programme’s authorities only.',
          confidentiality: Confidentiality.PARTICIPANTS,
        },
      },
      { issue: true, publish: true },
    );
    await s.exitReport(MAS, {
      keyIssues: {
        text: 'Boundary conditions held throughout; the transition to a licensed lender is still being discussed.',
        confidentiality: Confidentiality.PUBLIC,
      },
    });

    // TESTING: admitted by FCA and MAS, declined by the AI Office; a first report accepted (the UK
    // recognises some of its results through the UK–SG arrangement), a second under review, an incident.
    s = await story('Merlion Premium Instalment Scorer', [FCA, MAS, AIO]);
    await s.submit();
    await s.review(MAS);
    await s.entry(MAS, EntryDecision.ADMIT, 'Clear consumer benefit; boundary conditions agreed.');
    await s.entry(FCA, EntryDecision.ADMIT, 'Cross-border test with UK customers under safeguards.');
    await s.entry(AIO, EntryDecision.DECLINE, 'No deployment planned in the Union.');
    await s.plan({ start: -80, end: 90, realWorldTestingOf: MAS });
    await s.approvePlan(MAS);
    await s.approvePlan(FCA);
    // Its first report names two stored PDFs: the model card (no expiry) and the data-lineage audit,
    // which expires in 20 days — before the plan ends, so it waits in MAS's and the FCA's work queues.
    const modelCard = await s.upload('merlion-premium-model-card.pdf', { effective: -40 });
    const lineage = await s.upload('merlion-data-lineage-audit.pdf', { effective: -60, expiry: 20 });
    await s.report(MAS, 'merlion-premium-mas-1', Confidentiality.PARTICIPANTS, true, {
      'exit.outcome-report': modelCard,
      'testing.data-lineage': lineage,
    });
    await s.incident(
      'innovator',
      IncidentSeverity.MEDIUM,
      'After a model refresh, instalment limits offered to self-employed applicants fell 20% below those of salaried applicants with the same income.',
      'Lower limits offered to 312 self-employed applicants over nine days; the previous model was restored.',
      ['SG', 'GB'],
    );
    await s.report(MAS, 'merlion-premium-mas-2', Confidentiality.HOME_AUTHORITY, false);
    // After the incident, an amendment: MAS has approved it, the FCA has yet to (version 1 stays in force).
    await s.plan({
      start: -80,
      end: 90,
      realWorldTestingOf: MAS,
      reasons: 'Safeguards after the incident of the model refresh.',
      safeguards:
        'Every decline reviewed by a human underwriter within two working days; a model refresh goes live only after a fairness check across employment types; limits capped at the lender’s current policy.',
    });
    await s.approvePlan(MAS, 'The refresh check answers our concern.');

    // EXIT_REVIEW: the FCA has authorised, the AI Office is still deciding.
    s = await story('Nordvik Consumer Credit Model', [AIO, FCA]);
    await s.submit();
    await s.review(AIO);
    await s.entry(AIO, EntryDecision.ADMIT, 'Annex III 5(b) system with a complete sandbox plan.');
    await s.entry(FCA, EntryDecision.ADMIT, 'UK expansion tested under FCA safeguards.');
    await s.plan({ start: -100, end: 20 });
    await s.approvePlan(FCA);
    await s.approvePlan(AIO);
    await s.report(AIO, 'nordvik-credit-aio', Confidentiality.PARTICIPANTS);
    await s.report(FCA, 'nordvik-credit-fca', Confidentiality.PARTICIPANTS);
    await s.requestExit();
    await s.exit(FCA, ExitDecision.AUTHORISED, 'Testing objectives met.');

    // SUSPENDED: admitted by the FCA alone, then suspended after an incident.
    s = await story('Lumen Affordability Checker', [FCA]);
    await s.submit();
    await s.review(FCA);
    await s.entry(FCA, EntryDecision.ADMIT, 'Ready for a limited live test.');
    // Its plan sent back: the FCA wants a second source for income estimates.
    await s.plan({ start: -30, end: 120, realWorldTestingOf: FCA });
    await s.requestPlanChanges(
      FCA,
      'Say how disposable-income estimates are checked against a second source before a decision relies on them.',
    );
    await s.incident(
      FCA,
      IncidentSeverity.HIGH,
      'Disposable-income estimates drifted upwards after a partner bank changed its open-banking API.',
      'Affordability overstated for about 1,400 applicants; partner lenders re-checked the loans concerned.',
      ['GB'],
    );
    await s.suspend(FCA, 'Income estimates drifted after a bank API change; testing paused until fixed.');

    // UNDER_REVIEW.
    s = await story('Nordvik SME Cash-flow Underwriter', [AIO, MAS]);
    await s.submit();
    await s.review(AIO);

    // DECLINED (entry attestations not met), then a fresh DRAFT application of the same system.
    s = await story('Merlion Motor Claims Triage', [MAS, FCA], { failEntryOf: MAS });
    await s.submit();
    await s.review(MAS);
    await s.entry(MAS, EntryDecision.DECLINE, 'Mandatory entry criteria not met: no readiness for live testing.');
    await s.entry(FCA, EntryDecision.DECLINE, 'Not in scope of the FCA’s regulated activities.');
    await story('Merlion Motor Claims Triage', [MAS]);

    // WITHDRAWN, then SUBMITTED again.
    s = await story('Lumen Arrears Assistant', [FCA]);
    await s.submit();
    await s.withdraw();
    s = await story('Lumen Arrears Assistant', [FCA, MAS]);
    const arrears = (await s.submit()) as EnrolmentEntity;
    // Dated 100 days back, so that its entry decisions are overdue whatever day the demo is loaded
    // (due 3 calendar months after submission: 89 to 92 days). Only the enrolment's submission day
    // moves; its audit trail keeps the day the demo was loaded.
    if (
      !(await this.enrolmentRepo.updateIfVersion(arrears.id, arrears.version, {
        submittedAt: new Date(`${cast.day(-100)}T09:30:00.000Z`),
      }))
    )
      throw new Error('The demo could not date the Lumen Arrears Assistant application');

    return 9;
  }
}

type Story = (
  systemName: string,
  targets: string[],
  options?: { failEntryOf?: string; programmeId?: string },
) => Promise<{
  submit(): Promise<unknown>;
  review(a: string): Promise<unknown>;
  entry(a: string, decision: EntryDecision, reasons: string): Promise<unknown>;
  report(
    a: string,
    key: string,
    confidentiality: Confidentiality,
    accept?: boolean,
    files?: Record<string, string>,
  ): Promise<unknown>;
  upload(filename: string, days: { effective: number; expiry?: number }): Promise<string>;
  requestExit(): Promise<unknown>;
  exit(a: string, decision: ExitDecision, reasons: string): Promise<unknown>;
  suspend(a: string, reasons: string): Promise<unknown>;
  withdraw(): Promise<unknown>;
  exitReport(
    a: string,
    sections: Pick<DraftExitReportCommand, 'keyIssues' | 'seriousIncidents' | 'lessonsLearned'>,
    options?: { issue?: boolean; publish?: boolean },
  ): Promise<unknown>;
  incident(
    by: string,
    severity: IncidentSeverity,
    description: string,
    harm: string,
    affectedJurisdictions: string[],
  ): Promise<unknown>;
  plan(plan: DemoPlan): Promise<unknown>;
  approvePlan(a: string, remarks?: string): Promise<unknown>;
  requestPlanChanges(a: string, reasons: string): Promise<unknown>;
  requestExtension(end: number, reasons: string): Promise<unknown>;
}>;

/** Where a demo system is tested with real applicants, by jurisdiction. */
const TEST_SITES: Record<string, string> = {
  GB: 'England and Wales, through two partner lenders',
  SG: 'Singapore, through one partner bank',
  EU: 'Ireland and the Netherlands, through one lender in each',
};

/** A sandbox plan as a demo innovator proposes it: personal data and safeguards for the programme's authorities only. */
function planCommand(
  cast: Cast,
  systemName: string,
  targets: string[],
  p: DemoPlan & { enrolmentId: string; expectedVersion: number },
): ProposePlanCommand {
  const home = cast.jurisdictionOf[targets[0]];
  const rwt = p.realWorldTestingOf;
  return {
    enrolmentId: p.enrolmentId,
    expectedVersion: p.expectedVersion,
    reasons: p.reasons ?? null,
    timeline: {
      startDay: cast.day(p.start),
      endDay: cast.day(p.end),
      milestones: [
        { day: cast.day(p.start + 30), title: 'First test report to each admitting authority' },
        { day: cast.day(p.end - 14), title: 'Final test reports and exit request' },
      ],
    },
    objectives: {
      text: `Show that ${systemName} decides accurately, fairly and explainably for real applicants, under each admitting authority's criteria.`,
    },
    scope: {
      text: 'Consumer credit applications decided with the model’s score, a human underwriter reviewing every decline; no other use of the model.',
    },
    personalData: {
      processed: true,
      dataProtectionAuthorityId: cast.dataProtectionAuthorities[home],
      description:
        'Applicants’ credit files and open-banking transactions, under the lenders’ privacy notices; pseudonymised for the test reports.',
      confidentiality: Confidentiality.PARTICIPANTS,
    },
    safeguards: {
      text:
        p.safeguards ??
        'Every decline reviewed by a human underwriter within two working days; limits capped at the lender’s current policy; applicants may ask for a re-assessment without the model.',
      confidentiality: Confidentiality.PARTICIPANTS,
    },
    seriousIncidentProcedure: {
      text: 'Stop automated decisions, tell every admitting authority within 24 hours, report the incident on the platform and restore the previous process until the authorities agree to resume.',
    },
    realWorldTesting: rwt
      ? {
          location: TEST_SITES[cast.jurisdictionOf[rwt]],
          subjects: 2000,
          informedConsent:
            'Applicants agree in writing before their application is scored, and may refuse without effect on the decision.',
          durationDays: Math.min(90, p.end - p.start),
          confidentiality: Confidentiality.HOME_AUTHORITY,
          authorityId: rwt,
        }
      : null,
  };
}

/** The demo's evidence files: small PDFs made in code (demo-evidence.ts). */
const DEMO_FILES = [
  {
    filename: 'merlion-premium-model-card.pdf',
    title: 'Merlion Premium Instalment Scorer: model card',
    lines: [
      'Model: gradient-boosted instalment-limit scorer, version 3.2.',
      'Intended use: instalment limits for premium financing of insurance policies in Singapore and the UK.',
      'Training data: 410,000 applications, 2021-2024; self-employed applicants 14%.',
      'Outcome report: approval rates and limits by employment type within the agreed boundary conditions.',
    ],
  },
  {
    filename: 'merlion-data-lineage-audit.pdf',
    title: 'Data lineage audit (third party)',
    lines: ['Every training feature traced to its source system; valid until the next review by the auditor.'],
  },
];

/** A result that meets (or, for `fail`, misses) the criterion. */
function passing(c: CriterionEntity, mode: 'pass' | 'fail'): ResultCommand {
  switch (c.kind) {
    case CriterionKind.ATTESTATION:
      return { criterionId: c.id, attested: mode === 'pass' };
    case CriterionKind.EVIDENCE:
      return mode === 'pass'
        ? { criterionId: c.id, evidenceReference: `dms://demo/${c.key}.pdf`, evidenceSha256: sha(c.key) }
        : { criterionId: c.id };
    case CriterionKind.METRIC: {
      const t = c.threshold!;
      const value =
        c.comparator === Comparator.GTE
          ? t + 0.02
          : c.comparator === Comparator.LTE
            ? Math.max(0, t * 0.6)
            : c.comparator === Comparator.BETWEEN
              ? (t + c.thresholdHigh!) / 2
              : t;
      return { criterionId: c.id, value: mode === 'pass' ? Math.round(value * 1000) / 1000 : -1 };
    }
  }
}

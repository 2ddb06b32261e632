import { Injectable } from '@nestjs/common';
import {
  type Actor,
  Comparator,
  Confidentiality,
  CriterionKind,
  EntryDecision,
  ExitDecision,
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
  ProgrammeRepository,
} from '@sandbridge/persistence';
import { EnrolmentApplicationService } from '../enrolments/enrolment-application.service.js';
import type { ResultCommand } from '../enrolments/enrolment-commands.js';
import { EnrolmentLifecycleService } from '../enrolments/enrolment-lifecycle.service.js';
import { TestReportSubmissionService } from '../enrolments/test-report-submission.service.js';

interface Cast {
  programmeId: string;
  /** Authority ids by acronym: FCA, MAS, AI Office. */
  authorities: Record<string, string>;
  /** Jurisdiction code of each authority id. */
  jurisdictionOf: Record<string, string>;
  /** Regulator account ids by authority id, innovator account ids by organisation id. */
  regulators: Record<string, string>;
  innovators: Record<string, string>;
}

const sha = (seed: string) =>
  Array.from({ length: 64 }, (_, i) => '0123456789abcdef'[(seed.charCodeAt(i % seed.length) + i) % 16]).join('');

/**
 * Enrolments in every state on the demo programme, each reached through the real lifecycle
 * (EnrolmentApplicationService, EnrolmentLifecycleService and TestReportSubmissionService, with the demo regulators and innovators as actors).
 */
@Injectable()
export class DemoEnrolments {
  constructor(
    private readonly applications: EnrolmentApplicationService,
    private readonly enrolments: EnrolmentLifecycleService,
    private readonly reports: TestReportSubmissionService,
    private readonly enrolmentRepo: EnrolmentRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly criteria: CriterionRepository,
    private readonly systems: AiSystemRepository,
  ) {}

  async load(cast: Cast): Promise<number> {
    if ((await this.enrolmentRepo.page({ programmeId: cast.programmeId }, { first: 1 })).totalCount > 0) return 0;
    const attached = await this.programmes.criteriaOf([cast.programmeId]);
    const criteria = new Map((await this.criteria.findByIds(attached.map((a) => a.criterionId))).map((c) => [c.id, c]));
    const of = (authorityId: string, stage: Stage) =>
      attached
        .filter((a) => a.authorityId === authorityId && a.stage === stage)
        .map((a) => criteria.get(a.criterionId)!);
    const { FCA, MAS, 'AI Office': AIO } = cast.authorities;
    const regulator = (authorityId: string): Actor => ({
      accountId: cast.regulators[authorityId],
      role: Role.REGULATOR,
      authorityId,
      organisationId: null,
      jurisdictionCode: null,
    });

    const story = async (systemName: string, targets: string[], options: { failEntryOf?: string } = {}) => {
      const system = (await this.systems.page({ search: systemName }, { first: 1 })).items[0];
      const innovator: Actor = {
        accountId: cast.innovators[system.organisationId],
        role: Role.INNOVATOR,
        authorityId: null,
        organisationId: system.organisationId,
        jurisdictionCode: null,
      };
      const entryResults = targets.flatMap((a) =>
        of(a, Stage.ENTRY).map((c) => passing(c, a === options.failEntryOf ? 'fail' : 'pass')),
      );
      let e: EnrolmentEntity = await this.applications.create(innovator, {
        programmeId: cast.programmeId,
        aiSystemId: system.id,
        targetAuthorityIds: targets,
        entryResults,
      });
      const at = () => ({ enrolmentId: e.id, expectedVersion: e.version });
      const steps = {
        submit: async () => (e = await this.enrolments.submit(innovator, at())),
        review: async (a: string) => (e = await this.enrolments.startReview(regulator(a), at())),
        entry: async (a: string, decision: EntryDecision, reasons: string) =>
          (e = await this.enrolments.decideEntry(regulator(a), { ...at(), decision, reasons })),
        report: async (a: string, key: string, confidentiality: Confidentiality, accept = true) => {
          const results = [...of(a, Stage.TESTING), ...of(a, Stage.EXIT)].map((c) => passing(c, 'pass'));
          const report = await this.reports.submit(innovator, {
            enrolmentId: e.id,
            submittedTo: a,
            periodStart: '2026-10-01',
            periodEnd: '2026-10-31',
            lab: {
              name: 'Meridian AI Assurance Lab',
              accredited: true,
              accreditationBody: cast.jurisdictionOf[a] === 'SG' ? 'SAC' : 'UKAS',
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
      };
      return steps;
    };

    // EXITED: admitted by all three, tested, authorised by two and rejected by one.
    let s = await story('Lumen Thin-File Scorer', [FCA, MAS, AIO]);
    await s.submit();
    await s.review(FCA);
    await s.entry(FCA, EntryDecision.ADMIT, 'In scope, genuinely innovative and ready for testing.');
    await s.entry(MAS, EntryDecision.ADMIT, 'Meets the sandbox evaluation criteria.');
    await s.entry(AIO, EntryDecision.ADMIT, 'High-risk credit scoring with a credible sandbox plan.');
    await s.report(FCA, 'lumen-thin-fca', Confidentiality.PARTICIPANTS);
    await s.report(MAS, 'lumen-thin-mas', Confidentiality.PUBLIC);
    await s.report(AIO, 'lumen-thin-aio', Confidentiality.HOME_AUTHORITY);
    await s.requestExit();
    await s.exit(FCA, ExitDecision.AUTHORISED, 'Consumer outcomes acceptable; transition plan agreed.');
    await s.exit(MAS, ExitDecision.AUTHORISED, 'Boundary conditions respected throughout.');
    await s.exit(AIO, ExitDecision.REJECTED, 'Technical documentation incomplete for Annex IV.');

    // TESTING: admitted by FCA and MAS, declined by the AI Office; one report under review.
    s = await story('Merlion Premium Instalment Scorer', [FCA, MAS, AIO]);
    await s.submit();
    await s.review(MAS);
    await s.entry(MAS, EntryDecision.ADMIT, 'Clear consumer benefit; boundary conditions agreed.');
    await s.entry(FCA, EntryDecision.ADMIT, 'Cross-border test with UK customers under safeguards.');
    await s.entry(AIO, EntryDecision.DECLINE, 'No deployment planned in the Union.');
    await s.report(MAS, 'merlion-premium-mas', Confidentiality.HOME_AUTHORITY, false);

    // EXIT_REVIEW: the FCA has authorised, the AI Office is still deciding.
    s = await story('Nordvik Consumer Credit Model', [AIO, FCA]);
    await s.submit();
    await s.review(AIO);
    await s.entry(AIO, EntryDecision.ADMIT, 'Annex III 5(b) system with a complete sandbox plan.');
    await s.entry(FCA, EntryDecision.ADMIT, 'UK expansion tested under FCA safeguards.');
    await s.report(AIO, 'nordvik-credit-aio', Confidentiality.PARTICIPANTS);
    await s.report(FCA, 'nordvik-credit-fca', Confidentiality.PARTICIPANTS);
    await s.requestExit();
    await s.exit(FCA, ExitDecision.AUTHORISED, 'Testing objectives met.');

    // SUSPENDED: admitted by the FCA alone, then suspended after an incident.
    s = await story('Lumen Affordability Checker', [FCA]);
    await s.submit();
    await s.review(FCA);
    await s.entry(FCA, EntryDecision.ADMIT, 'Ready for a limited live test.');
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
    await s.submit();

    return 9;
  }
}

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

import { Injectable } from '@nestjs/common';
import type { Actor } from '@sandbridge/domain';
import {
  type EnrolmentEntity,
  EnrolmentRepository,
  ProgrammeRepository,
  type TestReportEntity,
  TestReportRepository,
  type TestResultEntity,
} from '@sandbridge/persistence';
import { authorityMaySeeReport, canSeeReport } from './enrolment-access.js';

/** Test reports as their readers may see them (confidentiality applied); submission: TestReportSubmissionService. */
@Injectable()
export class TestReportService {
  constructor(
    private readonly reports: TestReportRepository,
    private readonly enrolmentRepo: EnrolmentRepository,
    private readonly programmes: ProgrammeRepository,
  ) {}

  async findById(actor: Actor, id: string): Promise<TestReportEntity | null> {
    const report = await this.reports.findById(id);
    if (!report) return null;
    return (await this.visible(actor, [report]))[0] ?? null;
  }

  /** Reports of each enrolment the actor may see (confidentiality applied), oldest first. */
  async ofEnrolments(actor: Actor, enrolmentIds: readonly string[]): Promise<TestReportEntity[][]> {
    const visible = await this.visible(actor, await this.reports.ofEnrolments(enrolmentIds));
    return enrolmentIds.map((id) => visible.filter((r) => r.enrolmentId === id));
  }

  /** Ids of the enrolment's reports the actor may not see (their confidentiality withholds them). */
  async hiddenFrom(actor: Actor, enrolmentId: string): Promise<string[]> {
    const all = await this.reports.ofEnrolments([enrolmentId]);
    const visible = new Set((await this.visible(actor, all)).map((r) => r.id));
    return all.filter((r) => !visible.has(r.id)).map((r) => r.id);
  }

  async resultsOf(reportIds: readonly string[]): Promise<TestResultEntity[][]> {
    const all = await this.reports.resultsOf(reportIds);
    return reportIds.map((id) => all.filter((r) => r.reportId === id));
  }

  /**
   * The enrolments' reports that pass `keep`; the ids of those the actor may read; and, by authority
   * id, those a regulator of each authority may read — in three statements whatever the number of
   * authorities.
   */
  async readersOf(
    actor: Actor,
    enrolmentIds: readonly string[],
    authorityIds: readonly string[],
    keep: (report: TestReportEntity) => boolean,
  ): Promise<{
    reports: TestReportEntity[];
    actorMayRead: ReadonlySet<string>;
    byAuthority: Map<string, TestReportEntity[]>;
  }> {
    const reports = (await this.reports.ofEnrolments(enrolmentIds)).filter(keep);
    const sources = await this.sourcesOf(reports);
    const actorMayRead = new Set(
      reports
        .filter((r) => canSeeReport(actor, r, sources.get(r.id)!.enrolment, sources.get(r.id)!.participants))
        .map((r) => r.id),
    );
    const byAuthority = new Map(
      authorityIds.map((id) => [
        id,
        reports.filter((r) => authorityMaySeeReport(id, r, sources.get(r.id)!.participants)),
      ]),
    );
    return { reports, actorMayRead, byAuthority };
  }

  private async visible(actor: Actor, reports: TestReportEntity[]): Promise<TestReportEntity[]> {
    const sources = await this.sourcesOf(reports);
    return reports.filter((report) => {
      const { enrolment, participants } = sources.get(report.id)!;
      return canSeeReport(actor, report, enrolment, participants);
    });
  }

  /** Each report's enrolment and the authorities of its programme (what decides who may read it), in two statements. */
  private async sourcesOf(
    reports: TestReportEntity[],
  ): Promise<Map<string, { enrolment: EnrolmentEntity; participants: string[] }>> {
    if (!reports.length) return new Map();
    const enrolmentIds = [...new Set(reports.map((r) => r.enrolmentId))];
    const enrolments = new Map((await this.enrolmentRepo.findByIds(enrolmentIds)).map((e) => [e.id, e]));
    const participantRows = await this.programmes.participantsOf([
      ...new Set([...enrolments.values()].map((e) => e.programmeId)),
    ]);
    return new Map(
      reports.map((report) => {
        const enrolment = enrolments.get(report.enrolmentId)!;
        return [
          report.id,
          {
            enrolment,
            participants: participantRows
              .filter((p) => p.programmeId === enrolment.programmeId)
              .map((p) => p.authorityId),
          },
        ];
      }),
    );
  }
}

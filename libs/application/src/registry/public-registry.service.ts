import { Injectable } from '@nestjs/common';
import {
  allDeadlines,
  countOverdue,
  type DeadlineKind,
  EnrolmentState,
  EntryDecision,
  type ExitReportDocument,
  isSuppressed,
  type JointEntryRule,
  type Page,
  type PageRequest,
  type ProgrammeStatus,
  type SignedDocument,
  type Stage,
  TrackState,
} from '@sandbridge/domain';
import {
  AuthorityRepository,
  CriterionRepository,
  EnrolmentRepository,
  ExitDocumentRepository,
  ProgrammeRepository,
} from '@sandbridge/persistence';
import { DeadlineService } from '../deadlines/deadline.service.js';
import { attachmentsOf } from '../programmes/programme-rows.js';

/** A count shown to the public: null and `suppressed` when 1 to 4 enrolments are behind it. */
export interface PublicCount {
  count: number | null;
  suppressed: boolean;
}

export interface PublicAuthority {
  id: string;
  name: string;
  acronym: string;
  jurisdiction: string;
}

export interface PublicProgramme {
  id: string;
  name: string;
  description: string;
  status: ProgrammeStatus;
  sectors: string[];
  applicationOpens: string | null;
  applicationCloses: string | null;
  maxTestingDays: number;
  cohortCapacity: number;
  jointEntryRule: JointEntryRule;
  authorities: {
    authority: PublicAuthority;
    isLead: boolean;
    criteria: { stage: Stage; key: string; version: number; title: string; mandatory: boolean }[];
  }[];
  funnel: {
    submitted: PublicCount;
    tested: PublicCount;
    exited: PublicCount;
    declined: PublicCount;
    withdrawn: PublicCount;
    authorities: {
      authorityId: string;
      targeted: PublicCount;
      admitted: PublicCount;
      declined: PublicCount;
      authorised: PublicCount;
      rejected: PublicCount;
    }[];
    /** Deadlines overdue today, per kind that can be, each count under disclosure control. */
    overdue: { kind: DeadlineKind; count: PublicCount }[];
  };
  publishedExitReports: number;
}

export interface PublicExitReport {
  id: string;
  /** The signed public copy, as issued. */
  signed: SignedDocument<ExitReportDocument>;
}

/** A count of enrolments as the public sees it: suppressed when 1 to 4 (disclosure control). */
export function publicCount(n: number): PublicCount {
  return isSuppressed(n) ? { count: null, suppressed: true } : { count: n, suppressed: false };
}

/**
 * The public registry (docs/domain.md#public-registry), read without signing in: the programmes that
 * are OPEN, RUNNING or CLOSED with their authorities, criteria and funnel (small cells suppressed),
 * and the exit reports their participants consented to publish — as their signed public copies.
 */
@Injectable()
export class PublicRegistryService {
  constructor(
    private readonly programmes: ProgrammeRepository,
    private readonly authorities: AuthorityRepository,
    private readonly criteria: CriterionRepository,
    private readonly enrolments: EnrolmentRepository,
    private readonly documents: ExitDocumentRepository,
    private readonly deadlines: DeadlineService,
  ) {}

  /** A page of published programmes, by name; each statement reads for the whole page. */
  async programmesPage(request: PageRequest): Promise<Page<PublicProgramme>> {
    const page = await this.programmes.page({ publishedOnly: true }, request);
    const ids = page.items.map((p) => p.id);
    const participants = await this.programmes.participantsOf(ids);
    const authorities = new Map(
      (await this.authorities.findByIds([...new Set(participants.map((p) => p.authorityId))])).map((a) => [a.id, a]),
    );
    const attached = await attachmentsOf(this.programmes, ids);
    const criteria = new Map(
      (await this.criteria.findByIds([...new Set(attached.flat().map((a) => a.criterionId))])).map((c) => [c.id, c]),
    );
    const { enrolments, tracks } = ids.length
      ? await this.enrolments.ofProgrammes(ids)
      : { enrolments: [], tracks: [] };
    const published = await this.documents.publishedCounts(ids);
    // Every programme's deadlines in one go (a drafts' deadlines do not exist: none is submitted).
    const deadlines = await this.deadlines.ofEnrolments(
      enrolments.map((enrolment) => ({ enrolment, tracks: tracks.filter((t) => t.enrolmentId === enrolment.id) })),
    );
    const deadlinesOf = new Map(enrolments.map((e, i) => [e.id, deadlines[i]]));
    const items = page.items.map((p, i): PublicProgramme => {
      // Drafts are nobody's business but the applicant's: the public funnel starts at submission.
      const own = enrolments.filter((e) => e.programmeId === p.id && e.state !== EnrolmentState.DRAFT);
      const ownIds = new Set(own.map((e) => e.id));
      const ownTracks = tracks.filter((t) => ownIds.has(t.enrolmentId));
      const count = (predicate: (e: (typeof own)[number]) => boolean) => publicCount(own.filter(predicate).length);
      return {
        id: p.id,
        name: p.name,
        description: p.description,
        status: p.status,
        sectors: p.sectors,
        applicationOpens: p.applicationOpens,
        applicationCloses: p.applicationCloses,
        maxTestingDays: p.maxTestingDays,
        cohortCapacity: p.cohortCapacity,
        jointEntryRule: p.jointEntryRule,
        // The lead first, then by acronym.
        authorities: participants
          .filter((x) => x.programmeId === p.id)
          .map((x) => authorities.get(x.authorityId)!)
          .sort(
            (a, b) =>
              Number(b.id === p.leadAuthorityId) - Number(a.id === p.leadAuthorityId) ||
              a.acronym.localeCompare(b.acronym),
          )
          .map((a) => {
            return {
              authority: { id: a.id, name: a.name, acronym: a.acronym, jurisdiction: a.jurisdictionCode },
              isLead: a.id === p.leadAuthorityId,
              criteria: attached[i]
                .filter((c) => c.authorityId === a.id)
                .map((c) => {
                  const criterion = criteria.get(c.criterionId)!;
                  return {
                    stage: c.stage,
                    key: criterion.key,
                    version: criterion.version,
                    title: criterion.title,
                    mandatory: c.mandatory,
                  };
                }),
            };
          }),
        funnel: {
          submitted: count(() => true),
          tested: count((e) => e.testingStartedAt !== null),
          exited: count((e) => e.state === EnrolmentState.EXITED),
          declined: count((e) => e.state === EnrolmentState.DECLINED),
          withdrawn: count((e) => e.state === EnrolmentState.WITHDRAWN),
          authorities: participants
            .filter((x) => x.programmeId === p.id)
            .map(({ authorityId }) => {
              const of = ownTracks.filter((t) => t.authorityId === authorityId);
              const n = (predicate: (t: (typeof of)[number]) => boolean) => publicCount(of.filter(predicate).length);
              return {
                authorityId,
                targeted: publicCount(of.length),
                admitted: n((t) => t.entryDecision === EntryDecision.ADMIT),
                declined: n((t) => t.entryDecision === EntryDecision.DECLINE),
                authorised: n((t) => t.state === TrackState.AUTHORISED),
                rejected: n((t) => t.state === TrackState.REJECTED),
              };
            }),
          overdue: countOverdue(own.flatMap((e) => allDeadlines(deadlinesOf.get(e.id)!))).map(({ kind, count }) => ({
            kind,
            count: publicCount(count),
          })),
        },
        publishedExitReports: published.get(p.id) ?? 0,
      };
    });
    return { ...page, items };
  }

  /** A page of published exit reports (issued, consented to, not withdrawn), oldest issue first. */
  async exitReportsPage(
    filter: { programmeId?: string | null },
    request: PageRequest,
  ): Promise<Page<PublicExitReport>> {
    const page = await this.documents.published(filter, request);
    return {
      ...page,
      items: page.items.map((r) => ({
        id: r.id,
        signed: {
          document: JSON.parse(r.publicDocument!) as ExitReportDocument,
          sha256: r.publicSha256!,
          signature: r.publicSignature!,
          keyId: r.keyId!,
        },
      })),
    };
  }
}

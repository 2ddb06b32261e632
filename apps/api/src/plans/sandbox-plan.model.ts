import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ShownPlan } from '@sandbridge/application';
import {
  Confidentiality,
  PlanAction,
  PlanDecision,
  type PlanSectionMeta,
  SandboxPlanStatus,
  type ShownSection,
} from '@sandbridge/domain';
import type { SandboxPlanApprovalEntity } from '@sandbridge/persistence';
import '../enrolments/enrolment.enums.js';
import { DateScalar } from '../graphql/scalars.js';
import './sandbox-plan.enums.js';

const WITHHELD =
  'True when the section’s confidentiality keeps it from you: its content fields are null, its marking shown.';

/** What every section of a plan has: its marking, and whether the reader may read it. */
@ObjectType({ isAbstract: true })
abstract class PlanSectionFields {
  @Field(() => Confidentiality, {
    description:
      'Who may read the section, as for test reports (HOME_AUTHORITY: only `authority`). Unmarked: PUBLIC (presumed disclosable).',
  })
  confidentiality: Confidentiality;

  @Field(() => Boolean, { description: WITHHELD })
  withheld: boolean;

  /** Resolved to the Authority the section belongs to (sandbox-plan-fields.resolver.ts). */
  authorityId: string | null;

  /** Resolved to the evidence the section names (evidence-references.resolver.ts); empty when withheld. */
  evidenceIds: string[];
}

/** The marking of a section and, unless withheld, its content (null fields when withheld). */
function sectionOf<S extends PlanSectionMeta, C extends object>(
  shown: ShownSection<S>,
  content: (s: S) => C,
): PlanSectionFields & { [K in keyof C]: C[K] | null } {
  const base = {
    confidentiality: shown.confidentiality,
    authorityId: shown.authorityId,
    withheld: shown.withheld,
    // A withheld section names no evidence to its reader.
    evidenceIds: shown.withheld ? [] : ((shown as unknown as S).evidenceIds ?? []),
  };
  return shown.withheld
    ? (base as PlanSectionFields & { [K in keyof C]: C[K] | null })
    : { ...base, ...content(shown as unknown as S) };
}

@ObjectType({ description: 'A dated step of the testing.' })
export class PlanMilestone {
  @Field(() => DateScalar)
  day: string;

  @Field(() => String)
  title: string;
}

@ObjectType({ description: 'When testing runs: its start and end day (UTC) and its milestones.' })
export class PlanTimeline extends PlanSectionFields {
  @Field(() => DateScalar, { nullable: true })
  startDay: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'No later than startDay + the programme’s maximum testing period; testing ends here.',
  })
  endDay: string | null;

  @Field(() => [PlanMilestone], { nullable: true })
  milestones: PlanMilestone[] | null;
}

@ObjectType({ description: 'A section written as text (objectives, scope, safeguards, serious-incident procedure).' })
export class PlanTextSection extends PlanSectionFields {
  @Field(() => String, { nullable: true })
  text: string | null;
}

@ObjectType({
  description:
    'The requirements in scope: criteria (versions) of the admitting authorities, at least their attached TESTING and EXIT criteria.',
})
export class PlanRequirements extends PlanSectionFields {
  /** Resolved to the criteria (sandbox-plan-fields.resolver.ts). */
  criterionIds: string[] | null;
}

@ObjectType({ description: 'Whether personal data is processed, and the data protection authority involved.' })
export class PlanPersonalData extends PlanSectionFields {
  @Field(() => Boolean, { nullable: true })
  processed: boolean | null;

  @Field(() => String, { nullable: true, description: 'What data, whose, on what basis.' })
  description: string | null;

  /** Resolved to the Authority (sandbox-plan-fields.resolver.ts). */
  dataProtectionAuthorityId: string | null;
}

@ObjectType({
  description: 'Testing in real-world conditions: where, with how many subjects, their consent, how long.',
})
export class PlanRealWorldTesting extends PlanSectionFields {
  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => Int, { nullable: true })
  subjects: number | null;

  @Field(() => String, { nullable: true, description: 'How the subjects’ informed consent is obtained.' })
  informedConsent: string | null;

  @Field(() => Int, { nullable: true })
  durationDays: number | null;
}

@ObjectType({ description: 'One authority’s decision on a proposed version.' })
export class PlanApproval {
  @Field(() => PlanDecision)
  decision: PlanDecision;

  @Field(() => String, { nullable: true, description: 'Required when asking for changes.' })
  reasons: string | null;

  @Field(() => Date)
  decidedAt: Date;

  /** Resolved to the Authority (sandbox-plan-fields.resolver.ts). */
  authorityId: string;

  static from(a: SandboxPlanApprovalEntity): PlanApproval {
    return Object.assign(new PlanApproval(), {
      decision: a.decision,
      reasons: a.reasons,
      decidedAt: a.decidedAt,
      authorityId: a.authorityId,
    });
  }
}

@ObjectType({
  description:
    'One version of an enrolment’s sandbox plan (docs/domain.md#sandbox-plans), agreed between the innovator and every ' +
    'admitting, unsuspended authority. Sections you may not read are withheld (their content null).',
})
export class SandboxPlan {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '1, 2, … per enrolment.' })
  version: number;

  @Field(() => SandboxPlanStatus)
  status: SandboxPlanStatus;

  @Field(() => Boolean, { description: 'The version in force: the latest AGREED. Test reports are made under it.' })
  inForce: boolean;

  @Field(() => Int, { nullable: true, description: 'The version in force it amends (null: the first agreement).' })
  amends: number | null;

  @Field(() => Boolean, { description: 'True when it moves the agreed end day later (an extension).' })
  extension: boolean;

  @Field(() => String, { nullable: true, description: 'Why the innovator proposed this version.' })
  reasons: string | null;

  @Field(() => Date)
  proposedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was AGREED or CHANGES_REQUESTED.' })
  decidedAt: Date | null;

  @Field(() => Date, { nullable: true })
  supersededAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'The version that superseded it.' })
  supersededBy: number | null;

  @Field(() => Int, { description: 'How many sections are withheld from you.' })
  withheld: number;

  @Field(() => PlanTimeline)
  timeline: PlanTimeline;

  @Field(() => PlanTextSection)
  objectives: PlanTextSection;

  @Field(() => PlanTextSection)
  scope: PlanTextSection;

  @Field(() => PlanRequirements)
  requirements: PlanRequirements;

  @Field(() => PlanPersonalData)
  personalData: PlanPersonalData;

  @Field(() => PlanTextSection)
  safeguards: PlanTextSection;

  @Field(() => PlanTextSection)
  seriousIncidentProcedure: PlanTextSection;

  @Field(() => PlanRealWorldTesting, { nullable: true, description: 'Null when the plan has none.' })
  realWorldTesting: PlanRealWorldTesting | null;

  @Field(() => [PlanApproval], { description: 'The authorities’ decisions on this version, oldest first.' })
  approvals: PlanApproval[];

  enrolmentId: string;
  /** Resolved to the authorities whose approval a PROPOSED version still needs (sandbox-plan-fields.resolver.ts). */
  awaitingIds: string[];

  static from(p: ShownPlan): SandboxPlan {
    const c = p.content;
    const text = (s: (typeof c)['objectives']) =>
      Object.assign(
        new PlanTextSection(),
        sectionOf(s, (t) => ({ text: t.text })),
      );
    return Object.assign(new SandboxPlan(), {
      id: p.row.id,
      version: p.row.version,
      status: p.row.status,
      inForce: p.inForce,
      amends: p.row.amends,
      extension: p.row.extension,
      reasons: p.row.reasons,
      proposedAt: p.row.proposedAt,
      decidedAt: p.row.decidedAt,
      supersededAt: p.row.supersededAt,
      supersededBy: p.row.supersededBy,
      withheld: p.withheld,
      timeline: Object.assign(
        new PlanTimeline(),
        sectionOf(c.timeline, (t) => ({ startDay: t.startDay, endDay: t.endDay, milestones: t.milestones })),
      ),
      objectives: text(c.objectives),
      scope: text(c.scope),
      requirements: Object.assign(
        new PlanRequirements(),
        sectionOf(c.requirements, (r) => ({ criterionIds: r.criterionIds })),
      ),
      personalData: Object.assign(
        new PlanPersonalData(),
        sectionOf(c.personalData, (d) => ({
          processed: d.processed,
          description: d.description,
          dataProtectionAuthorityId: d.dataProtectionAuthorityId,
        })),
      ),
      safeguards: text(c.safeguards),
      seriousIncidentProcedure: text(c.seriousIncidentProcedure),
      realWorldTesting: c.realWorldTesting
        ? Object.assign(
            new PlanRealWorldTesting(),
            sectionOf(c.realWorldTesting, (r) => ({
              location: r.location,
              subjects: r.subjects,
              informedConsent: r.informedConsent,
              durationDays: r.durationDays,
            })),
          )
        : null,
      approvals: p.approvals.map(PlanApproval.from),
      enrolmentId: p.row.enrolmentId,
      awaitingIds: p.awaiting,
    });
  }
}

@ObjectType({ description: 'A plan action and whether you may take it now; when not, why.' })
export class AllowedPlanAction {
  @Field(() => PlanAction)
  action: PlanAction;

  @Field(() => Boolean)
  allowed: boolean;

  @Field(() => String, { nullable: true, description: 'Why not, in words.' })
  reason: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why not, as a stable token (`PLAN_NOT_AGREED`, `EXTENSION_TOO_LATE`, `TRACK_NOT_ADMITTED`, …): the error would carry it as `extensions.reason`.',
  })
  reasonCode: string | null;
}

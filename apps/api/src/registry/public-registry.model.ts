import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type {
  PublicExitReport as PublicExitReportRow,
  PublicProgramme as PublicProgrammeRow,
} from '@sandbridge/application';
import {
  DeadlineKind,
  JointEntryRule,
  ProgrammeStatus,
  renderExitReportDocumentMarkdown,
  Stage,
} from '@sandbridge/domain';
import { GraphQLJSON } from 'graphql-scalars';
import '../catalogue/catalogue.enums.js';
import '../deadlines/deadline.enums.js';
import { NamedRef } from '../enrolments/exit-report.model.js';
import { Connection } from '../graphql/connection.model.js';
import '../programmes/programme.enums.js';
import { DateScalar } from '../graphql/scalars.js';

@ObjectType({
  description:
    'A count of enrolments shown to the public: null and `suppressed` when 1 to 4 enrolments are behind it (docs/domain.md#public-registry).',
})
export class PublicCount {
  @Field(() => Int, { nullable: true })
  count: number | null;

  @Field(() => Boolean)
  suppressed: boolean;
}

@ObjectType({ description: 'An authority as the public registry names it.' })
export class PublicAuthority {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  acronym: string;

  @Field(() => String, { description: 'Its jurisdiction’s code.' })
  jurisdiction: string;
}

@ObjectType({ description: 'A criterion an authority attached to a programme: its key and title, no more.' })
export class PublicCriterion {
  @Field(() => Stage)
  stage: Stage;

  @Field(() => String)
  key: string;

  @Field(() => Int)
  version: number;

  @Field(() => String)
  title: string;

  @Field(() => Boolean)
  mandatory: boolean;
}

@ObjectType({ description: 'One authority of a published programme, with the criteria it attached.' })
export class PublicProgrammeAuthority {
  @Field(() => PublicAuthority)
  authority: PublicAuthority;

  @Field(() => Boolean)
  isLead: boolean;

  @Field(() => [PublicCriterion])
  criteria: PublicCriterion[];
}

@ObjectType({ description: 'How one authority’s tracks stand, every count under disclosure control.' })
export class PublicFunnelAuthority {
  @Field(() => ID)
  authorityId: string;

  @Field(() => PublicCount)
  targeted: PublicCount;

  @Field(() => PublicCount)
  admitted: PublicCount;

  @Field(() => PublicCount)
  declined: PublicCount;

  @Field(() => PublicCount)
  authorised: PublicCount;

  @Field(() => PublicCount)
  rejected: PublicCount;
}

@ObjectType({ description: 'How many deadlines of one kind are overdue today, under disclosure control.' })
export class PublicOverdueCount {
  @Field(() => DeadlineKind)
  kind: DeadlineKind;

  @Field(() => PublicCount)
  count: PublicCount;
}

@ObjectType({
  description: 'A published programme’s funnel, from submission on (drafts are left out); small counts suppressed.',
})
export class PublicFunnel {
  @Field(() => PublicCount)
  submitted: PublicCount;

  @Field(() => PublicCount, { description: 'Admitted into testing.' })
  tested: PublicCount;

  @Field(() => PublicCount)
  exited: PublicCount;

  @Field(() => PublicCount)
  declined: PublicCount;

  @Field(() => PublicCount)
  withdrawn: PublicCount;

  @Field(() => [PublicFunnelAuthority])
  authorities: PublicFunnelAuthority[];

  @Field(() => [PublicOverdueCount], {
    description: 'Deadlines overdue today, one count per kind that can be overdue (docs/domain.md#deadlines).',
  })
  overdue: PublicOverdueCount[];
}

@ObjectType({ description: 'A programme that is OPEN, RUNNING or CLOSED, as anyone may read it without signing in.' })
export class PublicProgramme {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  description: string;

  @Field(() => ProgrammeStatus)
  status: ProgrammeStatus;

  @Field(() => [String])
  sectors: string[];

  // UTC days (`YYYY-MM-DD`, as stored): the Date scalar, as Programme has them (DateTime refused the string).
  @Field(() => DateScalar, { nullable: true, description: 'First day applications are accepted (UTC).' })
  applicationOpens: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day applications are accepted (UTC).' })
  applicationCloses: string | null;

  @Field(() => Int)
  maxTestingDays: number;

  @Field(() => Int)
  cohortCapacity: number;

  @Field(() => JointEntryRule)
  jointEntryRule: JointEntryRule;

  @Field(() => [PublicProgrammeAuthority], { description: 'The lead first, then by acronym.' })
  authorities: PublicProgrammeAuthority[];

  @Field(() => PublicFunnel)
  funnel: PublicFunnel;

  @Field(() => Int, { description: 'How many of its exit reports are published.' })
  publishedExitReports: number;

  static from(p: PublicProgrammeRow): PublicProgramme {
    return Object.assign(new PublicProgramme(), p);
  }
}

@ObjectType({
  description:
    'A published exit report: the signed public copy of an issued report the participant consented to publish.',
})
export class PublicExitReport {
  @Field(() => ID, { description: 'The exit report version.' })
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => Date)
  issuedAt: Date;

  @Field(() => PublicAuthority, { description: 'The authority that issued it.' })
  authority: PublicAuthority;

  @Field(() => NamedRef)
  programme: NamedRef;

  @Field(() => NamedRef)
  organisation: NamedRef;

  @Field(() => NamedRef)
  aiSystem: NamedRef;

  @Field(() => GraphQLJSON, {
    description:
      'The signed public copy {document, sha256, signature, keyId} (docs/formats.md#signed-documents): verifiable offline.',
  })
  signed: unknown;

  @Field(() => String, { description: 'The public copy as Markdown.' })
  markdown: string;

  static from(r: PublicExitReportRow): PublicExitReport {
    const d = r.signed.document;
    return Object.assign(new PublicExitReport(), {
      id: r.id,
      version: d.version,
      issuedAt: new Date(d.issuedAt),
      authority: { ...d.issuer },
      programme: { id: d.programme.id, name: d.programme.name },
      organisation: { id: d.organisation.id, name: d.organisation.name },
      aiSystem: { id: d.aiSystem.id, name: d.aiSystem.name },
      signed: r.signed,
      markdown: renderExitReportDocumentMarkdown(d),
    });
  }
}

@ObjectType()
export class PublicProgrammeConnection extends Connection(PublicProgramme) {}

@ObjectType()
export class PublicExitReportConnection extends Connection(PublicExitReport) {}

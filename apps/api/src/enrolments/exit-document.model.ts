import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ShownExitReport, ShownWrittenProof } from '@sandbridge/application';
import {
  Confidentiality,
  ExitReportStatus,
  renderExitReportDocumentMarkdown,
  renderWrittenProofMarkdown,
} from '@sandbridge/domain';
import { GraphQLJSON } from 'graphql-scalars';
import './enrolment.enums.js';

registerEnumType(ExitReportStatus, {
  name: 'ExitReportStatus',
  description: 'DRAFT while the authority writes it; ISSUED: signed, never changed; SUPERSEDED by a correction.',
});

const SIGNED =
  'The signed document {document, sha256, signature, keyId} (docs/formats.md#signed-documents): verify it offline ' +
  'against GET /.well-known/sandbridge-keys or with `npm run -s verify`.';

@ObjectType({
  description:
    'The written proof an authority issued at its track’s final exit decision (docs/domain.md#exit-documents).',
})
export class WrittenProof {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  enrolmentId: string;

  /** Resolved to the Authority (exit-document.resolver.ts). */
  authorityId: string;

  @Field(() => Date)
  issuedAt: Date;

  @Field(() => Boolean, { description: 'True when the exit decision was AUTHORISED: the project was completed.' })
  completed: boolean;

  @Field(() => GraphQLJSON, {
    description:
      'The sandbridge/written-proof@1 document as you may read it: a requirement resting on a result you may not read is WITHHELD.',
  })
  document: unknown;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: `${SIGNED} Null when something in it was withheld from you (see \`withheld\`).`,
  })
  signed: unknown;

  @Field(() => Int, { description: 'How many requirements were withheld from you (0: `signed` is the proof itself).' })
  withheld: number;

  @Field(() => String, { description: 'The document as you may read it, rendered as Markdown.' })
  markdown: string;

  static from(p: ShownWrittenProof): WrittenProof {
    return Object.assign(new WrittenProof(), {
      id: p.row.id,
      enrolmentId: p.row.enrolmentId,
      authorityId: p.row.authorityId,
      issuedAt: p.row.issuedAt,
      completed: p.document.completed,
      document: p.document,
      signed: p.signed,
      withheld: p.withheld,
      markdown: renderWrittenProofMarkdown(p.document),
    });
  }
}

@ObjectType({ description: 'A section the authority writes in its exit report, with who may read it.' })
export class ExitReportSection {
  @Field(() => String)
  text: string;

  @Field(() => Confidentiality, {
    description: 'As for test reports; only PUBLIC sections appear in the public copy. Unmarked: PUBLIC.',
  })
  confidentiality: Confidentiality;
}

@ObjectType({ description: 'How one serious incident ended, as the authority writes it.' })
export class IncidentOutcome {
  @Field(() => ID)
  incidentId: string;

  @Field(() => String)
  outcome: string;
}

@ObjectType({ description: 'What the authority has written so far (drafts only).' })
export class ExitReportDraft {
  @Field(() => ExitReportSection, {
    nullable: true,
    description: 'The key regulatory issues and how they were resolved.',
  })
  keyIssues: ExitReportSection | null;

  @Field(() => ExitReportSection, { nullable: true, description: 'The serious (HIGH, CRITICAL) incidents.' })
  seriousIncidents: ExitReportSection | null;

  @Field(() => ExitReportSection, { nullable: true })
  lessonsLearned: ExitReportSection | null;

  @Field(() => [IncidentOutcome])
  incidentOutcomes: IncidentOutcome[];
}

@ObjectType({ description: 'Whether the participant consented to publishing an issued exit report.' })
export class ExitReportPublication {
  @Field(() => Boolean, {
    description: 'In the public registry now: issued (not superseded), consented to, not withdrawn.',
  })
  published: boolean;

  @Field(() => Date, { nullable: true, description: 'The last consent given.' })
  consentedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When that consent was withdrawn (null: it stands).' })
  withdrawnAt: Date | null;
}

@ObjectType({
  description:
    'One version of an authority’s exit report on an enrolment (docs/domain.md#exit-documents): a draft, or issued and signed.',
})
export class ExitReportVersion {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  enrolmentId: string;

  /** Resolved to the Authority (exit-document.resolver.ts). */
  authorityId: string;

  @Field(() => Int, { description: '1, 2, …: a correction is the next version.' })
  version: number;

  @Field(() => ExitReportStatus)
  status: ExitReportStatus;

  @Field(() => Int, { description: 'Raised by every save of a draft; issueExitReport names the revision it signs.' })
  revision: number;

  @Field(() => ExitReportDraft, { nullable: true, description: 'What was written, while DRAFT (null once issued).' })
  draft: ExitReportDraft | null;

  @Field(() => ID, { nullable: true, description: 'The issued version this one corrects.' })
  supersedes: string | null;

  @Field(() => ID, { nullable: true, description: 'The version that corrected this one.' })
  supersededBy: string | null;

  @Field(() => Date, { nullable: true })
  supersededAt: Date | null;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  issuedAt: Date | null;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      'The sandbridge/exit-report@1 document as you may read it (null while DRAFT): what rests on results you may not read is WITHHELD or left out.',
  })
  document: unknown;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: `${SIGNED} Null while DRAFT, or when something in it was withheld from you.`,
  })
  signed: unknown;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      'The signed public copy (null while DRAFT): what the public registry shows once the participant consents.',
  })
  publicCopy: unknown;

  @Field(() => Int, { description: 'How many items were withheld from you (0: `signed` is the report itself).' })
  withheld: number;

  @Field(() => String, {
    nullable: true,
    description: 'The document as you may read it, as Markdown (null while DRAFT).',
  })
  markdown: string | null;

  @Field(() => ExitReportPublication)
  publication: ExitReportPublication;

  static from(r: ShownExitReport): ExitReportVersion {
    const row = r.row;
    return Object.assign(new ExitReportVersion(), {
      id: row.id,
      enrolmentId: row.enrolmentId,
      authorityId: row.authorityId,
      version: row.version,
      status: row.status,
      revision: row.revision,
      draft: r.document ? null : { ...row.sections, incidentOutcomes: row.sections.incidentOutcomes ?? [] },
      supersedes: row.supersedes,
      supersededBy: row.supersededBy,
      supersededAt: row.supersededAt,
      updatedAt: row.updatedAt,
      issuedAt: row.issuedAt,
      document: r.document,
      signed: r.signed,
      publicCopy: r.publicCopy,
      withheld: r.withheld,
      markdown: r.document ? renderExitReportDocumentMarkdown(r.document) : null,
      publication: {
        published: r.published,
        consentedAt: row.consentedAt,
        withdrawnAt: row.consentWithdrawnAt,
      },
    });
  }
}

@ObjectType({
  description:
    'Whether a signed document is one this platform signed, unchanged (docs/domain.md#signatures). An answer, never an error.',
})
export class DocumentVerification {
  @Field(() => Boolean)
  valid: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'What failed: document, sha256, signature or keyId (or the envelope, when it has not the shape).',
  })
  path: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true, description: 'The key the document names.' })
  keyId: string | null;

  @Field(() => String, { nullable: true, description: 'The document’s format (or type), when it names one.' })
  format: string | null;

  @Field(() => ID, { nullable: true, description: 'The document’s id, when it has one.' })
  documentId: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'For a valid exit report: the version that corrects it, when one was issued (it still verifies).',
  })
  supersededBy: string | null;
}

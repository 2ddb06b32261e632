import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ExitDocumentService } from '@sandbridge/application';
import { type Actor, ExitReportStatus, Role } from '@sandbridge/domain';
import { GraphQLJSON } from 'graphql-scalars';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { ReferenceResolver } from '../graphql/reference.resolver.js';
import { Authority } from '../reference/authority.model.js';
import { DraftExitReportInput, ExitReportIdInput, IssueExitReportInput } from './exit-document.input.js';
import { DocumentVerification, ExitReportVersion, WrittenProof } from './exit-document.model.js';
import { ExitReportAuthorityModel } from './exit-report.model.js';

/** Written proofs, exit report versions, publication consent and document verification (docs/domain.md#exit-documents). */
@Resolver()
export class ExitDocumentResolver {
  constructor(private readonly exitDocuments: ExitDocumentService) {}

  @Query(() => WrittenProof, {
    nullable: true,
    description:
      'The written proof one authority issued at its track’s final exit decision (null: none yet, or not yours to see).',
  })
  async writtenProof(
    @CurrentActor() actor: Actor,
    @Args('enrolmentId', { type: () => ID }) enrolmentId: string,
    @Args('authorityId', { type: () => ID }) authorityId: string,
  ): Promise<WrittenProof | null> {
    const proof = await this.exitDocuments.writtenProof(actor, enrolmentId, authorityId);
    return proof && WrittenProof.from(proof);
  }

  @Public()
  @Query(() => DocumentVerification, {
    description:
      'Checks a signed document (a written proof, an exit report or its public copy, an audit checkpoint) against ' +
      'the platform’s keys, current and retired — what `npm run -s verify` does offline. No sign-in needed.',
  })
  async verifyDocument(
    @Args('document', {
      type: () => GraphQLJSON,
      description: 'The signed document {document, sha256, signature, keyId}.',
    })
    document: unknown,
  ): Promise<DocumentVerification> {
    return Object.assign(new DocumentVerification(), await this.exitDocuments.verifyDocument(document));
  }

  @Roles(Role.REGULATOR)
  @Mutation(() => ExitReportVersion, {
    description:
      'A regulator of an authority whose track has a final exit decision writes its exit report: a new draft (the ' +
      'first version, or a correction of the issued one) or changes to its draft. Issued versions never change.',
  })
  async draftExitReport(
    @CurrentActor() actor: Actor,
    @Args('input') input: DraftExitReportInput,
  ): Promise<ExitReportVersion> {
    return ExitReportVersion.from(await this.exitDocuments.draft(actor, input));
  }

  @Roles(Role.REGULATOR)
  @Mutation(() => ExitReportVersion, {
    description:
      'Issues the draft: signed in full and as its public copy, never changed again; a correction supersedes the ' +
      'version it corrects (which still verifies).',
  })
  async issueExitReport(
    @CurrentActor() actor: Actor,
    @Args('input') input: IssueExitReportInput,
  ): Promise<ExitReportVersion> {
    return ExitReportVersion.from(await this.exitDocuments.issue(actor, input));
  }

  @Roles(Role.INNOVATOR)
  @Mutation(() => ExitReportVersion, {
    description: 'The participant consents to publishing an issued exit report in the public registry.',
  })
  async consentToPublication(
    @CurrentActor() actor: Actor,
    @Args('input') input: ExitReportIdInput,
  ): Promise<ExitReportVersion> {
    return ExitReportVersion.from(await this.exitDocuments.consent(actor, input.exitReportId));
  }

  @Roles(Role.INNOVATOR)
  @Mutation(() => ExitReportVersion, {
    description: 'The participant withdraws its consent: the report leaves the public registry at once.',
  })
  async withdrawPublicationConsent(
    @CurrentActor() actor: Actor,
    @Args('input') input: ExitReportIdInput,
  ): Promise<ExitReportVersion> {
    return ExitReportVersion.from(await this.exitDocuments.withdrawConsent(actor, input.exitReportId));
  }
}

/** The exit documents of each authority's section of the exit report, through one loader per request. */
@Resolver(() => ExitReportAuthorityModel)
export class ExitReportAuthorityDocumentsResolver {
  // GraphQL's own signature, no parameter decorators (reference.resolver.ts).

  @ResolveField(() => WrittenProof, { nullable: true, description: 'Issued at the track’s final exit decision.' })
  async writtenProof(a: ExitReportAuthorityModel, _args: unknown, ctx: GraphQLContext): Promise<WrittenProof | null> {
    const proof = (await documentsOf(a, ctx)).proofs.find((p) => p.row.authorityId === a.authorityId);
    return proof ? WrittenProof.from(proof) : null;
  }

  @ResolveField(() => ExitReportVersion, {
    nullable: true,
    description: 'The authority’s exit report in force: the latest issued version (null: none issued yet).',
  })
  async issuedReport(
    a: ExitReportAuthorityModel,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<ExitReportVersion | null> {
    const shown = (await documentsOf(a, ctx)).reports.find(
      (r) => r.row.authorityId === a.authorityId && r.row.status === ExitReportStatus.ISSUED,
    );
    return shown ? ExitReportVersion.from(shown) : null;
  }

  @ResolveField(() => ExitReportVersion, {
    nullable: true,
    description: 'The draft being written (only to the authority’s regulators and administrators).',
  })
  async draftReport(
    a: ExitReportAuthorityModel,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<ExitReportVersion | null> {
    const shown = (await documentsOf(a, ctx)).reports.find(
      (r) => r.row.authorityId === a.authorityId && r.row.status === ExitReportStatus.DRAFT,
    );
    return shown ? ExitReportVersion.from(shown) : null;
  }

  @ResolveField(() => [ExitReportVersion], {
    description: 'Every version you may see, newest first: the draft, the issued one, the superseded ones.',
  })
  async reportVersions(a: ExitReportAuthorityModel, _args: unknown, ctx: GraphQLContext): Promise<ExitReportVersion[]> {
    return (await documentsOf(a, ctx)).reports
      .filter((r) => r.row.authorityId === a.authorityId)
      .sort((x, y) => y.row.version - x.row.version)
      .map(ExitReportVersion.from);
  }
}

function documentsOf(a: ExitReportAuthorityModel, ctx: GraphQLContext) {
  if (!a.enrolmentId) throw new Error('ExitReportAuthorityModel resolved without its enrolment');
  return ctx.loaders.exitDocumentsOfEnrolment.load(a.enrolmentId);
}

export const WrittenProofReferencesResolver = ReferenceResolver(WrittenProof, {
  authority: { type: () => Authority, loader: 'authority', id: (p) => p.authorityId, description: 'Who issued it.' },
});

export const ExitReportVersionReferencesResolver = ReferenceResolver(ExitReportVersion, {
  authority: { type: () => Authority, loader: 'authority', id: (r) => r.authorityId, description: 'Who writes it.' },
});

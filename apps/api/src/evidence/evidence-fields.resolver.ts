import { ResolveField, Resolver } from '@nestjs/graphql';
import { EvidenceService } from '@sandbridge/application';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Authority } from '../reference/authority.model.js';
import { Organisation } from '../reference/organisation.model.js';
import { Evidence } from './evidence.model.js';

// Field resolvers take GraphQL's own signature (parent, args, context): see reference.resolver.ts.

@Resolver(() => Evidence)
export class EvidenceFieldsResolver {
  constructor(private readonly evidence: EvidenceService) {}

  @ResolveField(() => Boolean, { description: 'Its expiry day is before today (UTC).' })
  expired(evidence: Evidence): boolean {
    return this.evidence.isExpired(evidence.row);
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'The owning organisation (an innovator’s file).' })
  async organisation(evidence: Evidence, _args: unknown, ctx: GraphQLContext): Promise<Organisation | null> {
    return evidence.organisationId
      ? Organisation.from(await ctx.loaders.one('organisation', evidence.organisationId))
      : null;
  }

  @ResolveField(() => Authority, { nullable: true, description: 'The owning authority (a regulator’s file).' })
  async authority(evidence: Evidence, _args: unknown, ctx: GraphQLContext): Promise<Authority | null> {
    return evidence.authorityId ? Authority.from(await ctx.loaders.one('authority', evidence.authorityId)) : null;
  }

  @ResolveField(() => Evidence, {
    nullable: true,
    description: 'The earlier file this one revises (shown to the owner; null for other readers).',
  })
  async supersedes(evidence: Evidence, _args: unknown, ctx: GraphQLContext): Promise<Evidence | null> {
    if (!evidence.supersedesId || !ctx.actor || !this.evidence.owns(ctx.actor, evidence.row)) return null;
    const row = await ctx.loaders.evidence.load(evidence.supersedesId);
    return row && Evidence.from(row);
  }

  @ResolveField(() => [Evidence], {
    description: 'The later files that revise this one (shown to the owner; empty for other readers).',
  })
  async supersededBy(evidence: Evidence, _args: unknown, ctx: GraphQLContext): Promise<Evidence[]> {
    if (!ctx.actor || !this.evidence.owns(ctx.actor, evidence.row)) return [];
    return (await ctx.loaders.supersedingEvidence.load(evidence.id)).map(Evidence.from);
  }
}

import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { AgreementRule } from './agreement-rule.model.js';
import { Agreement, AgreementApproval, AgreementEvent } from './agreement.model.js';

@Resolver(() => Agreement)
export class AgreementFieldsResolver {
  // GraphQL's own signature (parent, args, context), no parameter decorators: Nest then hands each
  // method to GraphQL unwrapped instead of running its parameter factories and pipes once per item
  // (reference.resolver.ts; fast-field-resolvers.spec.ts keeps it so).
  @ResolveField(() => [AgreementRule])
  async rules(agreement: Agreement, _args: unknown, ctx: GraphQLContext): Promise<AgreementRule[]> {
    return (await ctx.loaders.rulesOfAgreement.load(agreement.id)).map(AgreementRule.from);
  }

  @ResolveField(() => [AgreementApproval], { description: 'Which party approved, who and when.' })
  async approvals(agreement: Agreement, _args: unknown, ctx: GraphQLContext): Promise<AgreementApproval[]> {
    return (await ctx.loaders.approvalsOfAgreement.load(agreement.id)).map(AgreementApproval.from);
  }

  @ResolveField(() => [AgreementEvent], {
    description: 'What happened to the agreement so far, oldest first (from the audit trail).',
  })
  async history(agreement: Agreement, _args: unknown, ctx: GraphQLContext): Promise<AgreementEvent[]> {
    return (await ctx.loaders.historyOfAgreement.load(agreement.id)).map(AgreementEvent.from);
  }
}

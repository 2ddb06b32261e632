import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { AgreementRule } from './agreement-rule.model.js';
import { Agreement, AgreementApproval } from './agreement.model.js';

@Resolver(() => Agreement)
export class AgreementFieldsResolver {
  @ResolveField(() => [AgreementRule])
  async rules(@Parent() agreement: Agreement, @Context() ctx: GraphQLContext): Promise<AgreementRule[]> {
    return (await ctx.loaders.rulesOfAgreement.load(agreement.id)).map(AgreementRule.from);
  }

  @ResolveField(() => [AgreementApproval], { description: 'Which party approved, who and when.' })
  async approvals(@Parent() agreement: Agreement, @Context() ctx: GraphQLContext): Promise<AgreementApproval[]> {
    return (await ctx.loaders.approvalsOfAgreement.load(agreement.id)).map(AgreementApproval.from);
  }
}

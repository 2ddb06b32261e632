import { ResolveField, Resolver } from '@nestjs/graphql';
import { Enrolment } from '../enrolments/enrolment.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Incident } from './incident.model.js';

@Resolver(() => Enrolment)
export class EnrolmentIncidentsResolver {
  // GraphQL's own signature (parent, args, context), no parameter decorators: Nest then hands each
  // method to GraphQL unwrapped instead of running its parameter factories and pipes once per item
  // (reference.resolver.ts; fast-field-resolvers.spec.ts keeps it so).
  @ResolveField(() => [Incident], { description: 'Incidents reported during testing, oldest first.' })
  async incidents(enrolment: Enrolment, _args: unknown, ctx: GraphQLContext): Promise<Incident[]> {
    return (await ctx.loaders.incidentsOfEnrolment.load(enrolment.id)).map(Incident.from);
  }
}

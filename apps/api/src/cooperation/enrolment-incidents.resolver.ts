import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Enrolment } from '../enrolments/enrolment.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Incident } from './incident.model.js';

@Resolver(() => Enrolment)
export class EnrolmentIncidentsResolver {
  @ResolveField(() => [Incident], { description: 'Incidents reported during testing, oldest first.' })
  async incidents(@Parent() enrolment: Enrolment, @Context() ctx: GraphQLContext): Promise<Incident[]> {
    return (await ctx.loaders.incidentsOfEnrolment.load(enrolment.id)).map(Incident.from);
  }
}

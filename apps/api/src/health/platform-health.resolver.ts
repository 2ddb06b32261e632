import { Query, Resolver } from '@nestjs/graphql';
import { PlatformHealthService } from '@sandbridge/application';
import { type Actor, Role } from '@sandbridge/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PlatformHealthModel } from './platform-health.model.js';

@Resolver()
export class PlatformHealthResolver {
  constructor(private readonly health: PlatformHealthService) {}

  @Roles(Role.ADMIN)
  @Query(() => PlatformHealthModel, {
    description:
      'Administrators: the database, Redis, the simulation workers and queues, and this process, each ' +
      'OK, DEGRADED or DOWN. Every probe is bounded (2 s); nothing names a host, URL or secret.',
  })
  platformHealth(@CurrentActor() actor: Actor): Promise<PlatformHealthModel> {
    return this.health.check(actor);
  }
}

import { type Actor, DomainError, Role } from '@sandbridge/domain';

/** Refuses unless the actor has one of `roles`. */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) {
    throw DomainError.forbidden(`This needs the role ${roles.join(' or ')}; you are ${actor.role}`);
  }
}

/** ADMIN, or a regulator of this authority. */
export function requireAuthorityAdmin(actor: Actor, authorityId: string): void {
  if (actor.role === Role.ADMIN) return;
  if (actor.role === Role.REGULATOR && actor.authorityId === authorityId) return;
  throw DomainError.forbidden('Only an administrator or a regulator of this authority may do this');
}

/** ADMIN, or an innovator of this organisation. */
export function requireOrganisationMember(actor: Actor, organisationId: string): void {
  if (actor.role === Role.ADMIN) return;
  if (actor.role === Role.INNOVATOR && actor.organisationId === organisationId) return;
  throw DomainError.forbidden('Only an administrator or a member of this organisation may do this');
}

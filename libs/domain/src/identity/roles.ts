/** Platform roles (docs/domain.md#roles-and-visibility). Each non-admin role is bound to exactly one tenant. */
export enum Role {
  ADMIN = 'ADMIN',
  REGULATOR = 'REGULATOR',
  INNOVATOR = 'INNOVATOR',
  NEGOTIATOR = 'NEGOTIATOR',
}

export enum RegulatoryApproach {
  RISK_BASED = 'RISK_BASED',
  PRINCIPLES_BASED = 'PRINCIPLES_BASED',
  SECTORAL = 'SECTORAL',
  SOFT_LAW = 'SOFT_LAW',
  STATE_LED = 'STATE_LED',
}

/** Who is asking: the authenticated account and the tenant it acts for. */
export interface Actor {
  accountId: string;
  role: Role;
  authorityId: string | null;
  organisationId: string | null;
  jurisdictionCode: string | null;
}

/** The tenant a role must be bound to; null for ADMIN. */
export function requiredTenant(role: Role): 'authorityId' | 'organisationId' | 'jurisdictionCode' | null {
  switch (role) {
    case Role.ADMIN:
      return null;
    case Role.REGULATOR:
      return 'authorityId';
    case Role.INNOVATOR:
      return 'organisationId';
    case Role.NEGOTIATOR:
      return 'jurisdictionCode';
  }
}

import type { RegulatoryApproach, Role } from '../../gql/graphql';

export const ROLES: { value: Role; label: string }[] = [
  { value: 'ADMIN', label: 'Administrator' },
  { value: 'INNOVATOR', label: 'Innovator' },
  { value: 'REGULATOR', label: 'Regulator' },
  { value: 'NEGOTIATOR', label: 'Negotiator' },
];

export const roleLabel = (role: Role): string => ROLES.find((r) => r.value === role)?.label ?? role;

export const APPROACHES: { value: RegulatoryApproach; label: string }[] = [
  { value: 'RISK_BASED', label: 'Risk-based' },
  { value: 'PRINCIPLES_BASED', label: 'Principles-based' },
  { value: 'SECTORAL', label: 'Sectoral' },
  { value: 'SOFT_LAW', label: 'Soft law' },
  { value: 'STATE_LED', label: 'State-led' },
];

export const approachLabel = (a: RegulatoryApproach): string => APPROACHES.find((x) => x.value === a)?.label ?? a;

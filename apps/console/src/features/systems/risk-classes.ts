import type { RiskClass } from '../../gql/graphql';

/** The risk classes in words, most severe first (the Select's options, the table's badges). */
export const RISK_CLASSES: { value: RiskClass; label: string; color: string }[] = [
  { value: 'UNACCEPTABLE', label: 'Unacceptable', color: 'red' },
  { value: 'HIGH', label: 'High', color: 'orange' },
  { value: 'LIMITED', label: 'Limited', color: 'yellow' },
  { value: 'MINIMAL', label: 'Minimal', color: 'green' },
];

export const riskClass = (value: RiskClass) => RISK_CLASSES.find((r) => r.value === value)!;

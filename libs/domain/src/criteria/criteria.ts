/** Vocabulary of criteria and crosswalks (docs/domain.md#reference-data). */
export enum Stage {
  ENTRY = 'ENTRY',
  TESTING = 'TESTING',
  EXIT = 'EXIT',
}

export enum Category {
  SAFETY = 'SAFETY',
  ROBUSTNESS = 'ROBUSTNESS',
  ACCURACY = 'ACCURACY',
  FAIRNESS = 'FAIRNESS',
  TRANSPARENCY = 'TRANSPARENCY',
  PRIVACY = 'PRIVACY',
  SECURITY = 'SECURITY',
  HUMAN_OVERSIGHT = 'HUMAN_OVERSIGHT',
  ACCOUNTABILITY = 'ACCOUNTABILITY',
  DATA_GOVERNANCE = 'DATA_GOVERNANCE',
}

export enum CriterionKind {
  /** A measured value checked against a comparator and threshold(s). */
  METRIC = 'METRIC',
  /** A document of a given type must be supplied. */
  EVIDENCE = 'EVIDENCE',
  /** A yes/no statement the innovator attests. */
  ATTESTATION = 'ATTESTATION',
}

export enum Comparator {
  GTE = 'GTE',
  LTE = 'LTE',
  EQ = 'EQ',
  BETWEEN = 'BETWEEN',
}

export enum RiskClass {
  UNACCEPTABLE = 'UNACCEPTABLE',
  HIGH = 'HIGH',
  LIMITED = 'LIMITED',
  MINIMAL = 'MINIMAL',
}

export enum CriterionStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  RETIRED = 'RETIRED',
}

/** OSCAL-style correspondence between two criteria of different authorities. */
export enum Relation {
  EQUIVALENT = 'EQUIVALENT',
  SUBSET = 'SUBSET',
  SUPERSET = 'SUPERSET',
  INTERSECTS = 'INTERSECTS',
}

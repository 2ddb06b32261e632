import type {
  Category,
  Comparator,
  CriterionKind,
  JointEntryRule,
  Relation,
  RiskClass,
  Stage,
} from '@sandbridge/domain';

/** A standard or catalogue criteria reference, with the clauses used (real ids). */
export interface DemoStandard {
  /** Short code, e.g. `ISO/IEC 42001:2023`. */
  code: string;
  title: string;
  publisher: string;
  clauses: {
    /** Globally unique clause id used in criteria and case files, e.g. `ISO42001:A.6.2.4`. */
    id: string;
    /** The clause's own reference in the standard, e.g. `A.6.2.4`, `Art. 15(1)`, `MEASURE 2.5`. */
    ref: string;
    title: string;
  }[];
}

/** An authority of the reference data, named by jurisdiction code and acronym (e.g. GB / FCA). */
export interface AuthorityRef {
  jurisdiction: string;
  acronym: string;
}

export interface DemoCriterion {
  authority: AuthorityRef;
  /** Stable key across versions, e.g. `entry.genuine-innovation`. */
  key: string;
  title: string;
  description: string;
  stage: Stage;
  category: Category;
  kind: CriterionKind;
  /** For METRIC. `threshold` is the low bound for BETWEEN, `thresholdHigh` the high one. */
  metric?: { key: string; unit: string; comparator: Comparator; threshold: number; thresholdHigh?: number };
  /** For EVIDENCE: the document type that must be supplied. */
  evidenceType?: string;
  /** For ATTESTATION: the yes/no statement. */
  statement?: string;
  /** Applicability; empty = all. Sectors are upper-case words (FINANCE, HEALTH, …). */
  sectors: string[];
  riskClasses: RiskClass[];
  /** Clause ids from DemoStandard.clauses. */
  clauses: string[];
}

export interface DemoCrosswalk {
  from: AuthorityRef & { key: string };
  to: AuthorityRef & { key: string };
  relation: Relation;
  note: string;
}

export interface DemoProgramme {
  name: string;
  description: string;
  lead: AuthorityRef;
  participants: AuthorityRef[];
  sectors: string[];
  /** ISO dates (UTC days). */
  applicationOpens: string;
  applicationCloses: string;
  maxTestingDays: number;
  cohortCapacity: number;
  jointEntryRule: JointEntryRule;
  /** Criteria attached per authority, by key; mandatory defaults to true. */
  criteria: { authority: AuthorityRef; key: string; mandatory?: boolean }[];
}

export interface DemoAccount {
  email: string;
  displayName: string;
  role: 'ADMIN' | 'REGULATOR' | 'INNOVATOR' | 'NEGOTIATOR';
  /** REGULATOR */
  authority?: AuthorityRef;
  /** INNOVATOR: the demo organisation's name */
  organisation?: string;
  /** NEGOTIATOR */
  jurisdiction?: string;
}

export interface DemoOrganisation {
  name: string;
  homeJurisdiction: string;
  systems: { name: string; sector: string; intendedPurpose: string; riskClass: RiskClass }[];
}

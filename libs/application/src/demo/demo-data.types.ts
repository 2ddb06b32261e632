import type {
  AgreementKind,
  Category,
  Comparator,
  CriterionKind,
  JointEntryRule,
  RecognitionMode,
  Relation,
  RiskClass,
  RuleEffect,
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
  /** Count results recognised through agreements in force as met (docs/domain.md#recognised-results-in-programmes). */
  acceptsRecognisedResults?: boolean;
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

/** A criterion of the demo, by its authority and key. */
export type DemoCriterionRef = AuthorityRef & { key: string };

/** One rule of a demo agreement (docs/domain.md#recognition-agreements); empty scope lists mean all. */
export interface DemoRule {
  name: string;
  origins: string[];
  recognising: string[];
  categories?: Category[];
  stages?: Stage[];
  riskClasses?: RiskClass[];
  /** Absent only for EXCLUDE. */
  mode?: RecognitionMode;
  effect: RuleEffect;
  conditions?: {
    requireAccreditedLab?: boolean;
    accreditationBodies?: string[];
    maxResultAgeDays?: number;
    acceptedMethods?: string[];
    minMargin?: number;
  };
  /** Only with RECOGNISE_WITH_CONDITIONS: what must still be done, and the criteria it names. */
  supplementary?: { text: string; criteria: DemoCriterionRef[] };
}

/** A recognition agreement, drafted and steered by the parties' demo negotiators through the real service. */
export interface DemoAgreement {
  name: string;
  kind: AgreementKind;
  /** Jurisdiction codes; the first party's negotiator drafts and proposes it. */
  parties: string[];
  /** Days from the day the demo is loaded to the start of its window (negative: in the past), so it moves with the clock. */
  effectiveFromDays: number;
  /** The parties that approve it, in order: all of them put it IN_FORCE; fewer leave it PROPOSED. */
  approvals: string[];
  rules: DemoRule[];
}

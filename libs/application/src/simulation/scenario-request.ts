import type { PopulationKind } from '@sandbridge/domain';
import type { JsonObject } from '../recognition/case-documents.js';

/** Which recorded data a population snapshot is taken from; every field optional (absent = all). */
export interface RecordedPopulationFilter {
  /** Systems whose organisation's home jurisdiction, or a jurisdiction they were tested in, is listed. */
  jurisdictions?: string[] | null;
  sectors?: string[] | null;
  /** Results tested (report period end) on or after / on or before these UTC days; systems with none in range are left out. */
  testedFrom?: string | null;
  testedTo?: string | null;
  /** Target authorities for every system; absent = each system's own enrolment targets. */
  targets?: string[] | null;
}

/** A stored agreement to simulate as if signed, as one variant (docs/domain.md#simulation). */
export interface AgreementVariantRequest {
  name: string;
  agreements: string[];
}

export interface ScenarioRequest {
  scenario: unknown;
  recordedPopulation?: RecordedPopulationFilter | null;
  agreementVariants?: AgreementVariantRequest[] | null;
}

/**
 * What the service may count about one system of a snapshot, beside its opaque id: never part of
 * the population document, and never given to a negotiator except as aggregates.
 */
export interface RecordedSystemFacts {
  id: string;
  homeJurisdiction: string;
  organisationId: string;
  sector: string;
  riskClass: string;
  results: number;
  targets: number;
}

/** An anonymised explicit population (§8.1 shapes) and the facts of its systems, in the same order. */
export interface RecordedPopulation {
  population: { systems: JsonObject[]; results: JsonObject[]; targets: JsonObject[] };
  facts: RecordedSystemFacts[];
}

export interface AssembledScenario {
  document: JsonObject;
  populationKind: PopulationKind;
  /** RECORDED: the snapshot's systems, for the minimum-size checks. */
  recorded?: RecordedSystemFacts[];
}

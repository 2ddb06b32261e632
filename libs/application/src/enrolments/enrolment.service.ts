import { Injectable } from '@nestjs/common';
import {
  type Actor,
  allowedActions,
  DomainError,
  type EnrolmentSnapshot,
  EnrolmentState,
  holdsPlace,
  type Page,
  type PageRequest,
  Role,
  TrackState,
} from '@sandbridge/domain';
import {
  type EnrolmentEntity,
  type EnrolmentFilter,
  EnrolmentRepository,
  type EnrolmentTrackEntity,
  type EntryResultEntity,
  type ProgrammeEntity,
  ProgrammeRepository,
} from '@sandbridge/persistence';
import { participantIdsOf } from '../programmes/programme-rows.js';
import { canSeeEnrolment, lifecycleActor } from './enrolment-access.js';

/** Everything a lifecycle step needs, loaded once. */
export interface LoadedEnrolment {
  enrolment: EnrolmentEntity;
  programme: ProgrammeEntity;
  participants: string[];
  tracks: EnrolmentTrackEntity[];
}

/**
 * Enrolments as their readers may see them, and what each step of the application and the lifecycle
 * loads first (EnrolmentApplicationService, EnrolmentLifecycleService; evaluation: TrackEvaluationService).
 */
@Injectable()
export class EnrolmentService {
  constructor(
    private readonly enrolments: EnrolmentRepository,
    private readonly programmes: ProgrammeRepository,
  ) {}

  async findById(actor: Actor, id: string): Promise<EnrolmentEntity | null> {
    const enrolment = await this.enrolments.findById(id);
    if (!enrolment) return null;
    const [participants] = await this.participantsOf([enrolment.programmeId]);
    return canSeeEnrolment(actor, enrolment, participants) ? enrolment : null;
  }

  /** For DataLoader: each enrolment when the caller may see it, null otherwise — two statements for any number. */
  async findByIds(actor: Actor, ids: readonly string[]): Promise<(EnrolmentEntity | null)[]> {
    const found = await this.enrolments.findByIds(ids);
    const programmeIds = [...new Set(found.map((e) => e.programmeId))];
    const participants = new Map(
      (programmeIds.length ? await this.participantsOf(programmeIds) : []).map((p, i) => [programmeIds[i], p]),
    );
    const visible = new Map(
      found.filter((e) => canSeeEnrolment(actor, e, participants.get(e.programmeId) ?? [])).map((e) => [e.id, e]),
    );
    return ids.map((id) => visible.get(id) ?? null);
  }

  list(
    actor: Actor,
    filter: Omit<EnrolmentFilter, 'organisationId' | 'participantAuthorityId'>,
    page: PageRequest,
  ): Promise<Page<EnrolmentEntity>> {
    switch (actor.role) {
      case Role.ADMIN:
        return this.enrolments.page(filter, page);
      case Role.INNOVATOR:
        return this.enrolments.page({ ...filter, organisationId: actor.organisationId }, page);
      case Role.REGULATOR:
        return this.enrolments.page({ ...filter, participantAuthorityId: actor.authorityId }, page);
      case Role.NEGOTIATOR:
        throw DomainError.forbidden('Negotiators read aggregated figures only, never enrolments');
    }
  }

  /** For DataLoader: tracks of each enrolment (by authority id). */
  async tracksOf(enrolmentIds: readonly string[]): Promise<EnrolmentTrackEntity[][]> {
    const all = await this.enrolments.tracksOf(enrolmentIds);
    return enrolmentIds.map((id) => all.filter((t) => t.enrolmentId === id));
  }

  async entryResultsOf(enrolmentIds: readonly string[]): Promise<EntryResultEntity[][]> {
    const all = await this.enrolments.entryResultsOf(enrolmentIds);
    return enrolmentIds.map((id) => all.filter((r) => r.enrolmentId === id));
  }

  /**
   * What the caller may do next on this enrolment, and why the rest is blocked. `placesHeld` counts
   * the cohort places held in the programme (a DataLoader); it is asked only when the caller's ADMIT
   * would take a place (its own track pending on an enrolment under review that holds none yet).
   * `planInForce`: the version of the sandbox plan in force (null: none agreed, so no reports yet).
   */
  async allowedTransitions(
    actor: Actor,
    enrolment: EnrolmentEntity,
    tracks: EnrolmentTrackEntity[],
    programme: ProgrammeEntity,
    placesHeld: (programmeId: string) => Promise<number>,
    planInForce: number | null,
  ) {
    const snapshot = { ...this.snapshot(enrolment, programme, tracks), planInForce };
    const who = lifecycleActor(actor, enrolment);
    const mayAdmit =
      who.kind === 'REGULATOR' &&
      snapshot.state === EnrolmentState.UNDER_REVIEW &&
      snapshot.tracks.some((t) => t.authorityId === who.authorityId && t.state === TrackState.PENDING);
    if (mayAdmit && !holdsPlace(snapshot))
      snapshot.cohort = { capacity: programme.cohortCapacity, heldByOthers: await placesHeld(programme.id) };
    return allowedActions(snapshot, who);
  }

  /** For DataLoader: the cohort places held in each programme. */
  placesHeld(programmeIds: readonly string[]): Promise<number[]> {
    return this.enrolments.placesHeld(programmeIds);
  }

  snapshot(enrolment: EnrolmentEntity, programme: ProgrammeEntity, tracks: EnrolmentTrackEntity[]): EnrolmentSnapshot {
    return {
      state: enrolment.state,
      resumeState: enrolment.resumeState,
      jointEntryRule: programme.jointEntryRule,
      leadAuthorityId: programme.leadAuthorityId,
      tracks: tracks.map((t) => ({
        authorityId: t.authorityId,
        state: t.state,
        exitDecision: t.exitDecision,
        suspendedBy: t.suspendedBy,
      })),
    };
  }

  /** Loads an enrolment the caller may see (NOT_FOUND otherwise, so nothing leaks). */
  async load(actor: Actor, enrolmentId: string): Promise<LoadedEnrolment> {
    const enrolment = await this.enrolments.findById(enrolmentId);
    if (!enrolment) throw DomainError.notFound('Enrolment', enrolmentId);
    const [participants] = await this.participantsOf([enrolment.programmeId]);
    if (!canSeeEnrolment(actor, enrolment, participants)) throw DomainError.notFound('Enrolment', enrolmentId);
    const programme = (await this.programmes.findById(enrolment.programmeId))!;
    const [tracks] = await this.tracksOf([enrolment.id]);
    return { enrolment, programme, participants, tracks };
  }

  private participantsOf(programmeIds: string[]): Promise<string[][]> {
    return participantIdsOf(this.programmes, programmeIds);
  }
}

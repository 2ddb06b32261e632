import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EnrolmentState, ResultOutcome, TrackState } from '@sandbridge/domain';
import { EnrolmentRepository, TransactionalConnection } from '@sandbridge/persistence';
import { admitThroughServices, buildModuleSandbox, type ModuleSandbox, TestModule } from '@sandbridge/testing';

// EnrolmentRepository on the file's own database: the SQL it writes, the optimistic lock, the
// partial unique index on active enrolments and the filters the services rely on.

describe('EnrolmentRepository', () => {
  let m: TestModule;
  let sb: ModuleSandbox;
  let repo: EnrolmentRepository;
  let connection: TransactionalConnection;

  beforeAll(async () => {
    m = await TestModule.create();
    sb = await buildModuleSandbox(m);
    repo = m.get(EnrolmentRepository);
    connection = m.get(TransactionalConnection);
  });
  afterAll(async () => {
    await m?.close();
  });

  /** A DRAFT enrolment of a fresh system of the sandbox's organisation. */
  async function draft(state: EnrolmentState = EnrolmentState.DRAFT) {
    return repo.insert({
      programmeId: sb.programmeId,
      aiSystemId: await sb.registerSystem(),
      organisationId: sb.organisationId,
      state,
    });
  }

  it('inserts an enrolment at version 1 and finds it by id; an id that is not a UUID finds nothing', async () => {
    const e = await draft();
    expect(e).toMatchObject({ version: 1, state: 'DRAFT', submittedAt: null, resumeState: null });
    expect(await repo.findById(e.id)).toMatchObject({ id: e.id, programmeId: sb.programmeId, version: 1 });
    expect(await repo.findById('not-a-uuid')).toBeNull();
    expect(await repo.findByIds([e.id, 'not-a-uuid'])).toHaveLength(1);
  });

  it('updateIfVersion writes only over the version read, and bumps it', async () => {
    const e = await draft();
    const submittedAt = new Date('2026-02-01T10:00:00.000Z');
    expect(await repo.updateIfVersion(e.id, 1, { state: EnrolmentState.SUBMITTED, submittedAt })).toBe(true);
    // A second writer that read version 1 loses, and changes nothing.
    expect(await repo.updateIfVersion(e.id, 1, { state: EnrolmentState.WITHDRAWN })).toBe(false);
    expect(await repo.findById(e.id)).toMatchObject({ state: 'SUBMITTED', version: 2, submittedAt });
  });

  it('allows one active enrolment per system and programme; a withdrawn one frees the place', async () => {
    const e = await draft();
    const again = { programmeId: sb.programmeId, aiSystemId: e.aiSystemId, organisationId: sb.organisationId };
    await expect(repo.insert({ ...again, state: EnrolmentState.DRAFT })).rejects.toThrow(/enrolment_active_system_key/);
    expect((await repo.findActive(sb.programmeId, e.aiSystemId))?.id).toBe(e.id);
    expect(await repo.updateIfVersion(e.id, 1, { state: EnrolmentState.WITHDRAWN })).toBe(true);
    expect(await repo.findActive(sb.programmeId, e.aiSystemId)).toBeNull();
    const second = await repo.insert({ ...again, state: EnrolmentState.DRAFT });
    expect((await repo.findActive(sb.programmeId, e.aiSystemId))?.id).toBe(second.id);
    expect((await repo.ofSystem(e.aiSystemId)).map((x) => x.id).sort()).toEqual([e.id, second.id].sort());
  });

  it('counts the cohort: enrolments with an admitted track that are not DECLINED, WITHDRAWN or EXITED, without the one asking', async () => {
    const nobody = '00000000-0000-0000-0000-000000000000';
    const before = await repo.countInCohort(sb.programmeId, nobody);
    expect(await repo.placesHeld([sb.programmeId])).toEqual([before]);
    const [fca, mas] = sb.authorities.map((a) => a.id);
    /** An enrolment in `state` whose tracks are in the given states (FCA's, then MAS's). */
    const withTracks = async (state: EnrolmentState, ...trackStates: TrackState[]) => {
      const e = await draft(state);
      const ids = [fca, mas].slice(0, trackStates.length);
      await repo.insertTracks(e.id, ids);
      const tracks = await repo.tracksOf([e.id]);
      for (const [i, state] of trackStates.entries())
        await repo.saveTrack({ ...tracks.find((t) => t.authorityId === ids[i])!, state });
      return e;
    };
    // Holding: the first ADMIT taken while the other track is pending; testing; suspended; one
    // track final while testing goes on.
    const admittedOnce = await withTracks(EnrolmentState.UNDER_REVIEW, TrackState.ADMITTED, TrackState.PENDING);
    await withTracks(EnrolmentState.TESTING, TrackState.ADMITTED, TrackState.DECLINED);
    await withTracks(EnrolmentState.SUSPENDED, TrackState.SUSPENDED);
    await withTracks(EnrolmentState.TESTING, TrackState.AUTHORISED, TrackState.ADMITTED);
    // Not holding: nothing admitted yet, or declined, withdrawn or exited.
    await withTracks(EnrolmentState.UNDER_REVIEW, TrackState.DECLINED, TrackState.PENDING);
    await withTracks(EnrolmentState.SUBMITTED, TrackState.PENDING);
    await withTracks(EnrolmentState.DECLINED, TrackState.ADMITTED, TrackState.DECLINED);
    await withTracks(EnrolmentState.WITHDRAWN, TrackState.ADMITTED);
    await withTracks(EnrolmentState.EXITED, TrackState.AUTHORISED, TrackState.REJECTED);
    expect(await repo.countInCohort(sb.programmeId, nobody)).toBe(before + 4);
    expect(await repo.countInCohort(sb.programmeId, admittedOnce.id)).toBe(before + 3);
    expect(await repo.placesHeld([nobody, sb.programmeId])).toEqual([0, before + 4]);
    expect(await repo.placesHeld([])).toEqual([]);
  });

  it('stores tracks per authority, in authority order, and replaces them', async () => {
    const e = await draft();
    const [fca, mas] = sb.authorities.map((a) => a.id);
    await repo.insertTracks(e.id, [mas, fca]);
    const tracks = await repo.tracksOf([e.id]);
    expect(tracks.map((t) => t.authorityId)).toEqual([fca, mas].sort());
    expect(tracks.every((t) => t.state === TrackState.PENDING && t.entryUnmetCriteria.length === 0)).toBe(true);
    await repo.replaceTracks(e.id, [fca]);
    expect((await repo.tracksOf([e.id])).map((t) => t.authorityId)).toEqual([fca]);
    expect(await repo.tracksOf([])).toEqual([]);
  });

  it('keeps one entry result per criterion: an upsert replaces the earlier one', async () => {
    const e = await draft();
    const criterionId = sb.authorities[0].criteria.ENTRY;
    const row = {
      enrolmentId: e.id,
      criterionId,
      value: null,
      evidenceReference: null,
      evidenceSha256: null,
      evidenceId: null,
      attested: false,
      outcome: ResultOutcome.FAIL,
      detail: 'not attested',
    };
    await repo.upsertEntryResults([row]);
    await repo.upsertEntryResults([{ ...row, attested: true, outcome: ResultOutcome.PASS, detail: 'attested' }]);
    const results = await repo.entryResultsOf([e.id]);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ criterionId, attested: true, outcome: 'PASS' });
  });

  it('pages by creation then id; a participant authority does not see drafts', async () => {
    const a = await draft();
    const b = await draft(EnrolmentState.SUBMITTED);
    const own = await repo.page({ organisationId: sb.organisationId, programmeId: sb.programmeId }, { first: 100 });
    expect(own.items.map((x) => x.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    const created = own.items.map((x) => x.createdAt.getTime());
    expect(created).toEqual([...created].sort((x, y) => x - y));
    const asMas = await repo.page({ participantAuthorityId: sb.authorities[1].id }, { first: 100 });
    expect(asMas.items.map((x) => x.id)).toContain(b.id);
    expect(asMas.items.map((x) => x.id)).not.toContain(a.id);
    expect(asMas.items.every((x) => x.state !== 'DRAFT')).toBe(true);
    // A programme id that is not a UUID matches nothing rather than failing.
    expect((await repo.page({ programmeId: 'nope' }, { first: 10 })).items).toEqual([]);
  });

  it('locks the row for update inside a transaction, and an enrolment admitted through the services is TESTING', async () => {
    const admitted = await admitThroughServices(m, sb, sb.authorities[0], await sb.registerSystem());
    expect(admitted.state).toBe('TESTING');
    const locked = await connection.withTransaction(() => repo.findByIdForUpdate(admitted.id));
    expect(locked).toMatchObject({ id: admitted.id, state: 'TESTING' });
    expect((await repo.tracksOf([admitted.id])).map((t) => [t.authorityId, t.state])).toEqual([
      [sb.authorities[0].id, TrackState.ADMITTED],
    ]);
    expect(await repo.findByIdForUpdate('not-a-uuid')).toBeNull();
  });
});

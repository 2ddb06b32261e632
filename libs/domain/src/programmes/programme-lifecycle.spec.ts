import { describe, expect, it } from '@jest/globals';
import { decideProgrammeTransition, ProgrammeAction, programmeActionsFrom } from './programme-lifecycle.js';
import { ProgrammeStatus } from './programmes.js';

const ready = { participants: ['fca', 'mas'], authoritiesWithEntryCriteria: ['fca', 'mas'] };

describe('programme lifecycle', () => {
  it.each([
    [ProgrammeStatus.DRAFT, ProgrammeAction.OPEN, ProgrammeStatus.OPEN],
    [ProgrammeStatus.OPEN, ProgrammeAction.START, ProgrammeStatus.RUNNING],
    [ProgrammeStatus.RUNNING, ProgrammeAction.CLOSE, ProgrammeStatus.CLOSED],
  ])('%s --%s--> %s', (status, action, to) => {
    expect(decideProgrammeTransition({ status, ...ready }, action)).toEqual({ allowed: true, to });
  });

  it('refuses every other pair with a reason', () => {
    const refused: string[] = [];
    for (const status of Object.values(ProgrammeStatus)) {
      for (const action of Object.values(ProgrammeAction)) {
        const verdict = decideProgrammeTransition({ status, ...ready }, action);
        if (!verdict.allowed) {
          expect(verdict.reason).toContain(status);
          refused.push(`${status}:${action}`);
        }
      }
    }
    // 4 states × 3 actions, 3 allowed.
    expect(refused).toHaveLength(9);
    expect(refused).toContain('CLOSED:OPEN');
    expect(refused).toContain('DRAFT:START');
  });

  it('will not open while a participant has no entry criterion, and names it', () => {
    const verdict = decideProgrammeTransition(
      { status: ProgrammeStatus.DRAFT, participants: ['fca', 'mas'], authoritiesWithEntryCriteria: ['fca'] },
      ProgrammeAction.OPEN,
    );
    expect(verdict).toEqual({ allowed: false, reason: expect.stringContaining('mas') });
  });

  it('names the missing authorities by their acronym when it is given', () => {
    const verdict = decideProgrammeTransition(
      {
        status: ProgrammeStatus.DRAFT,
        participants: ['id-fca', 'id-mas', 'id-aio'],
        authoritiesWithEntryCriteria: ['id-fca'],
        authorityNames: { 'id-fca': 'FCA', 'id-mas': 'MAS' },
      },
      ProgrammeAction.OPEN,
    );
    expect(verdict).toEqual({
      allowed: false,
      reason: 'Every participating authority needs at least one ENTRY criterion before opening (missing: MAS, id-aio)',
    });
  });

  it('lists the actions available from each status', () => {
    expect(programmeActionsFrom(ProgrammeStatus.DRAFT)).toEqual([ProgrammeAction.OPEN]);
    expect(programmeActionsFrom(ProgrammeStatus.CLOSED)).toEqual([]);
  });
});

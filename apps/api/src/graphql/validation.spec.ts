import { describe, expect, it } from '@jest/globals';
import { validate } from 'class-validator';
import { IdOf, OptionalText, RequiredText } from './validation.js';

class Probe {
  @IdOf('AI system')
  system: unknown;

  @IdOf('authority', { each: true })
  authorities: unknown;

  @IdOf('programme', { optional: true })
  programme?: unknown;

  @RequiredText(2, 10)
  name: unknown;

  @OptionalText(5)
  note?: unknown;
}

describe('composite validators', () => {
  it('say what they check, as the decorators they replace did, in the same order', async () => {
    const probe = Object.assign(new Probe(), { system: 'x', authorities: ['y'], name: 7, note: 'too long' });
    const messages = Object.fromEntries(
      (await validate(probe)).map((e) => [e.property, Object.values(e.constraints!)]),
    );
    expect(messages).toEqual({
      system: ['must be an AI system id'],
      authorities: ['each must be an authority id'],
      name: [
        'name must be longer than or equal to 2 and shorter than or equal to 10 characters',
        'name must be a string',
      ],
      note: ['note must be shorter than or equal to 5 characters'],
    });
  });

  it('accept what is valid, and null or absent where optional', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const probe = Object.assign(new Probe(), { system: id, authorities: [id], programme: null, name: 'ok' });
    expect(await validate(probe)).toEqual([]);
  });
});

import { IsOptional, IsString, IsUUID, Length, Matches, MaxLength, type ValidationOptions } from 'class-validator';

/**
 * Composite validators for inputs: the same rule and message wherever a field means the same thing,
 * instead of the decorator and its message written out on every input. Each expands to the
 * class-validator decorators it replaces, in the same order, so the messages (and their order in
 * `extensions.errors`) stay as they were.
 */

/** What an id names, as the message says it: `IdOf('programme')` → "must be a programme id". */
export type IdKind =
  | 'account'
  | 'agreement'
  | 'AI system'
  | 'authority'
  | 'criterion'
  | 'crosswalk'
  | 'enrolment'
  | 'evidence'
  | 'exit report'
  | 'incident'
  | 'organisation'
  | 'programme'
  | 'rule'
  | 'sandbox plan'
  | 'simulation run'
  | 'test report';

export interface IdOptions {
  /** Null or absent is accepted. */
  optional?: boolean;
  /** A list, each item an id ("each must be an authority id"). */
  each?: boolean;
}

/** A UUID naming a `kind` (a list of them with `each`). */
export function IdOf(kind: IdKind, { optional = false, each = false }: IdOptions = {}): PropertyDecorator {
  const message = `${each ? 'each ' : ''}must be ${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind} id`;
  return stacked(optional && IsOptional(), IsUUID('all', { each, message }));
}

/** Text of at most `max` characters, or of `min` to `max`. */
export function RequiredText(max: number): PropertyDecorator;
export function RequiredText(min: number, max: number, options?: ValidationOptions): PropertyDecorator;
export function RequiredText(minOrMax: number, max?: number, options?: ValidationOptions): PropertyDecorator {
  return stacked(IsString(), length(minOrMax, max, options));
}

/** Like RequiredText, or null or absent. */
export function OptionalText(max: number): PropertyDecorator;
export function OptionalText(min: number, max: number, options?: ValidationOptions): PropertyDecorator;
export function OptionalText(minOrMax: number, max?: number, options?: ValidationOptions): PropertyDecorator {
  return stacked(IsOptional(), IsString(), length(minOrMax, max, options));
}

/** A jurisdiction code: EU, GB, US-CO, … */
export function JurisdictionCode({ optional = false }: Pick<IdOptions, 'optional'> = {}): PropertyDecorator {
  return stacked(optional && IsOptional(), Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE }));
}

export const JURISDICTION_CODE = /^[A-Z]{2,3}(-[A-Z0-9]{1,3})?$/;
const JURISDICTION_CODE_MESSAGE = 'must be an upper-case code such as EU, GB or US-CO';

/** A sector: an upper-case word such as FINANCE or HEALTH. */
export const SECTOR = /^[A-Z][A-Z0-9_]{1,39}$/;

function length(minOrMax: number, max: number | undefined, options?: ValidationOptions): PropertyDecorator {
  return max === undefined ? MaxLength(minOrMax) : Length(minOrMax, max, options);
}

/**
 * Applies decorators as if written one above the other in this order: the last first, as TypeScript
 * applies stacked decorators (Nest's applyDecorators runs them the other way round).
 */
function stacked(...decorators: (PropertyDecorator | false)[]): PropertyDecorator {
  return (target, key) => {
    for (const decorator of [...decorators].reverse()) if (decorator) decorator(target, key);
  };
}

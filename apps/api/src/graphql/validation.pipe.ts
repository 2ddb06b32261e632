import { type ArgumentMetadata, Injectable, Optional, type PipeTransform } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DomainError, type FieldProblem } from '@sandbridge/domain';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { type GraphQLInputType, isInputObjectType } from 'graphql';
import { tooDeep, unstorableText, withoutLoneSurrogates } from './unstorable-text.js';

/**
 * Validates GraphQL inputs and arguments with their class-validator decorators. Problems come back
 * as BAD_USER_INPUT with the path of each field from the argument (`input.code`), docs/architecture.md#api-conventions.
 *
 * Every `@Args()` of every query, mutation, subscription and field resolver passes here (login's
 * plain strings included), so this is also where text PostgreSQL cannot store — NUL, lone
 * surrogates, in strings, lists and JSON documents and their keys — is refused, before any
 * service writes or even queries with it.
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  constructor(@Optional() private readonly schemaHost?: GraphQLSchemaHost) {}

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // The parent, the context and the actor are no client input: they pass untouched. Without this
    // every field resolver's parent was copied by class-transformer and validated, once per item.
    if (!isArgs(metadata)) return value;
    const type = metadata.metatype;
    const problems = unstorableText(value, metadata.data ?? '', this.inputType(type));
    // A value nested too deep would overflow the recursive walks below (class-transformer's, class-validator's).
    if (tooDeep(problems)) throw DomainError.badInput(problems);
    if (
      !type ||
      value === null ||
      value === undefined ||
      typeof value !== 'object' ||
      [String, Number, Boolean, Array, Object].includes(type as never)
    ) {
      if (problems.length) throw DomainError.badInput(problems);
      return value;
    }
    const instance = plainToInstance(type, value) as object;
    // validator.js throws URIError on a lone surrogate (IsEmail measures bytes with encodeURI). Such
    // text is already refused above; the other checks run on a copy without it, so that every
    // problem is still named at once.
    const checked = problems.length ? (plainToInstance(type, withoutLoneSurrogates(value)) as object) : instance;
    const errors = await validate(checked, { forbidUnknownValues: false, whitelist: false });
    // @Args('input') has a name; @Args() (an ArgsType) spreads its fields at the top level.
    problems.push(...flatten(errors, metadata.data ? [metadata.data] : []));
    if (problems.length) throw DomainError.badInput(problems);
    return instance;
  }

  /**
   * The GraphQL input type of an `@InputType()` class (named after the class here), so JSON scalar
   * fields inside it get JSON paths; undefined for anything else (plain strings need no type).
   */
  private inputType(type: ArgumentMetadata['metatype']): GraphQLInputType | undefined {
    if (!type || !this.schemaHost) return undefined;
    try {
      const found = this.schemaHost.schema.getType(type.name);
      return found && isInputObjectType(found) ? found : undefined;
    } catch {
      return undefined; // no schema yet (a pipe used outside a running API)
    }
  }
}

/**
 * `@Args()` reaches pipes as `type: 'body'` (@nestjs/graphql's choice); the actor, context and
 * parent come as 'custom' and are not client input.
 */
function isArgs(metadata: ArgumentMetadata): boolean {
  return metadata.type === 'body';
}

function flatten(errors: ValidationError[], prefix: string[]): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = [...prefix, error.property];
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      path: path.join('.'),
      message: withoutProperty(message, error.property),
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** class-validator messages start with the property name ("code must be…"); the path already says it. */
function withoutProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError, type FieldProblem } from '@sandbridge/domain';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';

/**
 * Validates GraphQL inputs and arguments with their class-validator decorators. Problems come back
 * as BAD_USER_INPUT with the path of each field from the argument (`input.code`), DESIGN.md §7a.
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (!type || value === null || value === undefined || typeof value !== 'object' || [String, Number, Boolean, Array, Object].includes(type as never)) {
      return value;
    }
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, { forbidUnknownValues: false, whitelist: false });
    if (errors.length) {
      // @Args('input') has a name; @Args() (an ArgsType) spreads its fields at the top level.
      throw DomainError.badInput(flatten(errors, metadata.data ? [metadata.data] : []));
    }
    return instance;
  }
}

function flatten(errors: ValidationError[], prefix: string[]): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = [...prefix, error.property];
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path: path.join('.'), message: withoutProperty(message, error.property) }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** class-validator messages start with the property name ("code must be…"); the path already says it. */
function withoutProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

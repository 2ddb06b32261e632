import { passwordProblem } from '@sandbridge/domain';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A new password meets the policy: at least 12 characters, not only whitespace, not a commonly used
 * password. The message says which rule failed and never repeats the password.
 */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAcceptablePassword',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordProblem(value) === null,
        defaultMessage: (args) =>
          (typeof args?.value === 'string' ? passwordProblem(args.value) : null) ?? 'must be a string',
      },
    },
    options,
  );
}

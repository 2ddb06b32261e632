import { dictionary } from '@zxcvbn-ts/language-common';

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 12;
/** The longest: scrypt's cost grows with the input, and no one types more. */
export const MAX_PASSWORD_LENGTH = 200;

// zxcvbn-ts's ranked list of passwords seen most often in breaches (about 49,000), built once.
let common: Set<string> | null = null;
const commonPasswords = (): Set<string> =>
  (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

/**
 * What is wrong with a new password, as one message, or null when it is acceptable: at least 12
 * characters (code points, so an emoji counts once), not only whitespace, and not a commonly used
 * password in any letter case. The message never repeats the password.
 */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  if (password.trim() === '') return 'must not be only whitespace';
  if (commonPasswords().has(password.toLowerCase()) || commonPasswords().has(password.trim().toLowerCase())) {
    return 'is a commonly used password: choose another';
  }
  return null;
}

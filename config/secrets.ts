export const DEV_JWT_SECRET = 'sandbridge-development-secret-not-for-production';
/** Secrets anyone can read (the development default above, .env.example's placeholder): production refuses them. */
export const PUBLISHED_JWT_SECRETS = new Set([DEV_JWT_SECRET, 'replace-with-at-least-32-random-characters']);
/** A secret with fewer different characters is too regular to be random (32 random hex characters hold about 15). */
export const MIN_DISTINCT_SECRET_CHARACTERS = 8;

/**
 * Variables whose values are never printed, whatever they hold: secrets, passwords, keys and
 * tokens — present ones and any added later under such a name (SIGNING_KEY, SMTP_PASSWORD, …).
 */
const SECRET_NAME = /SECRET|PASSWORD|PASSPHRASE|KEY|TOKEN|CREDENTIAL/i;

/**
 * How a rejected value appears in a start-up error: quoted, except that a secret is never shown and
 * a URL's password is masked (DATABASE_URL and REDIS_URL may carry one). A URL variable's value with
 * an `@` that does not parse as user info might hold credentials anyway: it is not shown either.
 */
export function shownValue(name: string, value: unknown): string {
  if (SECRET_NAME.test(name)) return 'value not shown';
  if (typeof value === 'string' && value.includes('@') && (/(URL|URI|DSN)$/.test(name) || value.includes('://'))) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return 'value not shown';
    }
    if (!url.username && !url.password) return 'value not shown';
    if (url.password) url.password = '***';
    return `got ${JSON.stringify(url.toString())}`;
  }
  return `got ${JSON.stringify(value)}`;
}

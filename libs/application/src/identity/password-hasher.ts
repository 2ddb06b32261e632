import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sandbridge/common';

const scryptAsync = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

/**
 * scrypt (memory-hard, in node:crypto). The stored form carries its own parameters
 * (`scrypt$logN$r$p$salt$key`), so raising the cost later still verifies old hashes.
 */
@Injectable()
export class PasswordHasher {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async hash(password: string): Promise<string> {
    const logN = this.config.auth.passwordHashCost;
    const salt = randomBytes(16);
    const key = await scryptAsync(password, salt, 32, params(logN, 8, 1));
    return ['scrypt', logN, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, logN, r, p, salt, key] = stored.split('$');
    const [n, blockSize, parallel] = [logN, r, p].map(Number);
    // A malformed stored hash verifies nothing (rather than failing the login with an internal error).
    if (scheme !== 'scrypt' || !key || ![n, blockSize, parallel].every((v) => Number.isInteger(v) && v > 0) || n > 24)
      return false;
    const expected = Buffer.from(key, 'base64');
    const actual = await scryptAsync(
      password,
      Buffer.from(salt, 'base64'),
      expected.length,
      params(n, blockSize, parallel),
    );
    return timingSafeEqual(actual, expected);
  }
}

function params(logN: number, r: number, p: number): ScryptOptions {
  const N = 2 ** logN;
  return { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
}

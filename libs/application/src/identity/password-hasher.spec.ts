import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { AppConfig } from '@sandbridge/common';
import { PasswordHasher } from './password-hasher.js';

/** The hasher reads only `auth.passwordHashCost`; the lowest cost keeps the specs fast. */
const hasherWithCost = (passwordHashCost: number) => new PasswordHasher({ auth: { passwordHashCost } } as AppConfig);

describe('PasswordHasher', () => {
  const hasher = hasherWithCost(10);

  it('verifies the password it hashed, and nothing else', async () => {
    const stored = await hasher.hash('correct horse battery staple');
    expect(await hasher.verify('correct horse battery staple', stored)).toBe(true);
    expect(await hasher.verify('correct horse battery stapler', stored)).toBe(false);
    expect(await hasher.verify('', stored)).toBe(false);
  });

  it('stores scheme, parameters, salt and key, never the password', async () => {
    const stored = await hasher.hash('a-long-test-password');
    expect(stored).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(stored).not.toContain('a-long-test-password');
    const [, , , , salt, key] = stored.split('$');
    expect(Buffer.from(salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
  });

  it('salts every hash: the same password hashes differently each time', async () => {
    const [a, b] = await Promise.all([hasher.hash('same password here'), hasher.hash('same password here')]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(await hasher.verify('same password here', a)).toBe(true);
    expect(await hasher.verify('same password here', b)).toBe(true);
  });

  it('verifies with the parameters stored in the hash, not the configured cost', async () => {
    // A hash made elsewhere with other parameters (logN 11, r 4, p 2) …
    const salt = randomBytes(16);
    const key = scryptSync('older password', salt, 32, { N: 2 ** 11, r: 4, p: 2 });
    const stored = ['scrypt', 11, 4, 2, salt.toString('base64'), key.toString('base64')].join('$');
    // … still verifies after the configured cost changed, and the parameters really are used.
    expect(await hasherWithCost(12).verify('older password', stored)).toBe(true);
    expect(await hasher.verify('older password', stored)).toBe(true);
    expect(await hasher.verify('older password', stored.replace('scrypt$11$4$2$', 'scrypt$11$8$2$'))).toBe(false);
  });

  it('hashes at the configured cost', async () => {
    const stored = await hasherWithCost(11).hash('another password');
    expect(stored.split('$').slice(0, 4)).toEqual(['scrypt', '11', '8', '1']);
    expect(await hasher.verify('another password', stored)).toBe(true);
  });

  it('rejects stored values of another scheme or without a key', async () => {
    const stored = await hasher.hash('a password');
    expect(await hasher.verify('a password', stored.replace(/^scrypt/, 'bcrypt'))).toBe(false);
    expect(await hasher.verify('a password', 'scrypt$10$8$1')).toBe(false);
    expect(await hasher.verify('a password', '')).toBe(false);
  });
});

describe('PasswordHasher with a malformed stored hash', () => {
  it('answers false instead of throwing', async () => {
    const hasher = new PasswordHasher({ auth: { passwordHashCost: 10 } } as never);
    await expect(hasher.verify('x', 'scrypt$abc$8$1$c2FsdA==$a2V5')).resolves.toBe(false);
    await expect(hasher.verify('x', 'scrypt$10$0$1$c2FsdA==$a2V5')).resolves.toBe(false);
    await expect(hasher.verify('x', 'bcrypt$whatever')).resolves.toBe(false);
  });
});

import { describe, expect, it } from '@jest/globals';
import { passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it.each([
    ['a-long-test-password'],
    ['admin-password-for-tests'],
    ['sandbridge-demo'],
    ['correct horse battery staple'],
    ['🔑'.repeat(12)],
  ])('accepts %j', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it.each([
    ['11 characters', 'abcdefghijk', /at least 12 characters/],
    ['11 code points that are 22 UTF-16 units', '🔑'.repeat(11), /at least 12 characters/],
    ['12 spaces', ' '.repeat(12), /only whitespace/],
    ['tabs and newlines', '\t\n \t\n \t\n \t\n ', /only whitespace/],
    ['a common password', 'password1234', /commonly used/],
    ['a common password in another case', 'PassWord1234', /commonly used/],
    ['a common password with spaces around it', '  qwerty123456  ', /commonly used/],
    ['201 characters', 'x'.repeat(201), /at most 200/],
  ])('refuses %s', (_, password, message) => {
    const problem = passwordProblem(password);
    expect(problem).toMatch(message);
    expect(problem).not.toContain(password.trim() || '\u0000');
  });
});

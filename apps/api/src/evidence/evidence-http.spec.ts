import { describe, expect, it } from '@jest/globals';
import { contentDisposition, encodeRfc5987 } from './content-disposition.js';
import { parseRange } from './evidence-http.js';

describe('contentDisposition (RFC 6266 / 5987)', () => {
  it('quotes a plain ASCII name, escaping quotes and backslashes', () => {
    expect(contentDisposition('attachment', 'report.pdf')).toBe('attachment; filename="report.pdf"');
    expect(contentDisposition('inline', 'a "quoted" \\ name.pdf')).toBe(
      'inline; filename="a \\"quoted\\" \\\\ name.pdf"',
    );
  });

  it('adds filename* in UTF-8 for other names, with an ASCII fallback', () => {
    expect(contentDisposition('attachment', 'résumé 2026.pdf')).toBe(
      'attachment; filename="r?sum? 2026.pdf"; filename*=UTF-8\'\'r%C3%A9sum%C3%A9%202026.pdf',
    );
    expect(contentDisposition('attachment', '報告.txt')).toBe(
      'attachment; filename="??.txt"; filename*=UTF-8\'\'%E5%A0%B1%E5%91%8A.txt',
    );
  });

  it('percent-encodes the characters RFC 5987 keeps out of attr-char', () => {
    expect(encodeRfc5987("it's (final)*.pdf")).toBe('it%27s%20%28final%29%2A.pdf');
    expect(decodeURIComponent(encodeRfc5987('😀 ü.txt'))).toBe('😀 ü.txt');
  });
});

describe('parseRange', () => {
  it.each([
    ['bytes=0-9', { start: 0, end: 9 }],
    ['bytes=5-', { start: 5, end: 99 }],
    ['bytes=-10', { start: 90, end: 99 }],
    ['bytes=-1000', { start: 0, end: 99 }],
    ['bytes=90-1000', { start: 90, end: 99 }],
    ['bytes=100-', 'UNSATISFIABLE'],
    ['bytes=-0', 'UNSATISFIABLE'],
    ['bytes=9-5', null],
    ['bytes=0-1,5-6', null],
    ['items=0-1', null],
    [undefined, null],
  ])('%s of 100 bytes → %j', (header, expected) => {
    expect(parseRange(header, 100)).toEqual(expected);
  });
});

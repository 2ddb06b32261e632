import { describe, expect, it } from '@jest/globals';
import { decideMediaType, declaredType, sanitiseFilename, typeOfExtension } from './evidence-files.js';

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

describe('sanitiseFilename', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\Desktop\\model card.docx', 'model card.docx'],
    ['dir/sub/', 'evidence'],
    ['..', 'evidence'],
    ['.', 'evidence'],
    ['', 'evidence'],
    [null, 'evidence'],
    ['   ', 'evidence'],
    ['  spaced.txt  ', 'spaced.txt'],
    ['tab\there\r\nnew\u0000line.txt', 'tabherenewline.txt'],
    ['del\u007fand\u0085c1.txt', 'delandc1.txt'],
    // Shown as "invoiceexe.pdf" with the override left in.
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['a\u2066b\u2069c\u200fd\u061ce.txt', 'abcde.txt'],
    ['\ufeffbom.txt', 'bom.txt'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitiseFilename(raw)).toBe(expected);
  });

  it('normalises to NFC (a decomposed é becomes one code point)', () => {
    const decomposed = 're\u0301sume\u0301.pdf';
    expect(sanitiseFilename(decomposed)).toBe('r\u00e9sum\u00e9.pdf');
  });

  it('cuts a long name to 255 UTF-8 bytes on a code point boundary, keeping its extension', () => {
    const long = `${'é'.repeat(200)}.pdf`;
    const name = sanitiseFilename(long);
    expect(utf8(name)).toBeLessThanOrEqual(255);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(name).toBe(`${'é'.repeat(125)}.pdf`);
    const emoji = sanitiseFilename('😀'.repeat(100));
    expect(utf8(emoji)).toBe(252);
    expect([...emoji].every((c) => c === '😀')).toBe(true);
  });
});

describe('media types', () => {
  it('reads the declared type from Content-Type and the extension', () => {
    expect(declaredType('application/octet-stream')).toBeNull();
    expect(declaredType(undefined)).toBeNull();
    expect(declaredType('Image/JPG; name=x')).toBe('image/jpeg');
    expect(declaredType('application/vnd.ms-excel')).toBe('text/csv');
    expect(typeOfExtension('scan.JPEG')).toBe('image/jpeg');
    expect(typeOfExtension('notes.md')).toBe('text/markdown');
    expect(typeOfExtension('archive.tar')).toBeNull();
    expect(typeOfExtension('.pdf')).toBeNull();
  });

  it('accepts a detected type on the allow-list when nothing declared contradicts it', () => {
    expect(
      decideMediaType({ detected: 'application/pdf', filename: 'report.pdf', contentType: 'application/pdf' }),
    ).toEqual({ ok: true, mediaType: 'application/pdf', textOnly: false });
    expect(
      decideMediaType({ detected: 'image/png', filename: 'evidence', contentType: 'application/octet-stream' }),
    ).toEqual({ ok: true, mediaType: 'image/png', textOnly: false });
    // An extension this platform does not know declares nothing.
    expect(decideMediaType({ detected: 'image/png', filename: 'shot.image', contentType: null })).toMatchObject({
      ok: true,
      mediaType: 'image/png',
    });
  });

  it('refuses content that contradicts the declared type, naming both', () => {
    const byName = decideMediaType({ detected: 'image/png', filename: 'report.pdf', contentType: null });
    expect(byName).toEqual({
      ok: false,
      message: 'The file is declared as application/pdf but its content is image/png',
    });
    const byHeader = decideMediaType({ detected: 'image/png', filename: 'shot.png', contentType: 'application/pdf' });
    expect(byHeader).toEqual({
      ok: false,
      message: 'The file is declared as application/pdf but its content is image/png',
    });
    const pdfNamedText = decideMediaType({ detected: null, filename: 'report.pdf', contentType: null });
    expect(pdfNamedText.ok).toBe(false);
  });

  it('an Office document recognised only as its ZIP container keeps its name, typed as the ZIP', () => {
    expect(decideMediaType({ detected: 'application/zip', filename: 'plan.docx', contentType: null })).toEqual({
      ok: true,
      mediaType: 'application/zip',
      textOnly: false,
    });
  });

  it('refuses types off the allow-list (executables, other archives)', () => {
    for (const detected of [
      'application/x-msdownload',
      'application/x-elf',
      'application/x-7z-compressed',
      'text/html',
    ])
      expect(decideMediaType({ detected, filename: 'x', contentType: null })).toEqual({
        ok: false,
        message: `Files of type ${detected} are not accepted as evidence`,
      });
  });

  it('types undetected content from the extension, to be confirmed as text', () => {
    expect(decideMediaType({ detected: null, filename: 'data.csv', contentType: 'text/csv' })).toEqual({
      ok: true,
      mediaType: 'text/csv',
      textOnly: true,
    });
    expect(
      decideMediaType({ detected: null, filename: 'data.csv', contentType: 'application/vnd.ms-excel' }),
    ).toMatchObject({
      ok: true,
      mediaType: 'text/csv',
    });
    expect(decideMediaType({ detected: null, filename: 'notes', contentType: null })).toEqual({
      ok: true,
      mediaType: 'text/plain',
      textOnly: true,
    });
    expect(decideMediaType({ detected: null, filename: 'notes', contentType: 'application/json' })).toMatchObject({
      mediaType: 'application/json',
    });
    expect(decideMediaType({ detected: null, filename: 'card.json', contentType: 'image/png' })).toEqual({
      ok: false,
      message: 'The file is declared as image/png but its content is application/json',
    });
    expect(decideMediaType({ detected: null, filename: 'run.sh', contentType: null }).ok).toBe(false);
  });
});

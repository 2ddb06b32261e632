import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_VARIABLES } from '@sandbridge/config';
import { buildSchema, isEnumType, isObjectType } from 'graphql';

/**
 * The project's own documentation keeps up with the code: every configuration variable is in the
 * operations reference, every domain type of the schema is explained in the domain guide, and every
 * `docs/…md#anchor` cited anywhere in the repository leads to a heading that exists.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The text of one `##` section of a Markdown file, down to the next `##` heading. */
function section(markdown: string, heading: string): string {
  const start = markdown.search(new RegExp(`^## ${heading}\\s*$`, 'm'));
  if (start < 0) throw new Error(`no "## ${heading}" section`);
  const rest = markdown.slice(start + 3);
  const next = rest.search(/^## /m);
  return next < 0 ? rest : rest.slice(0, next);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every anchor a Markdown file offers (its headings' slugs, a repeated slug with GitHub's -1, -2 …). */
function anchors(markdown: string): Set<string> {
  const found = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    found.add(n === 0 ? base : `${base}-${n}`);
  }
  return found;
}

describe('docs/operations.md', () => {
  const configuration = section(read('docs/operations.md'), 'Configuration');

  it.each([...CONFIG_VARIABLES])('documents %s in its configuration reference', (variable) => {
    expect(configuration).toContain(`\`${variable}\``);
  });
});

describe('docs/domain.md', () => {
  const domain = read('docs/domain.md');
  const schema = buildSchema(read('apps/api/schema.gql'));

  /**
   * Schema names explained under another name. Kept small: each entry is a type whose GraphQL name
   * carries an implementation suffix the reader never needs. (Empty today: docs/domain.md names every
   * type as the schema spells it.)
   */
  const EXPLAINED_AS: Readonly<Record<string, string>> = {};

  /** Plumbing, not vocabulary: the root types, connections and their edges, page info, payloads. */
  const plumbing = (name: string) =>
    name.startsWith('__') ||
    ['Query', 'Mutation', 'Subscription', 'PageInfo'].includes(name) ||
    /(Connection|Edge|Payload)$/.test(name);

  const domainTypes = Object.values(schema.getTypeMap())
    .filter((type) => (isObjectType(type) || isEnumType(type)) && !plumbing(type.name))
    .map((type) => type.name)
    .sort();

  it('finds the domain types of the schema', () => {
    expect(domainTypes.length).toBeGreaterThan(50);
    expect(domainTypes).toEqual(expect.arrayContaining(['Enrolment', 'EnrolmentState', 'RecognitionCheckName']));
    expect(domainTypes).not.toContain('EnrolmentConnection');
  });

  it.each(domainTypes)('explains %s', (name) => {
    expect(domain).toContain(`\`${EXPLAINED_AS[name] ?? name}\``);
  });

  it('maps only names the schema still has', () => {
    for (const name of Object.keys(EXPLAINED_AS)) expect(domainTypes).toContain(name);
  });
});

describe('citations of docs/', () => {
  const DOCS = [
    'README.md',
    'domain.md',
    'formats.md',
    'architecture.md',
    'operations.md',
    'console.md',
    'programme-simulation.md',
  ];
  const anchorsOf = new Map(DOCS.map((file) => [file, anchors(read(`docs/${file}`))]));

  it('has the sections other files cite', () => {
    const required: Record<string, string[]> = {
      'domain.md': [
        'glossary',
        'roles-and-visibility',
        'reference-data',
        'programmes-and-the-enrolment-lifecycle',
        'test-reports-and-evaluation',
        'recognition',
        'recognition-agreements',
        'simulation',
        'disclosure-control',
        'cooperation',
        'audit-trail',
        'accounts-and-sessions',
        'signatures',
      ],
      'formats.md': ['recognition-case', 'recognition-result', 'simulation-scenario', 'simulation-result'],
      'architecture.md': [
        'layers',
        'request-path',
        'api-conventions',
        'transactions-and-events',
        'tests',
        'adding-a-feature',
      ],
      'operations.md': ['configuration', 'production-checklist', 'scaling', 'backups'],
      'console.md': ['adding-a-page', 'typed-documents', 'forms-and-the-apis-errors', 'browser-tests'],
    };
    for (const [file, wanted] of Object.entries(required))
      expect({ file, missing: wanted.filter((a) => !anchorsOf.get(file)!.has(a)) }).toEqual({ file, missing: [] });
  });

  /** Source and documentation files of the repository (no dependencies, builds or data). */
  function files(dir: string): string[] {
    return readdirSync(join(ROOT, dir)).flatMap((name) => {
      const path = join(dir, name);
      if (['node_modules', 'dist', 'coverage', '.data', '.git'].includes(name)) return [];
      if (statSync(join(ROOT, path)).isDirectory()) return files(path);
      return /\.(ts|tsx|mts|mjs|js|md|gql|graphql|json|yml)$/.test(name) ? [path] : [];
    });
  }

  it('resolves every docs/…md#anchor cited in the repository, and every link between the docs', () => {
    const broken: string[] = [];
    const check = (from: string, file: string, anchor: string) => {
      const offered = anchorsOf.get(file);
      if (!offered) broken.push(`${from}: docs/${file} does not exist`);
      else if (anchor && !offered.has(anchor)) broken.push(`${from}: docs/${file}#${anchor} is no heading`);
    };
    const sources = [
      'README.md',
      ...['apps', 'libs', 'config', 'test', 'docs', 'examples', 'scripts', 'bench'].flatMap(files),
    ];
    for (const path of sources) {
      const text = read(path);
      for (const [, file, anchor] of text.matchAll(/docs\/([a-z-]+\.md)(?:#([a-z0-9_-]+))?/g))
        check(path, file, anchor ?? '');
      if (relative('docs', path).startsWith('..')) continue;
      // Links between the docs: `](formats.md#…)`, `](#…)`.
      for (const [, file, anchor] of text.matchAll(/\]\(([a-z-]+\.md)?#([a-z0-9_-]+)\)/g))
        check(path, file ?? path.slice('docs/'.length), anchor);
      for (const [, file] of text.matchAll(/\]\(([a-z-]+\.md)\)/g)) check(path, file, '');
    }
    expect(broken).toEqual([]);
  });
});

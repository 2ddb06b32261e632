import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp } from '@sandbridge/testing';
import { CONSOLE_POLICY } from '../apps/api/src/web-console.js';
import { ensureBuilt } from './ensure-built.js';

// The web console and GraphiQL come with the application (apps/console, built into dist/console) and
// are served from the API's own origin: they work with no internet, under a content security policy
// that allows nothing else. The console is a single-page app: any path a browser opens that is not the
// API's gets its page.

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the bundled GraphiQL', () => {
  let t: TestApp;

  beforeAll(async () => {
    await ensureBuilt('dist/console/graphiql.html');
    t = await TestApp.create();
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  it('is the page a browser gets at GET /graphql: every script, style and editor worker from this origin and served, no external URL', async () => {
    const page = await t.http().get('/graphql').set('accept', BROWSER);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<div id="graphiql">');
    // No URL of another origin anywhere in the page (absolute or protocol-relative).
    expect(page.text).not.toMatch(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);

    const scripts = [...page.text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
    const styles = [...page.text.matchAll(/<link[^>]*\shref="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    expect(styles.length).toBeGreaterThan(0);
    expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // no inline script
    const bodies: string[] = [];
    for (const url of [...scripts, ...styles]) {
      expect(url).toMatch(/^\/assets\/[^/]/);
      const asset = await t.http().get(url);
      expect(asset.status).toBe(200);
      expect(asset.headers['content-type']).toMatch(url.endsWith('.css') ? /^text\/css/ : /javascript/);
      expect(asset.headers['cache-control']).toContain('immutable');
      bodies.push(asset.text);
    }
    // Monaco's workers (GraphQL, JSON, the editor's) are files of their own, from this origin too.
    const workers = [...new Set(bodies.join('\n').match(/\/assets\/[\w.-]+\.worker-[\w-]+\.js/g) ?? [])];
    expect(workers.length).toBeGreaterThanOrEqual(3);
    for (const url of workers) expect((await t.http().get(url)).status).toBe(200);
  });

  it("sends a policy that allows this origin only, on the page and on its assets (the API's own stays 'none')", async () => {
    const page = await t.http().get('/graphql').set('accept', BROWSER);
    const policy = directives(page.headers['content-security-policy']);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['worker-src']).toEqual(["'self'", 'blob:']);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    for (const sources of Object.values(policy))
      for (const source of sources) expect(source).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');

    const script = /<script[^>]*\ssrc="([^"]+)"/.exec(page.text)![1];
    expect((await t.http().get(script)).headers['content-security-policy']).toBe(
      page.headers['content-security-policy'],
    );
    const api = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }' });
    expect(api.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('leaves GraphQL requests to the API: POST, and GET with a query, answer JSON', async () => {
    const get = await t
      .http()
      .get('/graphql')
      .query({ query: '{ __typename }' })
      .set('accept', 'application/graphql-response+json, application/json')
      .set('apollo-require-preflight', 'true'); // Apollo's CSRF rule for GET
    expect(get.status).toBe(200);
    expect(get.headers['content-type']).toMatch(/json/);
    expect(get.body).toEqual({ data: { __typename: 'Query' } });
    const post = await t
      .http()
      .post('/graphql')
      .set('accept', BROWSER)
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }' });
    expect(post.body).toEqual({ data: { __typename: 'Query' } });
    const notFound = await t.http().get('/assets/no-such-file.js');
    expect(notFound.status).toBe(404);
  });

  it('is not served with GRAPHIQL=false (production’s default), while the console still is', async () => {
    const off = await TestApp.create({ GRAPHIQL: 'false' });
    try {
      const page = await off.http().get('/graphql').set('accept', BROWSER);
      expect(page.status).not.toBe(200);
      expect(page.headers['content-type'] ?? '').not.toMatch(/^text\/html/);
      expect(page.text).not.toContain('graphiql');
      const script = /<script[^>]*\ssrc="([^"]+)"/.exec(
        (await t.http().get('/graphql').set('accept', BROWSER)).text,
      )![1];
      expect((await off.http().get(script)).status).toBe(404);
      // The console and every file it loads stay (it is the product, not a developer tool).
      const console = await off.http().get('/').set('accept', BROWSER);
      expect(console.status).toBe(200);
      expect(console.text).toContain('<div id="root">');
      for (const url of assetsOf(console.text)) expect((await off.http().get(url)).status).toBe(200);
    } finally {
      await off.close();
    }
  });
});

describe('the web console', () => {
  let t: TestApp;
  let page: string;

  beforeAll(async () => {
    await ensureBuilt('dist/console/index.html');
    t = await TestApp.create();
    page = (await t.http().get('/').set('accept', BROWSER)).text;
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  it('is the page at / : scripts and styles from this origin, served, cached for good; no inline script, no other origin', async () => {
    const response = await t.http().get('/').set('accept', BROWSER);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(page).toContain('<div id="root">');
    expect(page).not.toMatch(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    const assets = assetsOf(page);
    expect(assets.some((url) => url.endsWith('.js'))).toBe(true);
    expect(assets.some((url) => url.endsWith('.css'))).toBe(true);
    for (const url of assets) {
      const asset = await t.http().get(url);
      expect(asset.status).toBe(200);
      expect(asset.headers['cache-control']).toContain('immutable');
      expect(asset.headers['content-security-policy']).toBe(CONSOLE_POLICY);
    }
  });

  it.each(['/innovator/systems', '/regulator/queue?tab=reports', '/sign-in', '/no/such/page', '/graphqlish'])(
    'answers %s with the same page when a browser opens it (the console routes it), under the console’s policy',
    async (path) => {
      const response = await t.http().get(path).set('accept', BROWSER);
      expect(response.status).toBe(200);
      expect(response.text).toBe(page);
      expect(response.headers['content-security-policy']).toBe(CONSOLE_POLICY);
    },
  );

  it.each(['/health', '/.well-known/sandbridge-keys'])('leaves %s to the API', async (path) => {
    const response = await t.http().get(path).set('accept', BROWSER);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/json/);
  });

  it.each(['/graphql/x', '/health/x', '/assets/no-such-file.js', '/assets/a/b.js', '/.well-known/x'])(
    'answers %s with the API’s 404, not the page',
    async (path) => {
      const response = await t.http().get(path).set('accept', BROWSER);
      expect(response.status).toBe(404);
      expect(response.text).not.toContain('<div id="root">');
    },
  );

  it('gives a client that does not ask for HTML the API’s 404, and POST is never the page', async () => {
    const json = await t.http().get('/innovator/systems').set('accept', 'application/json');
    expect(json.status).toBe(404);
    const post = await t.http().post('/innovator/systems').set('accept', BROWSER).send({});
    expect(post.status).toBe(404);
    expect(post.text).not.toContain('<div id="root">');
  });
});

/** The scripts, module preloads and styles a page loads. */
function assetsOf(html: string): string[] {
  return [
    ...[...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]*\shref="(\/assets\/[^"]+)"/g)].map((m) => m[1]),
  ];
}

function directives(header: string): Record<string, string[]> {
  return Object.fromEntries(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
}

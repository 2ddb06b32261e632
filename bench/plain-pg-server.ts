import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { EmbeddedPostgres } from '@sandbridge/persistence';
import pg from 'pg';

/**
 * Baseline (c) of npm run bench:api: the floor of a database-backed answer to
 * `criteria(first: 50) { … clauses … authority { … jurisdiction } }` — a plain node:http server that
 * runs the statements Sandbridge runs for that query (captured with DB_LOG_SQL=true: the session
 * check, the count, the page, then authorities, criterion↔clause links, jurisdictions and clauses by
 * id) and writes the same JSON, with no GraphQL, no JWT and no framework. Any POST answers it.
 *
 * Environment: DATABASE_URL (pool of 10, as Sandbridge) or DATA_DIR (the embedded database of a
 * stopped Sandbridge, opened here through its socket: one connection, as Sandbridge), ACCOUNT_ID and
 * AUTHORITY_ID (the signed-in regulator), PORT (0). Prints "plain node:http + pg on <port>".
 */

interface CriterionRow {
  id: string;
  authority_id: string;
  key: string;
  version: number;
  title: string;
  stage: string;
  category: string;
  kind: string;
  comparator: string | null;
  threshold: number | null;
  unit: string | null;
  status: string;
}

async function main(): Promise<void> {
  const accountId = required('ACCOUNT_ID');
  const authorityId = required('AUTHORITY_ID');
  const embedded = process.env.DATABASE_URL ? null : await EmbeddedPostgres.start(required('DATA_DIR'));
  const pool = new pg.Pool(
    embedded
      ? { connectionString: embedded.url, max: 1, connectionTimeoutMillis: 15_000 }
      : { connectionString: process.env.DATABASE_URL, max: 10 },
  );

  const answer = async (): Promise<string> => {
    await pool.query(
      'SELECT id, role, authority_id, organisation_id, jurisdiction_code, session_epoch, disabled_at FROM account WHERE id = $1',
      [accountId],
    );
    const visible = `(status <> 'DRAFT' OR authority_id = $1)`;
    const [count, page] = [
      await pool.query<{ cnt: string }>(`SELECT COUNT(1) AS cnt FROM criterion WHERE ${visible}`, [authorityId]),
      await pool.query<CriterionRow>(
        `SELECT id, authority_id, key, version, title, description, stage, category, kind, metric_key, unit, comparator, threshold,
                threshold_high, evidence_type, statement, sectors, risk_classes, status, published_at, retired_at, created_at, updated_at
           FROM criterion WHERE ${visible} ORDER BY key ASC, version ASC, id ASC LIMIT 51`,
        [authorityId],
      ),
    ];
    const rows = page.rows.slice(0, 50);
    const ids = rows.map((r) => r.id);
    const authorities = await byId(
      'SELECT id, jurisdiction_code, name, acronym, sectors, website, created_at, updated_at FROM authority WHERE id = ANY($1)',
      [...new Set(rows.map((r) => r.authority_id))],
    );
    const links = (
      await pool.query<{ criterion_id: string; clause_id: string }>(
        'SELECT criterion_id, clause_id FROM criterion_clause WHERE criterion_id = ANY($1) ORDER BY clause_id ASC',
        [ids],
      )
    ).rows;
    const jurisdictions = await byId(
      'SELECT code AS id, name, approach, created_at, updated_at FROM jurisdiction WHERE code = ANY($1)',
      [...new Set([...authorities.values()].map((a) => a.jurisdiction_code as string))],
    );
    const clauses = await byId('SELECT id, standard_id, ref, title FROM clause WHERE id = ANY($1)', [
      ...new Set(links.map((l) => l.clause_id)),
    ]);
    const edges = rows.map((r) => {
      const authority = authorities.get(r.authority_id)!;
      const jurisdiction = jurisdictions.get(authority.jurisdiction_code as string)!;
      return {
        node: {
          id: r.id,
          key: r.key,
          version: r.version,
          title: r.title,
          stage: r.stage,
          category: r.category,
          kind: r.kind,
          comparator: r.comparator,
          threshold: r.threshold,
          unit: r.unit,
          status: r.status,
          clauses: links
            .filter((l) => l.criterion_id === r.id)
            .map((l) => clauses.get(l.clause_id)!)
            .map((c) => ({ id: c.id, ref: c.ref, title: c.title })),
          authority: {
            id: authority.id,
            name: authority.name,
            acronym: authority.acronym,
            jurisdiction: { code: jurisdiction.id, name: jurisdiction.name },
          },
        },
      };
    });
    return JSON.stringify({
      data: {
        criteria: {
          totalCount: Number(count.rows[0].cnt),
          edges,
          pageInfo: { hasNextPage: page.rows.length > 50 },
        },
      },
    });
  };

  const byId = async (sql: string, ids: string[]): Promise<Map<string, Record<string, unknown>>> =>
    new Map((await pool.query<Record<string, unknown>>(sql, [ids])).rows.map((row) => [row.id as string, row]));

  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      answer().then(
        (body) => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(body);
        },
        (error: unknown) => {
          response.writeHead(500, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ errors: [{ message: String(error) }] }));
        },
      );
    });
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    console.log(`plain node:http + pg on ${(server.address() as AddressInfo).port}`);
  });
  process.once('SIGTERM', () => {
    server.close();
    void pool.end().then(() => embedded?.stop());
  });
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

main().catch((error) => {
  console.error('plain-pg-server failed:', error);
  process.exit(1);
});

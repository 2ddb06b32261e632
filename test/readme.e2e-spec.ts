import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { appendFileSync, readFileSync } from 'node:fs';
import { DEMO_PASSWORD } from '@sandbridge/application';
import { TestApp, waitFor } from '@sandbridge/testing';
import { buildSchema, type OperationDefinitionNode, parse, validate } from 'graphql';

// The README's journeys, run as written: every ```graphql block of README.md, in order, against one
// fresh server with the demo data (as `npm start` has it), each operation as the account the README
// names. A block fails on any GraphQL error, naming its README line. Blocks say what a reader would
// do by hand in whole-line comments (`# …` alone on a line):
//
//   # as EMAIL                    the operations below (and in later blocks, until the next `# as`) run
//   # as EMAIL password "PW"      as that account, signed in with the demo password `sandbridge-demo`
//                                 or PW; before the first `# as`, as admin@demo.sandbridge.test.
//   # remember <NAME> = PATH      after each operation of the block, PATH is looked up in its answer
//                                 (`data`): dotted fields, `[n]` for an item of a list, `[field=value]`
//                                 for the item whose (dotted) field has that value — e.g.
//                                 `programmes.edges[0].node.participants[authority.acronym=FCA].authority.id`.
//                                 From then on "<NAME>" in a string of any block is that value. It must
//                                 have been found by the end of the block.
//   # $NAME: FILE                 the variable $NAME of the block's operations is the JSON of FILE (a
//                                 path in the repository), e.g. `# $scenario: examples/simulation/small.scenario.json`.
//   # until PATH = VALUE          an asynchronous result: an operation whose answer has PATH's first
//                                 field is repeated (for up to a minute) until PATH equals VALUE.
//
// Every operation signs in afresh, so a block that changes a password or ends sessions leaves the
// next operations a valid token (name the new password in `# as`).
// A block may hold several operations (named, as GraphQL requires): they run in order. Every block is
// validated against apps/api/schema.gql first; `subscription` operations are only validated (they
// need a graphql-ws client, and the events they would show come from the other blocks). A "<…>" left
// in a string with nothing remembered for it fails the block.
//
// README_ANSWERS=/tmp/answers.md writes every answer there (to check the prose against them).

const root = new URL('../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const schema = buildSchema(readFileSync(new URL('apps/api/schema.gql', root), 'utf8'));
const answers = process.env.README_ANSWERS;

interface Block {
  /** README line of the block's first line of GraphQL (after the fence). */
  line: number;
  text: string;
}

function graphqlBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```graphql') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end].trim() !== '```') end++;
    blocks.push({ line: start + 1, text: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}

/** A whole-line comment's directive, with the block line (0-based) it stands on. */
interface Directive {
  at: number;
  match: RegExpMatchArray;
}

function directives(text: string, pattern: RegExp): Directive[] {
  return text.split('\n').flatMap((line, at) => {
    const match = line.match(pattern);
    return match ? [{ at, match }] : [];
  });
}

const AS = /^\s*#\s*as\s+(\S+@\S+?)(?:\s+password\s+"([^"]*)")?\s*$/;
const REMEMBER = /^\s*#\s*remember\s+(<[^>]+>)\s*=\s*(\S+)\s*$/;
const VARIABLE = /^\s*#\s*\$(\w+)\s*:\s*(\S+)\s*$/;
const UNTIL = /^\s*#\s*until\s+(\S+)\s*=\s*(\S+)\s*$/;

/** `a.b[0].c[key.sub=value].id` in `data`, or undefined. */
function lookUp(data: unknown, path: string): unknown {
  const steps = path.match(/[^.[\]]+|\[[^\]]*\]/g) ?? [];
  let value: any = data;
  for (const step of steps) {
    if (value == null) return undefined;
    if (!step.startsWith('[')) value = value[step];
    else if (/^\[\d+\]$/.test(step)) value = value[Number(step.slice(1, -1))];
    else {
      const [field, wanted] = step.slice(1, -1).split('=');
      value = Array.isArray(value) ? value.find((item) => String(lookUp(item, field)) === wanted) : undefined;
    }
  }
  return value;
}

/** The block's operations by their root fields, for the test's name: `createCriterion, publishCriterion`. */
function summary(text: string): string {
  try {
    return parse(text)
      .definitions.flatMap((d) =>
        d.kind === 'OperationDefinition'
          ? d.selectionSet.selections.map((s) => (s.kind === 'Field' ? s.name.value : '…'))
          : [],
      )
      .join(', ');
  } catch {
    return 'does not parse';
  }
}

describe('README.md, run as written', () => {
  let t: TestApp;
  const remembered = new Map<string, string>();
  let account = { email: 'admin@demo.sandbridge.test', password: DEMO_PASSWORD };

  // One server and one demo seed for the whole README (seeding walks the demo enrolments through the
  // lifecycle: about 30 s alone, more on a busy machine).
  beforeAll(async () => {
    t = await TestApp.create({ SEED_DEMO: 'true' });
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  const blocks = graphqlBlocks(readme);

  it('has GraphQL blocks to run', () => {
    if (blocks.length < 10) throw new Error(`README.md has only ${blocks.length} \`\`\`graphql blocks`);
  });

  for (const block of blocks) {
    const where = `README.md:${block.line}`;
    it(`${where}: ${summary(block.text)}`, async () => {
      const fail = (line: number, message: string): never => {
        throw new Error(`README.md:${block.line + line} — ${message}\n\n${block.text}`);
      };
      let document;
      try {
        document = parse(block.text);
      } catch (error) {
        return fail(0, `does not parse: ${(error as Error).message}`);
      }
      const invalid = validate(schema, document);
      if (invalid.length)
        return fail(
          (invalid[0].locations?.[0].line ?? 1) - 1,
          `invalid against schema.gql: ${invalid.map((e) => e.message).join('; ')}`,
        );

      const accounts = directives(block.text, AS);
      const remembers = directives(block.text, REMEMBER);
      const untils = directives(block.text, UNTIL);
      const variables = Object.fromEntries(
        directives(block.text, VARIABLE).map(({ match }) => [
          match[1],
          JSON.parse(readFileSync(new URL(match[2], root), 'utf8')),
        ]),
      );
      const found = new Set<string>();

      for (const operation of document.definitions.filter(
        (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
      )) {
        const at = operation.loc!.startToken.line - 1;
        const name = operation.name?.value ?? operation.operation;
        const as = accounts.filter((d) => d.at < at).at(-1);
        if (as) account = { email: as.match[1], password: as.match[2] ?? DEMO_PASSWORD };
        if (operation.operation === 'subscription') continue;

        let text = block.text.slice(operation.loc!.start, operation.loc!.end);
        text = text.replace(/"(<[^">]+>)"/g, (literal, placeholder: string) => {
          const value = remembered.get(placeholder);
          if (value === undefined)
            return fail(
              at,
              `${name}: nothing remembered for ${placeholder} (say where it comes from with "# remember ${placeholder} = PATH")`,
            );
          return JSON.stringify(value);
        });
        const wanted = new Set(operation.variableDefinitions?.map((v) => v.variable.name.value));
        const own = Object.fromEntries(Object.entries(variables).filter(([key]) => wanted.has(key)));
        const token = await t
          .login(account.email, account.password)
          .catch((error: Error) => fail(at, `${name}: cannot sign in as ${account.email}: ${error.message}`));
        const run = async () => {
          const response = await t.gql(text, own, token);
          if (response.errors?.length || !response.data)
            fail(at, `${name} as ${account.email} failed: ${JSON.stringify(response.errors ?? response)}`);
          return response.data!;
        };
        let data = await run();
        for (const until of untils) {
          const [path, value] = [until.match[1], until.match[2]];
          if (!(path.split(/[.[]/)[0] in data)) continue;
          data = await waitFor(
            `${path} = ${value}`,
            async () => {
              const again = await run();
              return String(lookUp(again, path)) === value ? again : null;
            },
            60_000,
            200,
          ).catch((error: Error) => fail(until.at, `${name}: ${error.message}`));
        }
        if (answers)
          appendFileSync(
            answers,
            `## README.md:${block.line + at} ${name}, as ${account.email}\n${JSON.stringify(data, null, 2)}\n\n`,
          );
        for (const { match } of remembers) {
          const value = lookUp(data, match[2]);
          if (value === undefined || value === null) continue;
          remembered.set(match[1], String(value));
          found.add(match[1]);
        }
      }
      for (const { at, match } of remembers)
        if (!found.has(match[1])) fail(at, `# remember ${match[1]}: no answer of the block has ${match[2]}`);
    }, 120_000);
  }
});

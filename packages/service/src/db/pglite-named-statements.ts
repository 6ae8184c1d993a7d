/**
 * Parameterised statements on PGlite, parsed and planned once per statement text.
 *
 * PGlite's own `query` sends each statement as PostgreSQL's unnamed statement: parse, describe,
 * bind, describe, execute and sync, six exchanges with the WebAssembly backend, and the statement
 * is parsed and planned again every time. Here each distinct text is parsed once under a name;
 * afterwards one exchange binds and executes it and PostgreSQL reuses its plan, as it does for
 * node-postgres' named statements on a server. For the session store, a four-table statement,
 * that is 1.09 ms instead of 1.85 ms (docs/performance.md, "Session creation").
 *
 * The texts come from the application's code, so there are few of them; the least recently used
 * are closed beyond {@link maxNamedStatements} all the same. Values are serialised and rows parsed
 * by PGlite's own serialisers, parsers and result parser, as `query` does.
 */
import { type PGlite, parse, protocol, type Results } from "@electric-sql/pglite";

type QueryOptions = NonNullable<Parameters<PGlite["query"]>[2]>;

const maxNamedStatements = 500;

export interface NamedStatementRunner {
  /** Runs `text` with `params`; call it while holding PGlite's query lock. */
  run<Row>(
    text: string,
    params: readonly unknown[],
    options: QueryOptions | undefined,
  ): Promise<Results<Row>>;
}

/** Whether {@link NamedStatementRunner.run} can stand in for `query` with these options. */
export function canRunNamed(
  params: readonly unknown[] | undefined,
  options: QueryOptions | undefined,
): boolean {
  if (params === undefined || params.length === 0) return false;
  if (options === undefined) return true;
  // Only the row shape is supported; blobs, notices and per-query (de)serialisers go to `query`.
  return Object.keys(options).every((option) => option === "rowMode");
}

/** One per PGlite instance: statement names are the backend's, however many clients wrap it. */
const runners = new WeakMap<PGlite, NamedStatementRunner>();

export function namedStatementRunner(client: PGlite): NamedStatementRunner {
  let runner = runners.get(client);
  if (runner === undefined) {
    runner = createRunner(client);
    runners.set(client, runner);
  }
  return runner;
}

function createRunner(client: PGlite): NamedStatementRunner {
  /** Statement text → name and parameter types; in least-recently-used order. */
  const statements = new Map<string, { name: string; parameterTypes: number[] }>();
  let nextId = 0;

  async function exchange(...messages: Uint8Array[]) {
    const { messages: replies } = await client.execProtocol(
      concatenate([...messages, protocol.serialize.sync()]),
      {
        syncToFs: false,
      },
    );
    return replies;
  }

  async function statementFor(text: string) {
    const known = statements.get(text);
    if (known !== undefined) {
      statements.delete(text);
      statements.set(text, known);
      return known;
    }
    const oldest = statements.entries().next().value;
    if (statements.size >= maxNamedStatements && oldest !== undefined) {
      const [oldestText, { name }] = oldest;
      statements.delete(oldestText);
      await exchange(protocol.serialize.close({ type: "S", name }));
    }
    const name = `attendant_${nextId++}`;
    const replies = await exchange(
      protocol.serialize.parse({ name, text }),
      protocol.serialize.describe({ type: "S", name }),
    );
    const statement = { name, parameterTypes: parse.parseDescribeStatementResults(replies) };
    statements.set(text, statement);
    return statement;
  }

  return {
    async run<Row>(text: string, params: readonly unknown[], options: QueryOptions | undefined) {
      const { name, parameterTypes } = await statementFor(text);
      const values = params.map((param, index) => {
        if (param === null || param === undefined) return null;
        const serialize = client.serializers[parameterTypes[index] ?? 0];
        return serialize === undefined ? String(param) : serialize(param);
      });
      const replies = await exchange(
        protocol.serialize.bind({ statement: name, values }),
        protocol.serialize.describe({ type: "P" }),
        protocol.serialize.execute({}),
      );
      const [result] = parse.parseResults(replies, client.parsers, options);
      if (result === undefined) throw new Error(`PGlite returned no result for a named statement: ${text}`);
      return result as Results<Row>;
    },
  };
}

function concatenate(parts: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

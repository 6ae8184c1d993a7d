/**
 * The import rules (.dependency-cruiser.cjs, run by `npm run lint:imports` in `npm test`) proven
 * to bite: a small tree that breaks each rule on purpose is cruised with the project's own rule
 * set, and each break is reported; the same tree without the breaks passes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult, type IForbiddenRuleType } from "dependency-cruiser";
import { afterEach, describe, expect, it } from "vitest";

const configPath = fileURLToPath(new URL("../../../../.dependency-cruiser.cjs", import.meta.url));
const { forbidden } = createRequire(import.meta.url)(configPath) as { forbidden: IForbiddenRuleType[] };

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Writes `files` (path → source) into a fresh folder laid out like the repository. */
function treeOf(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "attendant-import-rules-"));
  folders.push(root);
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), source);
  }
  return root;
}

async function violationsIn(root: string): Promise<string[]> {
  const result = await cruise(["packages"], {
    baseDir: root,
    validate: true,
    ruleSet: { forbidden },
    tsPreCompilationDeps: true,
  });
  const { summary } = result.output as ICruiseResult;
  return summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`);
}

const service = "packages/service/src";
const cleanTree = {
  [`${service}/sessions/open-session.ts`]: `import { findSession } from "../db/repositories/sessions";\nexport const open = findSession;\n`,
  [`${service}/db/repositories/sessions.ts`]: `import { now } from "../../clock";\nexport const findSession = now;\n`,
  [`${service}/clock.ts`]: "export const now = () => new Date();\n",
  [`${service}/sessions/session-routes.ts`]: `import { open } from "./open-session";\nexport const routes = [open];\n`,
};

describe("the import rules", () => {
  it("pass a tree whose imports all go the allowed way", async () => {
    expect(await violationsIn(treeOf(cleanTree))).toEqual([]);
  });

  it("fail an upward import from db/ into a feature, naming the rule and both files", async () => {
    const root = treeOf({
      ...cleanTree,
      [`${service}/db/repositories/sessions.ts`]: `import { open } from "../../sessions/open-session";\nexport const findSession = () => open;\n`,
    });
    expect(await violationsIn(root)).toContain(
      `db-stays-below-the-features: ${service}/db/repositories/sessions.ts → ${service}/sessions/open-session.ts`,
    );
  });

  it("fail a cycle between two features", async () => {
    const root = treeOf({
      ...cleanTree,
      [`${service}/tickets/close-ticket.ts`]: `import { open } from "../sessions/open-session";\nexport const close = open;\n`,
      [`${service}/sessions/open-session.ts`]: `import { close } from "../tickets/close-ticket";\nexport const open = () => close;\n`,
    });
    expect(await violationsIn(root)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^no-cycles-in-the-service: /)]),
    );
  });

  it("fail a route that reads a repository itself, and SQL built outside db/", async () => {
    const root = treeOf({
      ...cleanTree,
      [`${service}/sessions/session-routes.ts`]: `import { findSession } from "../db/repositories/sessions";\nexport const routes = [findSession];\n`,
      [`${service}/sessions/count-sessions.ts`]: `import { sql } from "drizzle-orm";\nexport const count = sql\`select 1\`;\n`,
      "node_modules/drizzle-orm/package.json": `{ "name": "drizzle-orm", "main": "index.js" }`,
      "node_modules/drizzle-orm/index.js": "export const sql = () => undefined;\n",
    });
    expect(await violationsIn(root)).toEqual(
      expect.arrayContaining([
        `routes-call-use-cases: ${service}/sessions/session-routes.ts → ${service}/db/repositories/sessions.ts`,
        `sql-only-in-db: ${service}/sessions/count-sessions.ts → node_modules/drizzle-orm/index.js`,
      ]),
    );
  });

  it("fail the TeamViewer client importing the service, and the simulator importing the client", async () => {
    const root = treeOf({
      ...cleanTree,
      "packages/teamviewer/src/client.ts": `import { now } from "../../service/src/clock";\nexport const client = now;\n`,
      "packages/simulator/src/server.ts": `import { client } from "../../teamviewer/src/client";\nexport const server = client;\n`,
    });
    expect(await violationsIn(root)).toEqual(
      expect.arrayContaining([
        `teamviewer-client-stands-alone: packages/teamviewer/src/client.ts → ${service}/clock.ts`,
        "simulator-independent-of-the-client: packages/simulator/src/server.ts → packages/teamviewer/src/client.ts",
      ]),
    );
  });
});

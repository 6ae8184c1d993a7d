/**
 * The commands that talk to a running service (`sessions …`, `reports export`), spawned as the
 * real binary against an Attendant served on loopback by this test: an in-process app on a
 * fresh database whose TeamViewer is the simulator.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import { afterAll, afterEach, describe, expect, test, vi } from "vitest";
import {
  createSessionHarness,
  type SessionHarness,
} from "../../../service/test/integration/sessions/session-harness.js";
import { usePgliteEngine } from "../../../service/test/support/engines.js";
import { runAttendant } from "./run-attendant.js";

vi.setConfig({ testTimeout: 240_000 });

const servers: ServerType[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function startService(h: SessionHarness): Promise<string> {
  const server = serve({ fetch: h.app.fetch, hostname: "127.0.0.1", port: 0 });
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("attendant sessions and reports export against a running service", () => {
  const engine = usePgliteEngine();

  async function setUp() {
    const h = await createSessionHarness(engine);
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const key = await h.createKey(supporter, ["sessions:read", "sessions:write", "reports:read"]);
    const url = await startService(h);
    return { h, env: { ATTENDANT_URL: url, ATTENDANT_API_KEY: key } };
  }

  test("creates, lists and closes a session, as text for people and --json for scripts", async () => {
    const { h, env } = await setUp();
    const created = await runAttendant(
      [
        "sessions",
        "create",
        "--ticket",
        "4711",
        "--title",
        "Outlook does not start",
        "--group",
        "Helpdesk",
        "--json",
      ],
      env,
    );
    expect(created.stderr).toBe("");
    expect(created.exitCode).toBe(0);
    const session = JSON.parse(created.stdout) as { id: string; code: string; status: string };
    expect(session.status).toBe("waiting");
    expect(await h.teamViewerSessions()).toHaveLength(1);

    const listed = await runAttendant(["sessions", "list", "--ticket", "4711"], env);
    expect(listed.exitCode).toBe(0);
    expect(listed.stdout).toContain(`${session.id}  ${session.code}  waiting`);
    expect(listed.stdout).toContain("ticket 4711: Outlook does not start");

    const closed = await runAttendant(["sessions", "close", session.id], env);
    expect(closed.exitCode).toBe(0);
    expect(closed.stdout).toBe(`Closed session ${session.code} (${session.id}).\n`);
  });

  test("maps what the service refuses to clear messages and exit codes", async () => {
    const { env } = await setUp();
    const badKey = await runAttendant(["sessions", "list"], { ...env, ATTENDANT_API_KEY: "atd_nope_nope" });
    expect(badKey.exitCode).toBe(4);
    expect(badKey.stderr).toContain("The service answered 401 Unauthorized: This API key is not valid");
    expect(badKey.stderr).toMatch(/Request id: \S+/);

    const missing = await runAttendant(["sessions", "close", "00000000-0000-4000-8000-000000000000"], env);
    expect(missing.exitCode).toBe(6);
    expect(missing.stderr).toContain("The service answered 404");

    const invalid = await runAttendant(
      [
        "sessions",
        "create",
        "--ticket",
        "4711",
        "--title",
        "x",
        "--ticket-url",
        "ftp://helpdesk",
        "--group",
        "Helpdesk",
        "--json",
      ],
      env,
    );
    expect(invalid.exitCode).toBe(7);
    expect(invalid.stderr).toContain("The service answered 400 Bad Request");
    expect(invalid.stderr).toContain("  - ticket.url:");
    expect(invalid.stdout).toBe("");

    const unreachable = await runAttendant(["sessions", "list", "--url", "http://127.0.0.1:1"], env);
    expect(unreachable.exitCode).toBe(5);
    expect(unreachable.stderr).toContain("Could not reach Attendant at http://127.0.0.1:1");
  });

  test("reaches the local service on ATTENDANT_PORT when neither --url nor ATTENDANT_URL is given, and names a bad port", async () => {
    const { h, env } = await setUp();
    // No hostname: listening on every address, as `attendant serve` does, so localhost reaches it.
    const server = serve({ fetch: h.app.fetch, port: 0 });
    servers.push(server);
    await new Promise((resolve) => server.once("listening", resolve));
    const port = String((server.address() as AddressInfo).port);
    const local = { ATTENDANT_URL: undefined, ATTENDANT_API_KEY: env.ATTENDANT_API_KEY };

    const listed = await runAttendant(["sessions", "list", "--json"], { ...local, ATTENDANT_PORT: port });
    expect(listed.stderr).toBe("");
    expect(listed.exitCode).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({ sessions: [] });

    const badPort = await runAttendant(["sessions", "list"], { ...local, ATTENDANT_PORT: "web" });
    expect(badPort.exitCode).toBe(3);
    expect(badPort.stderr).toContain("ATTENDANT_PORT must be a port number between 1 and 65535");
    expect(badPort.stderr).toContain("--url");
  });

  test("refuses bad arguments before calling the service, with exit code 2", async () => {
    const { env } = await setUp();
    const cases: [string[], string][] = [
      [["sessions", "close", "abc"], 'expected an id like 3f2b…-…, got "abc"'],
      [["sessions", "create", "--title", "x"], "required option '--ticket <id>' not specified"],
      [["sessions", "list", "--state", "gone"], "Allowed choices are open, closed, expired"],
      [
        ["sessions", "create", "--ticket", "1", "--title", "x", "--group-id", "Helpdesk"],
        "expected a TeamViewer group id",
      ],
      [["sessions", "create", "--ticket", "1", "--title", "x"], "Name the TeamViewer group"],
      [["reports", "export"], "required option '--format <format>' not specified"],
      [["reports", "export", "--format", "xlsx"], "Allowed choices are csv, jsonl"],
      [["reports", "export", "--format", "csv", "--from", "yesterday"], "expected a date like 2026-03-02"],
      [["sessions", "list", "--url", "support.example.com"], "expected the service's address like https://"],
    ];
    for (const [args, message] of cases) {
      const result = await runAttendant(args, env);
      expect(result.exitCode, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toContain(message);
    }
    const noKey = await runAttendant(["sessions", "list"], { ...env, ATTENDANT_API_KEY: "" });
    expect(noKey.exitCode).toBe(2);
    expect(noKey.stderr).toContain("Give an API key with --api-key or ATTENDANT_API_KEY");
  });

  test("reports export streams CSV to standard output or into a file", async () => {
    const { env } = await setUp();
    const toStdout = await runAttendant(
      ["reports", "export", "--format", "csv", "--from", "2026-01-01"],
      env,
    );
    expect(toStdout.stderr).toBe("");
    expect(toStdout.exitCode).toBe(0);
    expect(toStdout.stdout.startsWith("\uFEFF")).toBe(true);
    const header = toStdout.stdout.slice(1).split("\r\n")[0];
    expect(header).toContain("teamviewer_report_id");

    const folder = await mkdtemp(join(tmpdir(), "attendant-export-"));
    folders.push(folder);
    const file = join(folder, "reports.jsonl");
    const toFile = await runAttendant(
      ["reports", "export", "--format", "jsonl", "--output", file, "--json"],
      env,
    );
    expect(toFile.exitCode).toBe(0);
    const summary = JSON.parse(toFile.stdout) as { file: string; bytes: number };
    expect(summary.file).toBe(file);
    expect((await readFile(file)).length).toBe(summary.bytes);

    // --billing-state reaches the API as its camelCase `billingState` filter (the API refuses
    // unknown parameters, so a wrong name would fail instead of exporting everything).
    const rowsOf = (text: string) =>
      text
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { billingState: string | null });
    const everyRow = rowsOf(await readFile(file, "utf8"));
    const bills = await runAttendant(
      ["reports", "export", "--format", "jsonl", "--billing-state", "Bill"],
      env,
    );
    expect(bills.exitCode, bills.stderr).toBe(0);
    const billRows = rowsOf(bills.stdout);
    expect(billRows.every((row) => row.billingState === "Bill")).toBe(true);
    expect(billRows.length).toBe(everyRow.filter((row) => row.billingState === "Bill").length);

    const refused = await runAttendant(["reports", "export", "--format", "csv", "--output", file], {
      ...env,
      ATTENDANT_API_KEY: "atd_nope_nope",
    });
    expect(refused.exitCode).toBe(4);
    // A refused export leaves the earlier file alone and no partial file behind.
    expect((await readFile(file)).length).toBe(summary.bytes);
  });
});

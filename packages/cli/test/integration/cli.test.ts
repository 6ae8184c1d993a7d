import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { useInstallations } from "./installation.js";
import { firstLine, runAttendant, spawnAttendant } from "./run-attendant.js";

describe("attendant command line", () => {
  test("--help lists every command and exits 0", async () => {
    const result = await runAttendant(["--help"]);
    expect(result.exitCode).toBe(0);
    for (const command of [
      "serve",
      "simulator",
      "migrate",
      "admin",
      "keys",
      "api-keys",
      "sessions",
      "reports",
    ]) {
      expect(result.stdout).toContain(command);
    }
  });

  test("an unknown command exits 2 and points to --help", async () => {
    const result = await runAttendant(["frobnicate"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
    expect(result.stderr).toContain("--help");
  });

  test("a bad port exits 2 and says what was expected", async () => {
    const result = await runAttendant(["simulator", "--port", "abc"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('expected a whole number, got "abc"');
  });

  test("an out-of-range port exits 2", async () => {
    const result = await runAttendant(["serve", "--port", "70000"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("between 0 and 65535");
  });
});

describe("attendant simulator", () => {
  test("--json prints where it listens and the demo credentials, and the API answers there", async () => {
    const child = spawnAttendant(["simulator", "--port", "0", "--reports", "5", "--seed", "42", "--json"]);
    try {
      const printed = JSON.parse(await firstLine(child)) as {
        url: string;
        seed: number;
        demo: { scriptToken: string; apiBaseUrl: string };
      };
      expect(printed.seed).toBe(42);
      expect(printed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const ping = await fetch(`${printed.demo.apiBaseUrl}/ping`, {
        headers: { authorization: `Bearer ${printed.demo.scriptToken}` },
      });
      expect(await ping.json()).toEqual({ token_valid: true });
    } finally {
      child.kill("SIGTERM");
    }
  });

  test("refuses to bind a non-loopback address without an admin token", async () => {
    const result = await runAttendant(["simulator", "--host", "0.0.0.0", "--port", "0"]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/admin/i);
  });
});

describe("attendant migrate", () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  test("applies the migrations to the embedded database and reports it as JSON", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "attendant-cli-"));
    folders.push(dataDir);
    const result = await runAttendant(["migrate", "--json"], {
      ATTENDANT_DATA_DIR: dataDir,
      DATABASE_URL: "",
    });
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ migrated: true, engine: "pglite" });
  });

  test("an invalid setting exits 3 and names the variable", async () => {
    const result = await runAttendant(["migrate"], { ATTENDANT_PORT: "not-a-port" });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain("ATTENDANT_PORT");
  });
});

describe("attendant keys rewrap", () => {
  const installation = useInstallations();

  test("re-encrypts under the primary key and reports what it did as JSON", async () => {
    const result = await runAttendant(["keys", "rewrap", "--json"], await installation());
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ rewrapped: 0, isComplete: true, primaryKeyId: "k1" });
  });

  test("a bad batch size exits 2", async () => {
    const result = await runAttendant(["keys", "rewrap", "--batch-size", "many"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('expected a whole number, got "many"');
  });
});

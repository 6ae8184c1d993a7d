import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/load-config.js";
import { generateKeyEntry } from "../support/keys.js";

const cwd = "/srv/attendant";

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig({ env, cwd });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("applies the documented defaults when nothing is set", () => {
    const config = loadConfig({ env: {}, cwd });
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 3000,
      publicUrl: "http://localhost:3000",
      dataDir: "/srv/attendant/data",
      databaseUrl: undefined,
      keyring: undefined,
      logLevel: "info",
      demoMode: "auto",
    });
  });

  it("derives the default public URL from the port and strips a trailing slash from a given one", () => {
    expect(loadConfig({ env: { ATTENDANT_PORT: "8080" }, cwd }).publicUrl).toBe("http://localhost:8080");
    expect(loadConfig({ env: { ATTENDANT_PUBLIC_URL: "https://support.example.com/" }, cwd }).publicUrl).toBe(
      "https://support.example.com",
    );
  });

  it.each([
    [{ ATTENDANT_PORT: "abc" }, 'ATTENDANT_PORT must be a port number between 1 and 65535, got "abc"'],
    [{ ATTENDANT_PORT: "70000" }, 'ATTENDANT_PORT must be a port number between 1 and 65535, got "70000"'],
    [
      { ATTENDANT_HOST: "http://0.0.0.0" },
      'ATTENDANT_HOST must be a host name or IP address to listen on, like 127.0.0.1 or 0.0.0.0, got "http://0.0.0.0"',
    ],
    [
      { ATTENDANT_PUBLIC_URL: "support.example.com" },
      'ATTENDANT_PUBLIC_URL must be the absolute http(s) address browsers use to reach Attendant, without query or fragment, like https://support.example.com, got "support.example.com"',
    ],
    [
      { ATTENDANT_LOG_LEVEL: "loud" },
      'ATTENDANT_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    ],
    [{ ATTENDANT_DEMO: "maybe" }, 'ATTENDANT_DEMO must be auto, true or false, got "maybe"'],
  ])("explains a bad value: %o", (env, message) => {
    expect(problemsOf(env)).toEqual([message]);
  });

  it("rejects a non-PostgreSQL DATABASE_URL without echoing it, since it may hold a password", () => {
    const problems = problemsOf({
      DATABASE_URL: "mysql://root:hunter2@db/attendant",
      ATTENDANT_KEYS: generateKeyEntry("k1"),
    });
    expect(problems).toEqual([
      "DATABASE_URL must be a PostgreSQL connection URL like postgres://user:password@db.example.com:5432/attendant (the value is not shown as it may hold a password); unset it to use the embedded database",
    ]);
    expect(problems.join("")).not.toContain("hunter2");
  });

  it("rejects ATTENDANT_TRUSTED_PROXIES entries that are not networks, naming the bad entry", () => {
    const [problem] = problemsOf({ ATTENDANT_TRUSTED_PROXIES: "10.0.0.0/8, proxy.example.com" });
    expect(problem).toContain("ATTENDANT_TRUSTED_PROXIES must be the comma-separated networks");
    expect(problem).toContain('"proxy.example.com"');
  });

  it("reports every bad variable at once", () => {
    const problems = problemsOf({ ATTENDANT_PORT: "abc", ATTENDANT_DEMO: "maybe" });
    expect(problems).toHaveLength(2);
  });

  it("requires keys when DATABASE_URL is set, because instances share the database", () => {
    expect(problemsOf({ DATABASE_URL: "postgres://db/attendant" })).toEqual([
      "ATTENDANT_KEYS must be set when DATABASE_URL is set, the same on every instance; list the keys as keyId:base64, generate one with `openssl rand -base64 32`",
    ]);
  });

  it("leaves the keyring unset for the embedded database, so the demo can generate one", () => {
    expect(loadConfig({ env: {}, cwd }).keyring).toBeUndefined();
  });

  describe("key rules", () => {
    it("accepts several keys and uses the named primary", () => {
      const config = loadConfig({
        env: {
          ATTENDANT_KEYS: `${generateKeyEntry("old")},${generateKeyEntry("new")}`,
          ATTENDANT_PRIMARY_KEY: "new",
        },
        cwd,
      });
      expect(config.keyring?.primaryKeyId).toBe("new");
      expect(config.keyring?.keyIds).toEqual(["old", "new"]);
    });

    it("takes a single key as the primary without ATTENDANT_PRIMARY_KEY", () => {
      expect(
        loadConfig({ env: { ATTENDANT_KEYS: generateKeyEntry("only") }, cwd }).keyring?.primaryKeyId,
      ).toBe("only");
    });

    it("rejects a short key", () => {
      expect(problemsOf({ ATTENDANT_KEYS: `short:${Buffer.alloc(16, 1).toString("base64")}` })).toEqual([
        'ATTENDANT_KEYS key "short" must be exactly 32 bytes of base64, got 16 bytes; generate one with `openssl rand -base64 32`',
      ]);
    });

    it("rejects a key that is not base64", () => {
      expect(problemsOf({ ATTENDANT_KEYS: "k1:not*base64" })).toEqual([
        'ATTENDANT_KEYS key "k1" must be exactly 32 bytes of base64, got not valid base64; generate one with `openssl rand -base64 32`',
      ]);
    });

    it("rejects a duplicate key id", () => {
      expect(problemsOf({ ATTENDANT_KEYS: `${generateKeyEntry("k1")},${generateKeyEntry("k1")}` })).toEqual([
        'ATTENDANT_KEYS lists key id "k1" more than once; give each key its own id',
      ]);
    });

    it("rejects the same key material under two ids", () => {
      const material = generateKeyEntry("a").slice(2);
      expect(
        problemsOf({ ATTENDANT_KEYS: `a:${material},b:${material}`, ATTENDANT_PRIMARY_KEY: "a" }),
      ).toEqual([
        'ATTENDANT_KEYS keys "a" and "b" have the same key material; every key id needs its own freshly generated key',
      ]);
    });

    it("rejects a primary that is not in the keyring", () => {
      expect(problemsOf({ ATTENDANT_KEYS: generateKeyEntry("k1"), ATTENDANT_PRIMARY_KEY: "k2" })).toEqual([
        'ATTENDANT_PRIMARY_KEY names key "k2", which is not in ATTENDANT_KEYS (known: k1); add that key or pick one of the known ids',
      ]);
    });

    it("requires a primary when there are several keys", () => {
      expect(problemsOf({ ATTENDANT_KEYS: `${generateKeyEntry("a")},${generateKeyEntry("b")}` })).toEqual([
        "ATTENDANT_PRIMARY_KEY must name the key that encrypts new secrets when ATTENDANT_KEYS has several keys (one of: a, b)",
      ]);
    });

    it("never puts key material in a message", () => {
      const entry = generateKeyEntry("k1");
      const problems = problemsOf({ ATTENDANT_KEYS: `${entry},${entry}` });
      expect(problems.join("\n")).not.toContain(entry.slice(3));
    });
  });

  describe("ATTENDANT_CONFIG_FILE", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "attendant-config-"));
    const writeFile = (name: string, content: string) => {
      const file = path.join(folder, name);
      writeFileSync(file, content);
      return file;
    };

    it("reads settings from the file, with the environment taking precedence", () => {
      const file = writeFile("ok.json", JSON.stringify({ ATTENDANT_PORT: 8080, ATTENDANT_HOST: "0.0.0.0" }));
      const config = loadConfig({ env: { ATTENDANT_CONFIG_FILE: file, ATTENDANT_HOST: "::1" }, cwd });
      expect(config.port).toBe(8080);
      expect(config.host).toBe("::1");
    });

    it("says which file holds a bad value", () => {
      const file = writeFile("bad.json", JSON.stringify({ ATTENDANT_PORT: "abc" }));
      expect(problemsOf({ ATTENDANT_CONFIG_FILE: file })).toEqual([
        `ATTENDANT_PORT must be a port number between 1 and 65535, got "abc" (set in ${file})`,
      ]);
    });

    it("rejects an unknown setting, which is usually a typo", () => {
      const file = writeFile("typo.json", JSON.stringify({ ATENDANT_PORT: 1 }));
      expect(problemsOf({ ATTENDANT_CONFIG_FILE: file })[0]).toMatch(
        /^ATTENDANT_CONFIG_FILE .*typo\.json has unknown setting "ATENDANT_PORT"; known settings: ATTENDANT_HOST, /,
      );
    });

    it("explains a missing or malformed file", () => {
      const missing = path.join(folder, "missing.json");
      expect(problemsOf({ ATTENDANT_CONFIG_FILE: missing })).toEqual([
        `ATTENDANT_CONFIG_FILE names ${missing}, which cannot be read (ENOENT); fix the file or unset the variable`,
      ]);
      const broken = writeFile("broken.json", "{");
      expect(problemsOf({ ATTENDANT_CONFIG_FILE: broken })).toEqual([
        `ATTENDANT_CONFIG_FILE names ${broken}, which is not valid JSON; fix the file or unset the variable`,
      ]);
    });
  });
});

describe("ATTENDANT_API_RATE_LIMIT_PER_MINUTE", () => {
  it("defaults to 600 requests per key and minute and accepts a whole number", () => {
    expect(loadConfig({ env: {}, cwd }).apiRateLimitPerMinute).toBe(600);
    expect(
      loadConfig({ env: { ATTENDANT_API_RATE_LIMIT_PER_MINUTE: "1200" }, cwd }).apiRateLimitPerMinute,
    ).toBe(1200);
  });

  it.each(["0", "-5", "ten", "1.5", "2000000"])("refuses %s with a sentence naming the variable", (value) => {
    expect(problemsOf({ ATTENDANT_API_RATE_LIMIT_PER_MINUTE: value })).toEqual([
      `ATTENDANT_API_RATE_LIMIT_PER_MINUTE must be how many requests one API key may send per minute, a whole number from 1 to 1000000, got "${value}"`,
    ]);
  });
});

describe("ATTENDANT_SESSION_WATCH_SECONDS", () => {
  it("defaults to checking open sessions every 5 seconds and accepts a whole number of seconds", () => {
    expect(loadConfig({ env: {}, cwd }).sessionWatchSeconds).toBe(5);
    expect(loadConfig({ env: { ATTENDANT_SESSION_WATCH_SECONDS: "8" }, cwd }).sessionWatchSeconds).toBe(8);
  });

  it.each(["0", "-5", "five", "2.5", "301", "1e2"])(
    "refuses %s with a sentence naming the variable",
    (value) => {
      expect(problemsOf({ ATTENDANT_SESSION_WATCH_SECONDS: value })).toEqual([
        `ATTENDANT_SESSION_WATCH_SECONDS must be how often, in seconds, each supporter's open sessions are checked at TeamViewer for a waiting customer, a whole number from 1 to 300 (default 5), got "${value}"`,
      ]);
    },
  );
});

import { parseKeyring } from "@attendant/service";
import { describe, expect, test, vi } from "vitest";
import { installationKey as key1, useInstallations } from "./installation.js";
import { runAttendant } from "./run-attendant.js";

// Every test spawns the real binary several times, each opening the embedded database.
vi.setConfig({ testTimeout: 240_000 });

const installation = useInstallations();

describe("attendant admin create", () => {
  test("creates an admin with a generated password printed once, and refuses the address a second time", async () => {
    const env = await installation();
    const created = await runAttendant(["admin", "create", "--email", "ops@example.com", "--json"], env);
    expect(created.stderr).toBe("");
    expect(created.exitCode).toBe(0);
    const result = JSON.parse(created.stdout) as { email: string; password: string; userId: string };
    expect(result.email).toBe("ops@example.com");
    expect(result.password).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const again = await runAttendant(
      ["admin", "create", "--email", "OPS@example.com", "--password-stdin"],
      env,
      "another long password\n",
    );
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(/There is already a user with the e-mail address ops@example\.com/i);
  });

  test("takes the password from standard input and says so without printing it", async () => {
    const env = await installation();
    const created = await runAttendant(
      ["admin", "create", "--email", "ada@example.com", "--name", "Ada", "--password-stdin"],
      env,
      "correct horse battery staple\n",
    );
    expect(created.exitCode).toBe(0);
    expect(created.stdout).toContain("Created the admin ada@example.com");
    expect(created.stdout).not.toContain("correct horse");
  });

  test("bad input exits 2 with what was wrong: short password, malformed address, missing --email", async () => {
    const env = await installation();
    const short = await runAttendant(
      ["admin", "create", "--email", "a@example.com", "--password-stdin"],
      env,
      "short",
    );
    expect(short.exitCode).toBe(2);
    expect(short.stderr).toContain("the password: The password must be at least 12 characters long.");
    const malformed = await runAttendant(["admin", "create", "--email", "not-an-address"], env);
    expect(malformed.exitCode).toBe(2);
    expect(malformed.stderr).toContain("--email: Enter an e-mail address like name@example.com.");
    const missing = await runAttendant(["admin", "create"], env);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("required option '--email <address>' not specified");
  });
});

describe("attendant api-keys", () => {
  test("create prints the key once; list shows it without the secret; revoke by prefix; revoke again fails", async () => {
    const env = await installation();
    expect((await runAttendant(["admin", "create", "--email", "ops@example.com"], env)).exitCode).toBe(0);

    const created = await runAttendant(
      ["api-keys", "create", "--name", "Helpdesk", "--scope", "sessions:read,sessions:write", "--json"],
      env,
    );
    expect(created.stderr).toBe("");
    expect(created.exitCode).toBe(0);
    const key = JSON.parse(created.stdout) as {
      token: string;
      prefix: string;
      scopes: string[];
      actingUserId: null;
    };
    expect(key.token).toMatch(new RegExp(`^atd_${key.prefix}_`));
    expect(key).toMatchObject({ scopes: ["sessions:read", "sessions:write"], actingUserId: null });

    const listed = await runAttendant(["api-keys", "list", "--json"], env);
    expect(listed.exitCode).toBe(0);
    expect(listed.stdout).not.toContain(key.token);
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { name: "Helpdesk", prefix: key.prefix, revokedAt: null },
    ]);

    const text = await runAttendant(["api-keys", "list"], env);
    expect(text.stdout).toContain(
      `atd_${key.prefix}_…  Helpdesk  [sessions:read, sessions:write]  for the whole organisation`,
    );

    const revoked = await runAttendant(["api-keys", "revoke", key.prefix], env);
    expect(revoked.exitCode).toBe(0);
    expect(revoked.stdout).toContain(`Revoked the API key "Helpdesk" (atd_${key.prefix}_…).`);
    const again = await runAttendant(["api-keys", "revoke", key.token], env);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain("already revoked");
  });

  test("create --org makes a key for the organisation an operator names by id or name, listed only there; an unknown organisation is refused (1)", async () => {
    const env = await installation();
    await runAttendant(["admin", "create", "--email", "ops@example.com"], env);
    await runAttendant(["orgs", "create", "Fabrikam", "--admin-email", "lee@fabrikam.example"], env);
    const [, fabrikam] = JSON.parse((await runAttendant(["orgs", "list", "--json"], env)).stdout) as {
      id: string;
    }[];
    const byName = await runAttendant(
      ["api-keys", "create", "--org", "fabrikam", "--name", "CRM", "--scope", "sessions:read", "--json"],
      env,
    );
    expect(byName.stderr).toBe("");
    expect(byName.exitCode).toBe(0);
    const byId = await runAttendant(
      ["api-keys", "create", "--org", fabrikam?.id ?? "", "--name", "Desk", "--scope", "sessions:read"],
      env,
    );
    expect(byId.exitCode).toBe(0);

    const listed = JSON.parse(
      (await runAttendant(["api-keys", "list", "--org", "Fabrikam", "--json"], env)).stdout,
    ) as { name: string }[];
    expect(listed.map((key) => key.name).sort()).toEqual(["CRM", "Desk"]);
    expect(JSON.parse((await runAttendant(["api-keys", "list", "--json"], env)).stdout)).toEqual([]);

    const unknown = await runAttendant(
      ["api-keys", "create", "--org", "Northwind", "--name", "x", "--scope", "sessions:read"],
      env,
    );
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain(
      'There is no organisation "Northwind"; `attendant orgs list` shows their ids and names.',
    );
  });

  test("refuses an unknown scope (2), a missing admin (1), an unknown key (1) and a user who cannot act (1)", async () => {
    const env = await installation();
    const scope = await runAttendant(["api-keys", "create", "--name", "x", "--scope", "everything"], env);
    expect(scope.exitCode).toBe(2);
    expect(scope.stderr).toContain('unknown scope "everything"; choose from sessions:read');

    const noAdmin = await runAttendant(["api-keys", "list"], env);
    expect(noAdmin.exitCode).toBe(1);
    expect(noAdmin.stderr).toContain("attendant admin create");

    await runAttendant(["admin", "create", "--email", "ops@example.com"], env);
    const unknownUser = await runAttendant(
      ["api-keys", "create", "--name", "x", "--scope", "sessions:read", "--for", "nobody@example.com"],
      env,
    );
    expect(unknownUser.exitCode).toBe(1);
    expect(unknownUser.stderr).toContain("--for must name an active admin or supporter");
    const unknownKey = await runAttendant(["api-keys", "revoke", "nonexistent"], env);
    expect(unknownKey.exitCode).toBe(1);
    expect(unknownKey.stderr).toContain('There is no API key "nonexistent"');
  });
});

describe("attendant keys rotate", () => {
  test("prints a keyring with a new primary key that the service accepts, and the next steps", async () => {
    const result = await runAttendant(["keys", "rotate", "--key-id", "k2", "--json"], {
      ATTENDANT_KEYS: `k1:${key1}`,
      ATTENDANT_PRIMARY_KEY: "",
    });
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const rotated = JSON.parse(result.stdout) as {
      ATTENDANT_KEYS: string;
      ATTENDANT_PRIMARY_KEY: string;
      nextSteps: string[];
    };
    expect(rotated.ATTENDANT_KEYS.startsWith(`k1:${key1},k2:`)).toBe(true);
    const keyring = parseKeyring({
      keys: rotated.ATTENDANT_KEYS,
      primaryKeyId: rotated.ATTENDANT_PRIMARY_KEY,
    });
    expect(keyring.primaryKeyId).toBe("k2");
    expect(keyring.get("k2")).toHaveLength(32);
    expect(rotated.nextSteps.join("\n")).toContain("attendant keys rewrap");

    const text = await runAttendant(["keys", "rotate"], {
      ATTENDANT_KEYS: `k1:${key1}`,
      ATTENDANT_PRIMARY_KEY: "",
    });
    expect(text.stdout).toMatch(/^ATTENDANT_KEYS=k1:.+,k\d{8}:.+\nATTENDANT_PRIMARY_KEY=k\d{8}\n/);
  });

  test("refuses an existing or malformed key id (2) and an installation without ATTENDANT_KEYS (3)", async () => {
    const taken = await runAttendant(["keys", "rotate", "--key-id", "k1"], { ATTENDANT_KEYS: `k1:${key1}` });
    expect(taken.exitCode).toBe(2);
    expect(taken.stderr).toContain('already has a key "k1"');
    const malformed = await runAttendant(["keys", "rotate", "--key-id", "new key!"], {
      ATTENDANT_KEYS: `k1:${key1}`,
    });
    expect(malformed.exitCode).toBe(2);
    const demo = await runAttendant(["keys", "rotate"], { ATTENDANT_KEYS: "", DATABASE_URL: "" });
    expect(demo.exitCode).toBe(3);
    expect(demo.stderr).toContain("ATTENDANT_KEYS is not set");
  });
});

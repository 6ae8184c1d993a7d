import { describe, expect, test, vi } from "vitest";
import { useInstallations } from "./installation.js";
import { runAttendant } from "./run-attendant.js";

// Every test spawns the real binary several times, each opening the embedded database.
vi.setConfig({ testTimeout: 300_000 });

const installation = useInstallations();

describe("attendant operator-keys", () => {
  test("create prints the operator key once; list shows it without the secret; revoke by the key; revoking again or an unknown key is refused (1)", async () => {
    const env = await installation();
    const created = await runAttendant(["operator-keys", "create", "--name", "Provisioning", "--json"], env);
    expect(created.stderr).toBe("");
    expect(created.exitCode).toBe(0);
    const key = JSON.parse(created.stdout) as { token: string; prefix: string; name: string };
    expect(key.token).toMatch(new RegExp(`^atdop_${key.prefix}_[A-Za-z0-9_-]{43}$`));
    expect(key.name).toBe("Provisioning");

    const listed = await runAttendant(["operator-keys", "list"], env);
    expect(listed.exitCode).toBe(0);
    expect(listed.stdout).not.toContain(key.token);
    expect(listed.stdout).toContain(`atdop_${key.prefix}_…  Provisioning  created `);

    const revoked = await runAttendant(["operator-keys", "revoke", key.token], env);
    expect(revoked.exitCode).toBe(0);
    expect(revoked.stdout).toBe(`Revoked the operator key "Provisioning" (atdop_${key.prefix}_…).\n`);
    const again = await runAttendant(["operator-keys", "revoke", key.prefix], env);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('The operator key "Provisioning" is already revoked.');
    const unknown = await runAttendant(["operator-keys", "revoke", "nonexistent"], env);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain(
      'There is no operator key "nonexistent"; `attendant operator-keys list` shows them.',
    );
  });

  test("refuses an empty or too long name (2), creating nothing", async () => {
    const env = await installation();
    const empty = await runAttendant(["operator-keys", "create", "--name", "  "], env);
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toContain("--name must be 1 to 100 characters.");
    const long = await runAttendant(["operator-keys", "create", "--name", "x".repeat(101)], env);
    expect(long.exitCode).toBe(2);
    expect((await runAttendant(["operator-keys", "list"], env)).stdout).toBe("There are no operator keys.\n");
  });
});

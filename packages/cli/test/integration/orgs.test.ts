import { describe, expect, test, vi } from "vitest";
import { useInstallations } from "./installation.js";
import { runAttendant } from "./run-attendant.js";

// Every test spawns the real binary several times, each opening the embedded database.
vi.setConfig({ testTimeout: 300_000 });

const newInstallation = useInstallations();
/** A fresh installation with a public address, so the printed sign-in links can be checked. */
const installation = () => newInstallation({ ATTENDANT_PUBLIC_URL: "https://support.example.com" });

interface ListedOrganisation {
  id: string;
  name: string;
  userCount: number;
  sessionCount: number;
}

describe("attendant orgs", () => {
  test("create makes an organisation with its first admin and prints their one-time sign-in link; list counts its users; rename changes its name", async () => {
    const env = await installation();
    const created = await runAttendant(
      ["orgs", "create", "Fabrikam Support", "--admin-email", "Lee@Fabrikam.example", "--admin-name", "Lee"],
      env,
    );
    expect(created.stderr).toBe("");
    expect(created.exitCode).toBe(0);
    expect(created.stdout).toMatch(
      /^Created the organisation "Fabrikam Support" \([0-9a-f-]{36}\) with the admin Lee@Fabrikam\.example\.\n.*works once, within 15 minutes.*\nhttps:\/\/support\.example\.com\/login\/link\?token=[\w-]{20,}\n$/,
    );

    const listed = await runAttendant(["orgs", "list", "--json"], env);
    expect(listed.exitCode).toBe(0);
    const organisations = JSON.parse(listed.stdout) as ListedOrganisation[];
    // The installation's first organisation, made as on first start, stays first.
    expect(organisations).toMatchObject([
      { name: "Attendant", userCount: 0, sessionCount: 0 },
      { name: "Fabrikam Support", userCount: 1, sessionCount: 0 },
    ]);
    const fabrikam = organisations[1] as ListedOrganisation;

    const renamed = await runAttendant(["orgs", "rename", fabrikam.id, "  Fabrikam Remote Help "], env);
    expect(renamed.exitCode).toBe(0);
    expect(renamed.stdout).toBe(
      `Renamed the organisation ${fabrikam.id} from "Fabrikam Support" to "Fabrikam Remote Help".\n`,
    );
    const text = await runAttendant(["orgs", "list"], env);
    expect(text.stdout).toContain(`${fabrikam.id}  Fabrikam Remote Help  1 user, 0 sessions  created `);
  });

  test("admin create --org adds an admin with a password to that organisation (for when the first admin's link expired), and refuses an unknown one (1)", async () => {
    const env = await installation();
    await runAttendant(["orgs", "create", "Fabrikam", "--admin-email", "lee@fabrikam.example"], env);
    const [, fabrikam] = JSON.parse((await runAttendant(["orgs", "list", "--json"], env)).stdout) as [
      ListedOrganisation,
      ListedOrganisation,
    ];
    const added = await runAttendant(
      ["admin", "create", "--org", fabrikam.id, "--email", "kim@fabrikam.example", "--json"],
      env,
    );
    expect(added.stderr).toBe("");
    expect(JSON.parse(added.stdout)).toMatchObject({
      email: "kim@fabrikam.example",
      organisationId: fabrikam.id,
    });
    const unknown = await runAttendant(
      ["admin", "create", "--org", "00000000-0000-4000-8000-000000000000", "--email", "x@example.com"],
      env,
    );
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain(
      'There is no organisation "00000000-0000-4000-8000-000000000000"; `attendant orgs list` shows the ids.',
    );
    expect(JSON.parse((await runAttendant(["orgs", "list", "--json"], env)).stdout)).toMatchObject([
      { name: "Attendant", userCount: 0 },
      { name: "Fabrikam", userCount: 2 },
    ]);
  });

  test("refuses an empty, too long or multi-line name and a missing admin address (2), saying what to change", async () => {
    const env = await installation();
    const empty = await runAttendant(["orgs", "create", "  ", "--admin-email", "a@example.com"], env);
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toContain("the organisation's name must not be empty.");
    const long = await runAttendant(
      ["orgs", "create", "x".repeat(101), "--admin-email", "a@example.com"],
      env,
    );
    expect(long.exitCode).toBe(2);
    expect(long.stderr).toContain("is 101 characters long; shorten it to 100 at most.");
    const lines = await runAttendant(["orgs", "create", "Two\nLines", "--admin-email", "a@example.com"], env);
    expect(lines.exitCode).toBe(2);
    expect(lines.stderr).toContain("must not contain control characters or line breaks");
    const malformed = await runAttendant(
      ["orgs", "create", "Fabrikam", "--admin-email", "not-an-address"],
      env,
    );
    expect(malformed.exitCode).toBe(2);
    expect(malformed.stderr).toContain("--admin-email: Enter an e-mail address like name@example.com.");
    const missing = await runAttendant(["orgs", "create", "Fabrikam"], env);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("required option '--admin-email <address>' not specified");
    expect(JSON.parse((await runAttendant(["orgs", "list", "--json"], env)).stdout)).toHaveLength(1);
  });

  test("refuses a name taken in any case, an admin address used in another organisation, and renaming an unknown id (1), creating nothing", async () => {
    const env = await installation();
    await runAttendant(["admin", "create", "--email", "ops@example.com"], env);
    const taken = await runAttendant(["orgs", "create", "ATTENDANT", "--admin-email", "a@example.com"], env);
    expect(taken.exitCode).toBe(1);
    expect(taken.stderr).toMatch(/There is already an organisation named "Attendant" \([0-9a-f-]{36}\)/);
    const reused = await runAttendant(
      ["orgs", "create", "Fabrikam", "--admin-email", "OPS@example.com"],
      env,
    );
    expect(reused.exitCode).toBe(1);
    expect(reused.stderr).toContain(
      "There is already a user with the e-mail address OPS@example.com; e-mail addresses are unique in the installation",
    );
    const unknown = await runAttendant(["orgs", "rename", "no-such-org", "Fabrikam"], env);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain(
      'There is no organisation "no-such-org"; `attendant orgs list` shows the ids.',
    );
    const organisations = JSON.parse((await runAttendant(["orgs", "list", "--json"], env)).stdout);
    expect(organisations).toMatchObject([{ name: "Attendant", userCount: 1 }]);

    await runAttendant(["orgs", "create", "Fabrikam", "--admin-email", "lee@fabrikam.example"], env);
    const leeAgain = await runAttendant(["admin", "create", "--email", "lee@fabrikam.example"], env);
    expect(leeAgain.exitCode).toBe(1);
    expect(leeAgain.stderr).toContain("There is already a user with the e-mail address lee@fabrikam.example");
    const [first] = organisations as ListedOrganisation[];
    const clash = await runAttendant(["orgs", "rename", first?.id ?? "", "fabrikam"], env);
    expect(clash.exitCode).toBe(1);
    expect(clash.stderr).toContain('There is already an organisation named "Fabrikam"');
  });

  test("disable keeps the organisation and says how to undo it, disabling twice says so, enable brings it back", async () => {
    const env = await installation();
    await runAttendant(["orgs", "create", "Fabrikam", "--admin-email", "lee@fabrikam.example"], env);
    const [, fabrikam] = JSON.parse((await runAttendant(["orgs", "list", "--json"], env)).stdout) as [
      ListedOrganisation,
      ListedOrganisation,
    ];
    const disabled = await runAttendant(["orgs", "disable", fabrikam.id], env);
    expect(disabled.exitCode).toBe(0);
    expect(disabled.stderr).toBe("");
    expect(disabled.stdout).toBe(
      `Disabled the organisation "Fabrikam" (${fabrikam.id}); its data is kept, and \`attendant orgs enable ${fabrikam.id}\` undoes this.\n`,
    );
    const twice = await runAttendant(["orgs", "disable", fabrikam.id], env);
    expect(twice.exitCode).toBe(0);
    expect(twice.stdout).toBe(
      `The organisation "Fabrikam" (${fabrikam.id}) is already disabled; nothing changed.\n`,
    );
    const listed = JSON.parse((await runAttendant(["orgs", "list", "--json"], env)).stdout);
    expect(listed).toMatchObject([
      { name: "Attendant", disabledAt: null },
      { name: "Fabrikam", userCount: 1, disabledAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    ]);
    expect((await runAttendant(["orgs", "list"], env)).stdout).toMatch(
      new RegExp(`${fabrikam.id}  Fabrikam  1 user, 0 sessions  created \\S+  disabled \\S+\n`),
    );

    const enabled = await runAttendant(["orgs", "enable", fabrikam.id, "--json"], env);
    expect(JSON.parse(enabled.stdout)).toEqual({
      id: fabrikam.id,
      name: "Fabrikam",
      disabledAt: null,
      changed: true,
    });
    const again = await runAttendant(["orgs", "enable", fabrikam.id], env);
    expect(again.stdout).toBe(
      `The organisation "Fabrikam" (${fabrikam.id}) is already enabled; nothing changed.\n`,
    );
  });

  test("disabling the last enabled organisation is done but warned about; an unknown id is refused (1)", async () => {
    const env = await installation();
    const [only] = JSON.parse((await runAttendant(["orgs", "list", "--json"], env)).stdout) as [
      ListedOrganisation,
    ];
    const disabled = await runAttendant(["orgs", "disable", only.id], env);
    expect(disabled.exitCode).toBe(0);
    expect(disabled.stderr).toBe(
      `attendant: warning: no organisation in this installation is enabled now; \`attendant orgs enable ${only.id}\` undoes this.\n`,
    );
    expect(disabled.stdout).toContain(`Disabled the organisation "Attendant" (${only.id})`);
    for (const command of ["disable", "enable"]) {
      const unknown = await runAttendant(["orgs", command, "00000000-0000-4000-8000-000000000000"], env);
      expect(unknown.exitCode).toBe(1);
      expect(unknown.stderr).toContain(
        'There is no organisation "00000000-0000-4000-8000-000000000000"; `attendant orgs list` shows the ids.',
      );
    }
  });
});

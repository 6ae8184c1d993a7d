/**
 * `attendant orgs disable|enable` as use cases on an embedded data folder: each change is audited
 * in the organisation's own log, a repeat changes and audits nothing, and the data stays.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { listAuditEvents } from "../../src/audit/audit-events.js";
import { loadConfig } from "../../src/config/load-config.js";
import { openDatabase } from "../../src/db/open-database.js";
import { listUsers } from "../../src/db/repositories/users.js";
import {
  createOrganisationByCommand,
  disableOrganisationByCommand,
  enableOrganisationByCommand,
} from "../../src/operations/organisation-commands.js";
import { generateKeyEntry } from "../support/keys.js";

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

it("audits disabling and enabling in the organisation's own log as the operator, once each, and keeps its users", {
  timeout: 180_000,
}, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "attendant-orgs-"));
  folders.push(dataDir);
  const config = loadConfig({
    env: { ATTENDANT_DATA_DIR: dataDir, DATABASE_URL: "", ATTENDANT_KEYS: generateKeyEntry("k1") },
  });
  const { organisation } = await createOrganisationByCommand(config, {
    name: "Fabrikam",
    adminEmail: "lee@fabrikam.example",
  });
  const first = await disableOrganisationByCommand(config, { id: organisation.id });
  expect(first).toMatchObject({ changed: true, otherEnabledCount: 1 });
  expect(first.organisation.disabledAt).toBeInstanceOf(Date);
  expect(await disableOrganisationByCommand(config, { id: organisation.id })).toMatchObject({
    changed: false,
  });
  expect(await enableOrganisationByCommand(config, { id: organisation.id })).toMatchObject({
    changed: true,
    organisation: { disabledAt: null },
  });

  const database = await openDatabase(config);
  try {
    const { events } = await listAuditEvents(database.db, { organisationId: organisation.id });
    expect(
      events
        .filter((event) => event.action.startsWith("organisation."))
        .map((event) => [event.action, event.actor.label]),
    ).toEqual([
      ["organisation.enabled", "operator (cli)"],
      ["organisation.disabled", "operator (cli)"],
      ["organisation.created", "operator (cli)"],
    ]);
    expect((await listUsers(database.db, organisation.id)).map((user) => user.email)).toEqual([
      "lee@fabrikam.example",
    ]);
  } finally {
    await database.close();
  }
});

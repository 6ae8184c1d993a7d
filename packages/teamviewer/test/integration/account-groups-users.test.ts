import { describe, expect, it } from "vitest";
import { BadRequestError } from "../../src/index.js";
import { startSimulatedTeamViewer } from "./simulated-teamviewer.js";

describe("ping, account, groups and users against the simulator", () => {
  it("pings a valid script token as token_valid true", async () => {
    const { client } = startSimulatedTeamViewer();

    expect(await client.ping()).toEqual({ token_valid: true });
  });

  it("reads the token owner's account with its licence", async () => {
    const { client } = startSimulatedTeamViewer();

    const account = await client.account.retrieve();

    expect(account).toMatchObject({
      userid: "u7005",
      name: "Kenji Sato",
      email: "kenji@example.com",
      company_name: "Contoso Helpdesk",
      email_validated: expect.any(Boolean),
      email_language: expect.any(String),
      license: { type: expect.any(String), isactive: true },
    });
  });

  it("lists groups with owner and sharing, filtered by part of the name", async () => {
    const { client } = startSimulatedTeamViewer();

    const all = await client.groups.list();
    const filtered = await client.groups.list({ name: "desk" });

    expect(all.items.map((group) => group.id).sort()).toEqual(["g40211", "g40212"]);
    expect(filtered.items).toEqual([
      expect.objectContaining({
        id: "g40211",
        name: "Helpdesk",
        owner: expect.objectContaining({ userid: "u7005" }),
        shared_with: [expect.objectContaining({ userid: "u7006" })],
      }),
    ]);
  });

  it("creates a group that then lists, and refuses a duplicate name as BadRequestError", async () => {
    const { client } = startSimulatedTeamViewer();

    const group = await client.groups.create({ name: "Escalations" });

    expect(group).toMatchObject({ id: expect.stringMatching(/^g\d+$/), name: "Escalations" });
    expect((await client.groups.list({ name: "Escalations" })).items.map((item) => item.id)).toEqual([
      group.id,
    ]);
    await expect(client.groups.create({ name: "Escalations" })).rejects.toBeInstanceOf(BadRequestError);
  });

  it("lists the company's users, briefly or with full_list, and by e-mail", async () => {
    const { client } = startSimulatedTeamViewer();

    const brief = await client.users.list();
    const full = await client.users.list({ full_list: true });
    const byEmail = await client.users.list({ email: "ana@example.com" });

    expect(brief.items).toEqual([
      { id: "u7005", name: "Kenji Sato", email: "kenji@example.com" },
      { id: "u7006", name: "Ana Lima", email: "ana@example.com" },
    ]);
    expect(full.items[0]).toMatchObject({ id: "u7005", active: true, permissions: expect.anything() });
    expect(byEmail.items.map((user) => user.id)).toEqual(["u7006"]);
  });
});

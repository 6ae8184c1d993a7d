import { describe, expect, it } from "vitest";
import { redactSecrets, TeamViewerAPIError } from "../src/index.js";
import { FakeTeamViewer, json } from "./support/fake-teamviewer.js";
import { createTestClient, sessionFixture } from "./support/test-client.js";

const SERVICE_QUEUE_TOKEN = "Qw3rTy7uIo9P";

describe("redactSecrets", () => {
  it.each([
    ["a token-shaped value", "token 12345678-AbCdEfGhIjKlMnOpQrSt expired", "token [redacted] expired"],
    ["a bearer header", "Authorization: Bearer abc.def.ghi", "Authorization: Bearer [redacted]"],
    [
      "a supporter link",
      "https://get.teamviewer.com/v15/s271604113-Qw3rTy7uIo9P",
      "https://get.teamviewer.com/v15/s271604113-[redacted]",
    ],
    [
      "a WebClient supporter link",
      "IndexByol?sessioncode=s271604113&servicequeuetoken=Qw3rTy7uIo9P&lang=en",
      "IndexByol?sessioncode=s271604113&servicequeuetoken=[redacted]&lang=en",
    ],
    [
      "form fields",
      "client_secret=abc&refresh_token=def",
      "client_secret=[redacted]&refresh_token=[redacted]",
    ],
    ["JSON fields", '{"access_token":"abc"}', '{"access_token":"[redacted]"}'],
    ["a callback code", "/callback?code=xyz&state=s", "/callback?code=[redacted]&state=s"],
  ])("masks %s", (_case, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it("leaves session codes and end-customer links readable", () => {
    const text =
      '{"code":"s271-604-113","session_code":"s271-604-113","link":"https://get.teamviewer.com/v15/s271604113"}';

    expect(redactSecrets(text)).toBe(text);
  });

  it("masks known secrets of any shape, but not strings too short to be secrets", () => {
    expect(redactSecrets("secret=hunter2-long-enough and id", ["hunter2-long-enough", "id"])).toBe(
      "secret=[redacted] and id",
    );
  });
});

describe("supporter links in errors", () => {
  it("never shows a service-queue token that an error body repeats", async () => {
    const fake = new FakeTeamViewer().on("POST", "/sessions", () =>
      json({ error: "conflict", error_description: JSON.stringify(sessionFixture()) }, 409),
    );
    const { client, logLines } = createTestClient(fake);

    const error = await client.sessions.create({ groupname: "Helpdesk" }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TeamViewerAPIError);
    expect(JSON.stringify({ error, text: String(error), logLines })).not.toContain(SERVICE_QUEUE_TOKEN);
  });
});

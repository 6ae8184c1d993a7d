import { describe, expect, it } from "vitest";
import { NotFoundError, UnexpectedResponseError } from "../src/index.js";
import { FakeTeamViewer, json } from "./support/fake-teamviewer.js";
import { createTestClient } from "./support/test-client.js";

describe("reading what a connection leaves behind", () => {
  it("keeps unknown fields and leaves out screenshots without an id, which no image could be asked for", async () => {
    const fake = new FakeTeamViewer().on("GET", "/reports/connections/r1/screenshots", () =>
      json([{ screenshotId: "s1", fileName: "a.png", blurred: true }, { fileName: "orphan.png" }, null]),
    );
    const { client } = createTestClient(fake);

    expect(await client.reports.connectionExtras.screenshots("r1")).toEqual([
      { screenshotId: "s1", fileName: "a.png", blurred: true },
    ]);
  });

  it("fails clearly when a transcript is not a list, and reads a plain-text 404 as NotFoundError", async () => {
    const fake = new FakeTeamViewer()
      .on("GET", "/reports/connections/r1/chat-transcript", () => json({ messages: [] }))
      .on("GET", "/reports/connections/r2/chat-transcript", () => new Response("Not Found", { status: 404 }));
    const { client } = createTestClient(fake);

    await expect(client.reports.connectionExtras.chatTranscript("r1")).rejects.toThrow(
      UnexpectedResponseError,
    );
    await expect(client.reports.connectionExtras.chatTranscript("r2")).rejects.toThrow(NotFoundError);
  });
});

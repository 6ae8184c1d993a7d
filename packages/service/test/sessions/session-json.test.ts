import { describe, expect, it } from "vitest";
import { sessionSchema } from "../../src/api/session-schemas.js";
import { toSessionJson } from "../../src/sessions/session-json.js";
import type { SupportSession } from "../../src/sessions/support-session-view.js";

const session: SupportSession = {
  id: "0b8f3c1e-5d2a-4c6b-9e7f-1a2b3c4d5e6f",
  ticket: { externalId: "T-4711", title: "Printer offline", url: null, status: "open" },
  code: "s271-604-113",
  endCustomerLink: "https://get.teamviewer.com/s271604113",
  state: "open",
  status: "customer-online",
  isExpired: false,
  isOnline: true,
  customerWaitingSince: new Date("2026-12-07T09:59:00.000Z"),
  validUntil: new Date("2026-12-08T10:00:00.000Z"),
  description: "Printer",
  waitingMessage: null,
  group: { id: null, name: null },
  createdByUserId: "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
  assignedUserId: "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
  correlationId: "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918",
  createdAt: new Date("2026-12-07T10:00:00.000Z"),
  closedAt: null,
  lastRefreshedAt: new Date("2026-12-07T10:05:00.000Z"),
  version: 3,
};

const documentedFields = Object.keys(sessionSchema.shape);

describe("a session as JSON", () => {
  it("carries every field the API documents for a session and nothing else, links only when given", () => {
    const plain = toSessionJson(session);
    expect(Object.keys(plain).sort()).toEqual(documentedFields.filter((f) => f !== "supporterLinks").sort());
    const supporterLinks = { supporterLink: "https://tv.example/s", webClientSupporterLink: null };
    const withLinks = toSessionJson(session, { supporterLinks, joinUrl: "https://attendant.example/join/x" });
    expect(Object.keys(withLinks).sort()).toEqual([...documentedFields].sort());
    expect(sessionSchema.strict().parse(withLinks)).toEqual(withLinks);
  });

  it("writes dates as ISO 8601 and leaves out the live desk's wait time", () => {
    expect(toSessionJson(session)).toMatchObject({
      validUntil: "2026-12-08T10:00:00.000Z",
      createdAt: "2026-12-07T10:00:00.000Z",
      closedAt: null,
      lastRefreshedAt: "2026-12-07T10:05:00.000Z",
      joinUrl: null,
    });
    expect(toSessionJson(session)).not.toHaveProperty("customerWaitingSince");
  });
});

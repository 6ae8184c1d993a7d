import {
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  InternalServerError,
  LicenseLimitError,
  PermissionDeniedError,
  RateLimitError,
  type TeamViewerAPIErrorDetails,
  TimeoutError,
} from "@attendant/teamviewer";
import { describe, expect, it } from "vitest";
import {
  canChangeSession,
  canSeeSupporterLinks,
  canViewSession,
  type SessionActor,
} from "../../src/sessions/session-actor.js";
import { isAmbiguousCreateFailure, toSupportSessionError } from "../../src/sessions/teamviewer-failures.js";
import {
  TeamViewerNotConfiguredError,
  TeamViewerReconnectRequiredError,
} from "../../src/teamviewer/teamviewer-errors.js";

const details = (status: number, error: string | null = null): TeamViewerAPIErrorDetails => ({
  status,
  error,
  errorDescription: "Parameter groupid is malformed.",
  errorCode: null,
  errorSignature: null,
  rawBody: "",
  requestId: null,
  method: "POST",
  path: "/sessions",
});

describe("TeamViewer failures of session use cases", () => {
  it("maps each failure to the reason that says what to do", () => {
    const cases: [unknown, string][] = [
      [new LicenseLimitError("limit", details(400)), "licence-limit"],
      [new PermissionDeniedError("no", details(403, "invalid_permission")), "permission-missing"],
      [new RateLimitError("slow", details(429), 7000), "rate-limited"],
      [new AuthenticationError("dead", details(401)), "needs-reconnect"],
      [new TeamViewerReconnectRequiredError("u"), "needs-reconnect"],
      [new TeamViewerNotConfiguredError("o"), "not-configured"],
      [new BadRequestError("bad", details(400)), "rejected"],
      [new TimeoutError("late"), "unreachable"],
    ];
    for (const [error, reason] of cases) expect(toSupportSessionError(error).reason).toBe(reason);
    expect(toSupportSessionError(new RateLimitError("slow", details(429), 6500)).retryAfterSeconds).toBe(7);
    expect(toSupportSessionError(new RateLimitError("slow", details(429), null)).retryAfterSeconds).toBe(30);
    expect(() => toSupportSessionError(new TypeError("a bug"))).toThrow("a bug");
  });

  it("treats only failures after sending without a refusal as ambiguous", () => {
    expect(isAmbiguousCreateFailure(new TimeoutError("late"))).toBe(true);
    expect(isAmbiguousCreateFailure(new ConnectionError("reset"))).toBe(true);
    expect(isAmbiguousCreateFailure(new InternalServerError("500", details(500)))).toBe(true);
    expect(isAmbiguousCreateFailure(new LicenseLimitError("limit", details(400)))).toBe(false);
    expect(isAmbiguousCreateFailure(new RateLimitError("slow", details(429), null))).toBe(false);
    expect(isAmbiguousCreateFailure(new TeamViewerReconnectRequiredError("u"))).toBe(false);
  });
});

describe("who may do what with a session", () => {
  const actor = (role: SessionActor["role"], userId: string | null = "me"): SessionActor => ({
    organisationId: "org",
    userId,
    role,
    label: "x",
    ip: null,
    userAgent: null,
  });
  const mine = { organisationId: "org", assignedUserId: "me" };
  const theirs = { organisationId: "org", assignedUserId: "them" };

  it("lets supporters act on their own, admins on all, auditors only read, and nobody cross organisations", () => {
    expect([canViewSession(actor("supporter"), mine), canViewSession(actor("supporter"), theirs)]).toEqual([
      true,
      false,
    ]);
    expect([canChangeSession(actor("admin"), theirs), canSeeSupporterLinks(actor("admin"), theirs)]).toEqual([
      true,
      true,
    ]);
    expect([canViewSession(actor("auditor"), theirs), canChangeSession(actor("auditor"), theirs)]).toEqual([
      true,
      false,
    ]);
    expect(canSeeSupporterLinks(actor("auditor"), theirs)).toBe(false);
    expect(canViewSession(actor("admin"), { ...mine, organisationId: "other" })).toBe(false);
  });
});

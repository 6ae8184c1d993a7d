import type { SimulatorClock } from "./clock.js";
import type { ReportDateFilter } from "./reports/report-query.js";
import type { SimulatorSnapshot } from "./state/simulator-snapshot.js";

/**
 * Where docs/teamviewer-api.md marks a point as a guess, the simulator implements the reading it
 * names and offers the others here (that page, "How to read this page").
 */
export interface SimulatorQuirks {
  /** Licence-limit 400 body: a JSON string (default) or `text/plain` (docs/teamviewer-api.md §3 [guess]). */
  licenseLimitBody: "json-string" | "text";
  /** Rate limit status: 429 (default) or the very old 403 (docs/teamviewer-api.md §6 [guess]). */
  rateLimitStatus: 429 | 403;
  /**
   * Which dates `from_date`/`to_date` bound: the schema's reading, `from_date` on the start and
   * `to_date` on the end (default), or both on `end_date`, or both on `start_date`
   * (docs/teamviewer-api.md §4 [likely]).
   */
  reportDateFilter: ReportDateFilter;
  /**
   * `POST /sessions`: 200 with the session (default), 201 with an empty body and `Location`, or a
   * 303 redirect whose `Location` names the session (docs/teamviewer-api.md §3 [guess]).
   */
  sessionCreateAnswer: "body" | "location" | "redirect";
  /**
   * `state` and `support_session_type` in the create answer: strings as in list payloads
   * (default) or the schema's integers (docs/teamviewer-api.md §3 [guess]).
   */
  sessionCreateEnums: "strings" | "integers";
  /**
   * Session answers without `groupname`, as the schema's (default), or with it, as older texts
   * and captured payloads show it (docs/teamviewer-api.md §3 [likely]).
   */
  sessionGroupname: boolean;
  /** `DELETE /reports/connections/{id}`: 204 (default) or the old manual's 200 (docs/teamviewer-api.md §4). */
  reportDeleteStatus: 204 | 200;
  /** Revoke also kills the paired refresh token (default) or only the access token (docs/teamviewer-api.md §1 [guess]). */
  isRefreshTokenRevokedWithAccessToken: boolean;
  /** Optional response fields left out (default) or sent as null (docs/teamviewer-api.md, "Conventions on the wire": "absent vs null"). */
  absentFields: "missing" | "null";
}

export const DEFAULT_QUIRKS: SimulatorQuirks = {
  licenseLimitBody: "json-string",
  rateLimitStatus: 429,
  reportDateFilter: "from_start_to_end",
  sessionCreateAnswer: "body",
  sessionCreateEnums: "strings",
  sessionGroupname: false,
  reportDeleteStatus: 204,
  isRefreshTokenRevokedWithAccessToken: true,
  absentFields: "missing",
};

/** Auto-approve the consent page as this account (the first seeded account when `true`). */
export type AutoApprove = boolean | { email: string } | { userid: string };

export interface SimulatorOptions {
  /** A clock object (shared with the code under test), or the start of a fresh fake clock. */
  clock?: SimulatorClock | Date | number | string;
  /** Drives every invented id, token, code and seeded record. Default 1. */
  seed?: number;
  /**
   * Strict OAuth: exact redirect URI, single-use codes living 10 min, PKCE S256 required,
   * reuse of a rotated refresh token revokes the grant (docs/teamviewer-api.md §1).
   */
  strict?: boolean;
  /** The origin session links, the consent form and the demo redirect URI use. */
  publicOrigin?: string;
  autoApprove?: AutoApprove;
  /** When set, `/__sim/` requires `Authorization: Bearer <adminToken>`. */
  adminToken?: string;
  /** Seed the demo company, accounts, groups, app and script token. Default true. */
  demoData?: boolean;
  /** The demo app's redirect URI. Default `<publicOrigin>/demo/callback`. */
  demoRedirectUri?: string;
  /** Historical connection reports to seed into the demo company. Default 0. */
  historicalReports?: number;
  /** Page sizes; the API's are 1000 (docs/teamviewer-api.md §3 and §4). Smaller ones make paging cheap to test. */
  pageSize?: { sessions?: number; reports?: number };
  quirks?: Partial<SimulatorQuirks>;
  /** Journal entries kept (oldest dropped first). Default 10 000. */
  journalLimit?: number;
  /**
   * Start from this saved state (`simulator.snapshot()`) instead of seeding: its seed replaces
   * `seed`, and the demo app takes `demoRedirectUri` when given. `reset` still starts fresh.
   */
  snapshot?: SimulatorSnapshot;
  /** Called after every request has been answered, e.g. to save `simulator.snapshot()`. */
  afterRequest?: () => void;
}

/** The options that can change while the simulator runs (`/__sim/settings`). */
export interface SimulatorSettings {
  isStrict: boolean;
  autoApprove: AutoApprove;
  quirks: SimulatorQuirks;
  publicOrigin: string;
  sessionPageSize: number;
  reportPageSize: number;
}

export const API_PAGE_SIZE = 1000;
export const DEFAULT_PUBLIC_ORIGIN = "http://localhost:4010";

export function createSettings(options: SimulatorOptions): SimulatorSettings {
  return {
    isStrict: options.strict ?? false,
    autoApprove: options.autoApprove ?? false,
    quirks: { ...DEFAULT_QUIRKS, ...options.quirks },
    publicOrigin: (options.publicOrigin ?? DEFAULT_PUBLIC_ORIGIN).replace(/\/+$/, ""),
    sessionPageSize: clampPageSize(options.pageSize?.sessions),
    reportPageSize: clampPageSize(options.pageSize?.reports),
  };
}

function clampPageSize(size: number | undefined): number {
  return Math.min(API_PAGE_SIZE, Math.max(1, Math.floor(size ?? API_PAGE_SIZE)));
}

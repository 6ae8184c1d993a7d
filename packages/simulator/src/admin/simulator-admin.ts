import {
  type CustomerJoinOptions,
  connectSupporter,
  type EndConnectionOptions,
  endConnection,
  joinAsCustomer,
  leaveAsCustomer,
  sendChatMessage,
  submitFeedback,
  takeScreenshot,
} from "../apps/session-runtime.js";
import { isControllableClock } from "../clock.js";
import type { FaultPlan, FaultPlanner, PlannedFault } from "../http/fault-planner.js";
import type { RateLimiter, RateLimitRule } from "../http/rate-limiter.js";
import type { JournalEntry, RequestJournal } from "../http/request-journal.js";
import type { AutoApprove, SimulatorQuirks } from "../options.js";
import type { ConnectionReport, ReportFeedback } from "../reports/connection-report.js";
import type { ReportCounts } from "../reports/report-store.js";
import { createSessionLinks } from "../routes/session-presenter.js";
import type { AppInput, IssuedTokens, ScriptTokenInput } from "../state/oauth-registry.js";
import type { SupportSession } from "../state/session-store.js";
import type { SimulatorState } from "../state/simulator-state.js";
import type { AccountInput, CustomModuleInput, GroupInput } from "../state/world.js";
import { formatWireDate } from "../wire/dates.js";
import { type ReportSeedInput, seedHistoricalReports } from "./seed-reports.js";

/** An admin request that cannot be done as asked (HTTP status for `/__sim/`). */
export class AdminError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(message);
    this.name = "AdminError";
  }
}

export interface AccountView {
  userid: string;
  name: string;
  email: string;
  company: string;
}

export interface CustomModuleView {
  id: string;
  displayName: string;
  logoUrl: string | undefined;
}

export interface GroupView {
  id: string;
  name: string;
  ownerUserid: string;
}

export interface AppCredentials {
  name: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  permissions: string[];
}

export interface ScriptTokenView {
  token: string;
  ownerUserid: string;
  scope: "company" | "user";
  permissions: string[];
}

export interface SeedInput {
  accounts?: AccountInput[];
  groups?: GroupInput[];
  apps?: AppInput[];
  scriptTokens?: ScriptTokenInput[];
  reports?: ReportSeedInput;
}

export interface SeedResult {
  accounts: AccountView[];
  groups: GroupView[];
  apps: AppCredentials[];
  scriptTokens: ScriptTokenView[];
  reports: ReportCounts;
}

export interface SettingsChange {
  strict?: boolean;
  autoApprove?: AutoApprove;
  quirks?: Partial<SimulatorQuirks>;
}

/** The simulated apps' view of a session, for tests that drive them without HTML. */
export interface SessionPresence {
  code: string;
  state: SupportSession["state"];
  isCustomerWaiting: boolean;
  isSupporterConnected: boolean;
  lastReportId: string | null;
  links: ReturnType<typeof createSessionLinks>;
}

/** Everything `/__sim/` offers, callable in-process (docs/teamviewer-api.md §7). */
export interface SimulatorAdmin {
  seed(input: SeedInput): SeedResult;
  createAccount(input: AccountInput): AccountView;
  createGroup(input: GroupInput): GroupView;
  createApp(input: AppInput): AppCredentials;
  createScriptToken(input: ScriptTokenInput): ScriptTokenView;
  /** The Management Console's "Design & Deploy": a customised QuickSupport module, created or redesigned. */
  saveCustomModule(input: CustomModuleInput): CustomModuleView;
  /** Skips the OAuth dance: a token pair for (app, account), as if the user had consented. */
  issueUserToken(input: { clientId: string; userid: string }): IssuedTokens;
  seedReports(input: ReportSeedInput): ReportCounts;
  reportCounts(): ReportCounts;
  now(): string;
  setClock(at: string | number | Date): string;
  advanceClock(milliseconds: number): string;
  planFault(plan: FaultPlan): PlannedFault;
  listFaults(): PlannedFault[];
  clearFaults(): void;
  setRateLimit(rule: RateLimitRule): void;
  listRateLimits(): RateLimitRule[];
  clearRateLimits(): void;
  journal(): JournalEntry[];
  clearJournal(): void;
  configure(change: SettingsChange): void;
  reset(): void;
  session(code: string): SessionPresence;
  customerJoin(code: string, options?: CustomerJoinOptions): SessionPresence;
  customerLeave(code: string): SessionPresence;
  supporterConnect(code: string): SessionPresence;
  /** A chat message of the running connection, from the supporter or the customer. */
  chat(code: string, message: { from: "supporter" | "customer"; content: string }): SessionPresence;
  /** The supporter takes a screenshot during the running connection. */
  takeScreenshot(code: string): SessionPresence;
  endConnection(code: string, options?: EndConnectionOptions): ConnectionReport;
  submitFeedback(code: string, feedback: ReportFeedback): void;
}

export interface AdminParts {
  current: () => SimulatorState;
  faults: FaultPlanner;
  rateLimiter: RateLimiter;
  journal: RequestJournal;
  reset: () => void;
}

export function createSimulatorAdmin(parts: AdminParts): SimulatorAdmin {
  const state = () => parts.current();
  const admin: SimulatorAdmin = {
    seed: (input) => ({
      accounts: (input.accounts ?? []).map((account) => admin.createAccount(account)),
      groups: (input.groups ?? []).map((group) => admin.createGroup(group)),
      apps: (input.apps ?? []).map((app) => admin.createApp(app)),
      scriptTokens: (input.scriptTokens ?? []).map((token) => admin.createScriptToken(token)),
      reports: input.reports ? admin.seedReports(input.reports) : admin.reportCounts(),
    }),
    createAccount: (input) => {
      requireStrings(input, ["name", "email"]);
      const account = state().world.createAccount(input);
      return {
        ...pick(account, ["userid", "name", "email"]),
        company: state().world.companyName(account.companyId),
      };
    },
    createGroup: (input) => {
      requireStrings(input, ["name", "ownerUserid"]);
      return pick(state().world.createGroup(input), ["id", "name", "ownerUserid"]);
    },
    createApp: (input) => {
      requireStrings(input, ["redirectUri"]);
      const app = state().oauth.createApp(input);
      return {
        ...pick(app, ["name", "clientId", "clientSecret", "redirectUri"]),
        permissions: [...app.permissions],
      };
    },
    createScriptToken: (input) => {
      requireStrings(input, ["ownerUserid"]);
      state().world.requireAccount(input.ownerUserid);
      const token = state().oauth.createScriptToken(input);
      return { ...pick(token, ["token", "ownerUserid", "scope"]), permissions: [...token.permissions] };
    },
    saveCustomModule: (input) => {
      requireStrings(input, ["id", "ownerUserid", "displayName"]);
      if (input.logoUrl !== undefined && typeof input.logoUrl !== "string")
        throw new AdminError("logoUrl must be a string.");
      return pick(state().world.saveCustomModule(input), ["id", "displayName", "logoUrl"]);
    },
    issueUserToken: ({ clientId, userid }) => {
      if (!state().oauth.apps.has(clientId)) throw new AdminError(`No app ${clientId}.`, 404);
      state().world.requireAccount(userid);
      return state().oauth.createGrant(clientId, userid, state().clock.now()).tokens;
    },
    seedReports: (input) => {
      seedHistoricalReports(state(), input);
      return state().reports.counts();
    },
    reportCounts: () => state().reports.counts(),
    now: () => formatWireDate(state().clock.now()),
    setClock: (at) => {
      const epochMs = at instanceof Date ? at.getTime() : typeof at === "number" ? at : Date.parse(at);
      if (!Number.isFinite(epochMs)) throw new AdminError(`Not a date: ${String(at)}`);
      controllableClock(state()).set(epochMs);
      return admin.now();
    },
    advanceClock: (milliseconds) => {
      if (!Number.isFinite(milliseconds)) throw new AdminError("milliseconds must be a number.");
      controllableClock(state()).advance(milliseconds);
      return admin.now();
    },
    planFault: (plan) => parts.faults.plan(plan),
    listFaults: () => parts.faults.list(),
    clearFaults: () => parts.faults.clear(),
    setRateLimit: (rule) => parts.rateLimiter.set(rule),
    listRateLimits: () => parts.rateLimiter.rules(),
    clearRateLimits: () => parts.rateLimiter.clear(),
    journal: () => parts.journal.entries(),
    clearJournal: () => parts.journal.clear(),
    configure: (change) => {
      const settings = state().settings;
      if (change.strict !== undefined) settings.isStrict = change.strict;
      if (change.autoApprove !== undefined) settings.autoApprove = change.autoApprove;
      if (change.quirks !== undefined) settings.quirks = { ...settings.quirks, ...change.quirks };
    },
    reset: () => parts.reset(),
    session: (code) => presence(state(), code),
    customerJoin: (code, options) => {
      joinAsCustomer(state(), code, options);
      return presence(state(), code);
    },
    customerLeave: (code) => {
      leaveAsCustomer(state(), code);
      return presence(state(), code);
    },
    supporterConnect: (code) => {
      connectSupporter(state(), code);
      return presence(state(), code);
    },
    chat: (code, message) => {
      if (message.from !== "supporter" && message.from !== "customer")
        throw new AdminError('"from" must be "supporter" or "customer".');
      if (typeof message.content !== "string") throw new AdminError('"content" must be a string.');
      sendChatMessage(state(), code, {
        isFromSupporter: message.from === "supporter",
        content: message.content,
      });
      return presence(state(), code);
    },
    takeScreenshot: (code) => {
      takeScreenshot(state(), code);
      return presence(state(), code);
    },
    endConnection: (code, options) => endConnection(state(), code, options),
    submitFeedback: (code, feedback) => submitFeedback(state(), code, feedback),
  };
  return admin;
}

function presence(state: SimulatorState, code: string): SessionPresence {
  const session = state.sessions.get(code);
  if (!session) throw new AdminError(`No session ${code}.`, 404);
  return {
    code: session.code,
    state: session.state,
    isCustomerWaiting: session.customer !== undefined,
    isSupporterConnected: session.connection !== undefined,
    lastReportId: session.lastReportId ?? null,
    links: createSessionLinks(state, session),
  };
}

function controllableClock(state: SimulatorState) {
  if (!isControllableClock(state.clock)) {
    throw new AdminError(
      "The simulator runs on a clock passed in by its owner; move that clock instead.",
      409,
    );
  }
  return state.clock;
}

/** Admin input also arrives as untyped JSON over `/__sim/`, so required strings are checked. */
function requireStrings(input: object, keys: readonly string[]): void {
  for (const key of keys) {
    if (typeof (input as Record<string, unknown>)[key] !== "string")
      throw new AdminError(`${key} must be a string.`);
  }
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, source[key]])) as Pick<T, K>;
}

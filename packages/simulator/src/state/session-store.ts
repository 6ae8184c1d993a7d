import type { SeededRandom } from "../random.js";
import type { ChatLine, Screenshot } from "../reports/connection-extras.js";

/** A service case with a session code (docs/teamviewer-api.md §3), plus what the simulated apps know of it. */
export interface SupportSession {
  /** Creation order: breaks `created_at` ties when listing newest first. */
  seq: number;
  code: string;
  state: "Open" | "Closed";
  companyId: string;
  creatorUserid: string;
  groupid: string;
  description: string | undefined;
  waitingMessage: string | undefined;
  endCustomer: EndCustomer | undefined;
  assignedUserid: string | undefined;
  assignedAt: number | undefined;
  createdAt: number;
  validUntil: number;
  closedAt: number | undefined;
  supportSessionType: "Default" | "Pilot";
  customApi: string | undefined;
  smsInviteNumber: string | undefined;
  /** The SMS language, an integer 0–32 whose mapping is undocumented (docs/teamviewer-api.md §3). */
  smsInviteLanguage: number | undefined;
  /** `tv_version`, `customId` and `custom_module_id`: in the schema, meaning undocumented; passed through. */
  tvVersion: string | undefined;
  customId: string | undefined;
  customModuleId: string | undefined;
  /** The 12-character secret inside the supporter links (docs/teamviewer-api.md §3: "they are credentials"). */
  serviceQueueToken: string;
  customer: CustomerPresence | undefined;
  connection: ActiveConnection | undefined;
  /** The report of the latest ended connection, where late customer feedback goes. */
  lastReportId: string | undefined;
}

export interface EndCustomer {
  name?: string;
  email?: string;
}

export interface CustomerPresence {
  deviceId: string;
  deviceName: string;
  joinedAt: number;
}

export interface ActiveConnection {
  supporterUserid: string;
  /** The TeamViewer ID of the supporter's device, as the chat transcript names the sender. */
  supporterDeviceId: string;
  startedAt: number;
  chat: ChatLine[];
  screenshots: Screenshot[];
}

export type NewSession = Omit<
  SupportSession,
  "seq" | "code" | "state" | "serviceQueueToken" | "closedAt" | "customer" | "connection" | "lastReportId"
>;

/** The sessions as plain JSON (state/state-snapshot.ts). */
export interface SessionStoreSnapshot {
  sessions: SupportSession[];
  nextSeq: number;
}

export class SessionStore {
  readonly #sessions = new Map<string, SupportSession>();
  readonly #random: SeededRandom;
  #nextSeq = 1;

  constructor(random: SeededRandom) {
    this.#random = random;
  }

  create(fields: NewSession): SupportSession {
    const session: SupportSession = {
      ...fields,
      seq: this.#nextSeq++,
      code: this.#newCode(),
      state: "Open",
      serviceQueueToken: this.#random.alphanumeric(12),
      closedAt: undefined,
      customer: undefined,
      connection: undefined,
      lastReportId: undefined,
    };
    this.#sessions.set(session.code, session);
    return session;
  }

  get(code: string): SupportSession | undefined {
    return this.#sessions.get(code.toLowerCase());
  }

  delete(code: string): void {
    this.#sessions.delete(code.toLowerCase());
  }

  all(): SupportSession[] {
    return [...this.#sessions.values()];
  }

  toSnapshot(): SessionStoreSnapshot {
    return { sessions: this.all(), nextSeq: this.#nextSeq };
  }

  /** Fills an empty store from a snapshot. */
  restore(snapshot: SessionStoreSnapshot): void {
    for (const session of snapshot.sessions) this.#sessions.set(session.code, session);
    this.#nextSeq = snapshot.nextSeq;
  }

  /** `s` + 2–3 digits, `-`, 3 digits, `-`, 3 digits (docs/teamviewer-api.md, "Conventions on the wire"), unique. */
  #newCode(): string {
    for (;;) {
      const code = `s${this.#random.integer(10, 999)}-${this.#threeDigits()}-${this.#threeDigits()}`;
      if (!this.#sessions.has(code)) return code;
    }
  }

  #threeDigits(): string {
    return String(this.#random.integer(0, 999)).padStart(3, "0");
  }
}

/** Links carry the code without dashes (docs/teamviewer-api.md §3). */
export function compactSessionCode(code: string): string {
  return code.replaceAll("-", "");
}

/** `s119457589` → `s119-457-589`; undefined when it is not a compact code. */
export function expandSessionCode(compact: string): string | undefined {
  const match = /^s(\d{2,3})(\d{3})(\d{3})$/i.exec(compact);
  return match ? `s${match[1]}-${match[2]}-${match[3]}` : undefined;
}

import { hashOf } from "../random.js";
import { formatWireDate } from "../wire/dates.js";
import type {
  BillingState,
  ConnectionReport,
  ReportEdit,
  SupportSessionTypeNumber,
} from "./connection-report.js";
import { ReportIdCipher } from "./report-id-cipher.js";

/**
 * N historical connection reports that exist only as a seed. Filterable fields live in compact
 * typed-array columns (about 11 bytes a record); every other field is derived from
 * (seed, index) when a record is read, so a million records cost megabytes, not gigabytes.
 * End dates grow strictly with the index, so date windows are index ranges.
 */

export interface SeededPerson {
  userid: string;
  name: string;
}

export interface SeededGroup {
  id: string;
  name: string;
}

export interface SeededDevice {
  id: string;
  /** Empty for devices without a name (`devicename=unnamed_device`, spec section 4). */
  name: string;
}

export interface SeededBatchInput {
  seed: number;
  count: number;
  companyId: string;
  users: readonly SeededPerson[];
  groups: readonly SeededGroup[];
  /** The newest record ends at or just before this instant. */
  newestEndMs: number;
}

const SALT = {
  user: 1,
  group: 2,
  device: 3,
  kind: 4,
  code: 5,
  jitter: 6,
  duration: 7,
  created: 8,
  billing: 9,
  notes: 10,
  customer: 11,
  feedback: 12,
  uuidA: 13,
  uuidB: 14,
  deviceId: 15,
  deviceName: 16,
  fee: 17,
} as const;

const TWO_YEARS_SECONDS = 730 * 86_400;
const MAX_INTERVAL_SECONDS = 6 * 3600;
const DEVICE_PREFIXES = [
  "ERIKA",
  "FRONTDESK",
  "WAREHOUSE",
  "ACCOUNTING",
  "RECEPTION",
  "LAB",
  "MARKETING",
  "HR",
];
const DEVICE_SUFFIXES = ["LAPTOP", "PC", "MAC", "NOTEBOOK", "WS"];
const CUSTOMER_NAMES = [
  "Erika Mustermann",
  "John Doe",
  "Mia Wong",
  "Lars Berg",
  "Aiko Tanaka",
  "Omar Haddad",
];
const NOTES = [
  "Printer driver reinstalled",
  "Outlook profile repaired",
  "VPN client updated",
  "Password reset",
];
const COMMENTS = ["Quick and friendly", "Solved my problem", "Took a while", ""];
const BILLING: readonly BillingState[] = ["Bill", "Billed", "DoNotBill"];

export class SeededReportBatch {
  readonly seed: number;
  readonly count: number;
  readonly companyId: string;
  readonly users: readonly SeededPerson[];
  readonly groups: readonly SeededGroup[];
  readonly devices: readonly SeededDevice[];
  /** Index into `users`. */
  readonly userColumn: Uint16Array;
  /** 0 = no group, else index into `groups` + 1. */
  readonly groupColumn: Uint16Array;
  /** Index into `devices`. */
  readonly deviceColumn: Uint16Array;
  readonly typeColumn: Uint8Array;
  /** The session code as the number its digits spell (`s119-457-589` → 119457589), 0 for none. */
  readonly codeColumn: Uint32Array;
  readonly #firstEndSec: number;
  readonly #intervalSec: number;
  readonly #cipher: ReportIdCipher;

  constructor(input: SeededBatchInput) {
    if (input.users.length === 0)
      throw new Error("Seeding reports needs at least one account in the company.");
    this.seed = input.seed;
    this.count = input.count;
    this.companyId = input.companyId;
    this.users = input.users;
    this.groups = input.groups;
    this.devices = createDevicePool(input.seed, Math.min(5000, Math.max(20, Math.ceil(input.count / 20))));
    this.#intervalSec = Math.min(
      MAX_INTERVAL_SECONDS,
      Math.max(1, Math.floor(TWO_YEARS_SECONDS / Math.max(1, input.count))),
    );
    this.#firstEndSec = Math.floor(input.newestEndMs / 1000) - input.count * this.#intervalSec;
    this.#cipher = new ReportIdCipher(input.seed);
    this.userColumn = new Uint16Array(input.count);
    this.groupColumn = new Uint16Array(input.count);
    this.deviceColumn = new Uint16Array(input.count);
    this.typeColumn = new Uint8Array(input.count);
    this.codeColumn = new Uint32Array(input.count);
    this.#fillColumns();
  }

  /** Strictly increasing in the index: the interval step outgrows the jitter. */
  endSec(index: number): number {
    const jitter = this.#intervalSec > 1 ? this.#hash(index, SALT.jitter) % this.#intervalSec : 0;
    return this.#firstEndSec + index * this.#intervalSec + jitter;
  }

  startSec(index: number): number {
    return this.endSec(index) - (60 + (this.#hash(index, SALT.duration) % 7140));
  }

  /** The first index whose end is at or after `sec` (count when none). */
  lowerBoundEnd(sec: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.endSec(middle) < sec) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  id(index: number): string {
    const [high, low] = this.#cipher.encrypt(index);
    const fill = hex(this.#hash(index, SALT.uuidA), 8) + hex(this.#hash(index, SALT.uuidB), 8);
    const variant = (8 + (this.#hash(index, SALT.uuidB) & 3)).toString(16);
    return `${hex(high, 8)}-${fill.slice(0, 4)}-4${fill.slice(4, 7)}-${variant}${fill.slice(7, 10)}-${fill.slice(10, 14)}${hex(low, 8)}`;
  }

  /** The index of a seeded id, or undefined when this batch did not make it. */
  indexOfId(id: string): number | undefined {
    const lower = id.toLowerCase();
    if (lower.length !== 36) return undefined;
    const high = Number.parseInt(lower.slice(0, 8), 16);
    const low = Number.parseInt(lower.slice(28), 16);
    if (!Number.isFinite(high) || !Number.isFinite(low)) return undefined;
    const index = this.#cipher.decrypt(high, low);
    if (index === undefined || index >= this.count || this.id(index) !== lower) return undefined;
    return index;
  }

  record(index: number, edit: ReportEdit | undefined): ConnectionReport {
    const user = this.users[this.userColumn[index] ?? 0] ?? { userid: "u0", name: "" };
    const device = this.devices[this.deviceColumn[index] ?? 0] ?? { id: "0", name: "" };
    const group = this.groups[(this.groupColumn[index] ?? 0) - 1];
    const startSec = this.startSec(index);
    const feeHash = this.#hash(index, SALT.fee);
    const notesHash = this.#hash(index, SALT.notes);
    const report: ConnectionReport = {
      id: this.id(index),
      userid: user.userid,
      username: user.name,
      deviceid: device.id,
      support_session_type: (this.typeColumn[index] ?? 1) as SupportSessionTypeNumber,
      start_date: formatWireDate(startSec * 1000),
      end_date: formatWireDate(this.endSec(index) * 1000),
      fee: feeHash % 5 === 0 ? (feeHash % 9000) / 100 : 0,
      currency: "EUR",
      billing_state: BILLING[this.#hash(index, SALT.billing) % BILLING.length] ?? "Bill",
      notes: notesHash % 3 === 0 ? (NOTES[notesHash % NOTES.length] ?? "") : "",
      contact_id: null,
    };
    if (device.name !== "") report.devicename = device.name;
    if (group) {
      report.groupid = group.id;
      report.groupname = group.name;
    }
    const code = this.codeColumn[index] ?? 0;
    if (code !== 0) this.#addSessionFields(report, index, code, startSec, user.userid);
    return edit === undefined ? report : Object.assign(report, edit);
  }

  #addSessionFields(report: ConnectionReport, index: number, code: number, startSec: number, userid: string) {
    const createdSec = startSec - (30 + (this.#hash(index, SALT.created) % 1800));
    const digits = String(code);
    report.session_code = `s${digits.slice(0, -6)}-${digits.slice(-6, -3)}-${digits.slice(-3)}`;
    report.session_created_at = formatWireDate(createdSec * 1000);
    report.valid_until = formatWireDate((createdSec + 86_400) * 1000);
    report.assigned_userid = userid;
    report.assigned_at = report.session_created_at;
    const customerHash = this.#hash(index, SALT.customer);
    if (customerHash % 10 < 7) {
      const name = CUSTOMER_NAMES[customerHash % CUSTOMER_NAMES.length] ?? "";
      report.end_customer = { name, email: `${name.split(" ")[0]?.toLowerCase()}@example.org` };
    }
    const feedbackHash = this.#hash(index, SALT.feedback);
    if (feedbackHash % 4 === 0) {
      report.feedback = {
        session_rating: 1 + (feedbackHash % 5),
        user_comment: COMMENTS[feedbackHash % COMMENTS.length] ?? "",
      };
    }
  }

  #fillColumns(): void {
    for (let index = 0; index < this.count; index++) {
      this.userColumn[index] = this.#hash(index, SALT.user) % this.users.length;
      const groupHash = this.#hash(index, SALT.group);
      this.groupColumn[index] =
        this.groups.length === 0 || groupHash % 8 === 0 ? 0 : 1 + (groupHash % this.groups.length);
      this.deviceColumn[index] = this.#hash(index, SALT.device) % this.devices.length;
      const kindHash = this.#hash(index, SALT.kind);
      // A bit over half the connections use a session code; those are type 2 (spec section 4 [guess]).
      const hasCode = kindHash % 20 < 11;
      this.typeColumn[index] = hasCode ? 2 : kindHash % 20 < 17 ? 1 : 3;
      this.codeColumn[index] = hasCode ? 10_000_000 + (this.#hash(index, SALT.code) % 989_999_999) : 0;
    }
  }

  #hash(index: number, salt: number): number {
    return hashOf(this.seed, index, salt);
  }
}

function createDevicePool(seed: number, size: number): SeededDevice[] {
  return Array.from({ length: size }, (_, index) => {
    const nameHash = hashOf(seed, index, SALT.deviceName);
    const name =
      nameHash % 10 === 0
        ? ""
        : `${DEVICE_PREFIXES[nameHash % DEVICE_PREFIXES.length]}-${DEVICE_SUFFIXES[(nameHash >>> 8) % DEVICE_SUFFIXES.length]}`;
    return { id: String(1_000_000_000 + hashOf(seed, index, SALT.deviceId)), name };
  });
}

function hex(value: number, width: number): string {
  const digits = (value >>> 0).toString(16);
  return digits.length >= width ? digits : "00000000".slice(0, width - digits.length) + digits;
}

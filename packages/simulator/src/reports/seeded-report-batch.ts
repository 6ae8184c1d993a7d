import { mix32 } from "../random.js";
import { formatWireDate } from "../wire/dates.js";
import { JsonBytes } from "../wire/json-bytes.js";
import type {
  AbsentFields,
  ConnectionReport,
  ReportEdit,
  SupportSessionTypeNumber,
} from "./connection-report.js";
import { ReportIdCipher } from "./report-id-cipher.js";
import {
  BILLING,
  COMMENTS,
  CUSTOMERS,
  createDevicePool,
  formatSessionCode,
  NOTES,
  SALT,
  SALT_COUNT,
  type SeededDevice,
  type SeededGroup,
  type SeededPerson,
} from "./seeded-report-domain.js";
import { SeededReportJson } from "./seeded-report-json.js";

/**
 * N historical connection reports that exist only as a seed. Filterable fields live in compact
 * typed-array columns (about 11 bytes a record); every other field is derived from
 * (seed, index) when a record is read, so a million records cost megabytes, not gigabytes.
 * End dates grow strictly with the index, so date windows are index ranges.
 */

export type { SeededDevice, SeededGroup, SeededPerson } from "./seeded-report-domain.js";

export interface SeededBatchInput {
  seed: number;
  count: number;
  companyId: string;
  users: readonly SeededPerson[];
  groups: readonly SeededGroup[];
  /** The newest record ends at or just before this instant. */
  newestEndMs: number;
}

/**
 * Everything drawn for one record, as indices into the small domains and plain numbers. `record`
 * and the JSON writer both read it, so the object and the wire text cannot drift apart.
 */
export interface SeededDraw {
  user: number;
  device: number;
  /** 0 = no group, else index into `groups` + 1. */
  group: number;
  type: SupportSessionTypeNumber;
  startSec: number;
  endSec: number;
  fee: number;
  billing: number;
  /** Index into NOTES, or -1 for empty notes. */
  notes: number;
  /** The session code as the number its digits spell, 0 for none. */
  code: number;
  createdSec: number;
  /** Index into CUSTOMERS, or -1 for none. */
  customer: number;
  /** 1–5, or 0 for no feedback. */
  rating: number;
  comment: number;
}

const TWO_YEARS_SECONDS = 730 * 86_400;
const MAX_INTERVAL_SECONDS = 6 * 3600;
const DASH = 45;
const DIGIT_4 = 52;
const decoder = new TextDecoder();

export class SeededReportBatch {
  readonly seed: number;
  readonly count: number;
  readonly companyId: string;
  readonly users: readonly SeededPerson[];
  readonly groups: readonly SeededGroup[];
  readonly newestEndMs: number;
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
  /** `mix32(seed ^ salt constant)` per salt: the half of `hashOf` that does not depend on the index. */
  readonly #saltKeys: Uint32Array;
  readonly #idBits = new Uint32Array(2);
  /** Reused by `draw`: reading a page allocates no object per record. */
  readonly #draw: SeededDraw = {
    user: 0,
    device: 0,
    group: 0,
    type: 1,
    startSec: 0,
    endSec: 0,
    fee: 0,
    billing: 0,
    notes: -1,
    code: 0,
    createdSec: 0,
    customer: -1,
    rating: 0,
    comment: 0,
  };
  #json: SeededReportJson | undefined;

  constructor(input: SeededBatchInput) {
    if (input.users.length === 0)
      throw new Error("Seeding reports needs at least one account in the company.");
    this.seed = input.seed;
    this.count = input.count;
    this.companyId = input.companyId;
    this.users = input.users;
    this.groups = input.groups;
    this.newestEndMs = input.newestEndMs;
    this.devices = createDevicePool(input.seed, input.count);
    this.#intervalSec = Math.min(
      MAX_INTERVAL_SECONDS,
      Math.max(1, Math.floor(TWO_YEARS_SECONDS / Math.max(1, input.count))),
    );
    this.#firstEndSec = Math.floor(input.newestEndMs / 1000) - input.count * this.#intervalSec;
    this.#cipher = new ReportIdCipher(input.seed);
    this.#saltKeys = Uint32Array.from({ length: SALT_COUNT }, (_, salt) =>
      mix32(input.seed ^ Math.imul(salt + 1, 0x9e3779b9)),
    );
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
    const out = new JsonBytes(36);
    this.writeId(out, index);
    return decoder.decode(out.finish());
  }

  /** A version-4 shaped UUID whose first and last eight hex digits hide the index (ReportIdCipher). */
  writeId(out: JsonBytes, index: number): void {
    const bits = this.#idBits;
    this.#cipher.encrypt(index, bits);
    const fillA = this.#hash(index, SALT.uuidA);
    const fillB = this.#hash(index, SALT.uuidB);
    out
      .hexDigits(bits[0] ?? 0, 0, 8)
      .byte(DASH)
      .hexDigits(fillA, 0, 4)
      .byte(DASH)
      .byte(DIGIT_4);
    out
      .hexDigits(fillA, 4, 3)
      .byte(DASH)
      .hexDigits(8 + (fillB & 3), 7, 1)
      .hexDigits(fillA, 7, 1);
    out
      .hexDigits(fillB, 0, 2)
      .byte(DASH)
      .hexDigits(fillB, 2, 4)
      .hexDigits(bits[1] ?? 0, 0, 8);
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

  /** The fields drawn for `index`, in an object reused by the next call: read it before drawing again. */
  draw(index: number): Readonly<SeededDraw> {
    const draw = this.#draw;
    draw.user = this.userColumn[index] ?? 0;
    draw.device = this.deviceColumn[index] ?? 0;
    draw.group = this.groupColumn[index] ?? 0;
    draw.type = (this.typeColumn[index] ?? 1) as SupportSessionTypeNumber;
    draw.endSec = this.endSec(index);
    draw.startSec = draw.endSec - (60 + (this.#hash(index, SALT.duration) % 7140));
    const feeHash = this.#hash(index, SALT.fee);
    draw.fee = feeHash % 5 === 0 ? (feeHash % 9000) / 100 : 0;
    draw.billing = this.#hash(index, SALT.billing) % BILLING.length;
    const notesHash = this.#hash(index, SALT.notes);
    draw.notes = notesHash % 3 === 0 ? notesHash % NOTES.length : -1;
    draw.code = this.codeColumn[index] ?? 0;
    if (draw.code === 0) return draw;
    draw.createdSec = draw.startSec - (30 + (this.#hash(index, SALT.created) % 1800));
    const customerHash = this.#hash(index, SALT.customer);
    draw.customer = customerHash % 10 < 7 ? customerHash % CUSTOMERS.length : -1;
    const feedbackHash = this.#hash(index, SALT.feedback);
    draw.rating = feedbackHash % 4 === 0 ? 1 + (feedbackHash % 5) : 0;
    draw.comment = feedbackHash % COMMENTS.length;
    return draw;
  }

  /** The record as an object, with an overlay edit applied: for single reads and edited records. */
  record(index: number, edit: ReportEdit | undefined): ConnectionReport {
    const draw = this.draw(index);
    const user = this.users[draw.user] ?? { userid: "u0", name: "" };
    const device = this.devices[draw.device] ?? { id: "0", name: "" };
    const group = this.groups[draw.group - 1];
    const customer = CUSTOMERS[draw.customer];
    const report: ConnectionReport = {
      id: this.id(index),
      userid: user.userid,
      username: user.name,
      deviceid: device.id,
      ...(device.name !== "" && { devicename: device.name }),
      ...(group && { groupid: group.id, groupname: group.name }),
      support_session_type: draw.type,
      start_date: formatWireDate(draw.startSec * 1000),
      end_date: formatWireDate(draw.endSec * 1000),
      fee: draw.fee,
      currency: "EUR",
      billing_state: BILLING[draw.billing] ?? "Bill",
      notes: NOTES[draw.notes] ?? "",
      contact_id: null,
    };
    if (draw.code !== 0) {
      report.session_code = formatSessionCode(draw.code);
      report.session_created_at = formatWireDate(draw.createdSec * 1000);
      report.valid_until = formatWireDate((draw.createdSec + 86_400) * 1000);
      report.assigned_userid = user.userid;
      report.assigned_at = report.session_created_at;
      if (customer) report.end_customer = { ...customer };
      if (draw.rating > 0) {
        report.feedback = { session_rating: draw.rating, user_comment: COMMENTS[draw.comment] ?? "" };
      }
    }
    return edit === undefined ? report : Object.assign(report, edit);
  }

  /** The unedited record as wire JSON bytes, written straight from the draw (the fast path of report pages). */
  writeJson(out: JsonBytes, index: number, absentFields: AbsentFields): void {
    this.#json ??= new SeededReportJson(this);
    this.#json.write(out, index, absentFields);
  }

  #fillColumns(): void {
    for (let index = 0; index < this.count; index++) {
      this.userColumn[index] = this.#hash(index, SALT.user) % this.users.length;
      const groupHash = this.#hash(index, SALT.group);
      this.groupColumn[index] =
        this.groups.length === 0 || groupHash % 8 === 0 ? 0 : 1 + (groupHash % this.groups.length);
      this.deviceColumn[index] = this.#hash(index, SALT.device) % this.devices.length;
      const kindHash = this.#hash(index, SALT.kind);
      // A bit over half the connections use a session code; those are type 2 (docs/teamviewer-api.md §4 [guess]).
      const hasCode = kindHash % 20 < 11;
      this.typeColumn[index] = hasCode ? 2 : kindHash % 20 < 17 ? 1 : 3;
      this.codeColumn[index] = hasCode ? 10_000_000 + (this.#hash(index, SALT.code) % 989_999_999) : 0;
    }
  }

  /** Equal to `hashOf(seed, index, salt)`, with the seed half precomputed. */
  #hash(index: number, salt: number): number {
    return mix32((this.#saltKeys[salt] ?? 0) ^ mix32(index + Math.imul(salt, 0x632be5ab)));
  }
}

import { writeWireDate } from "../wire/dates.js";
import { encodeText, type JsonBytes } from "../wire/json-bytes.js";
import { type AbsentFields, SESSION_REPORT_FIELDS } from "./connection-report.js";
import type { SeededReportBatch } from "./seeded-report-batch.js";
import { BILLING, COMMENTS, CUSTOMERS, NOTES } from "./seeded-report-domain.js";

/**
 * Writes seeded records as wire JSON bytes without building objects or strings: report pages are
 * the simulator's hot path (a sync reads a million records), and building then stringifying
 * objects was most of its cost. Every value from a small domain (users, devices, groups, notes,
 * customers) is encoded once into a fragment; per record only ids, numbers and dates are written.
 *
 * The bytes parse to exactly `presentReport(batch.record(index), absentFields)`; a test holds the
 * two together. With `absentFields: "null"` absent optional fields are written as `null` in place.
 */

interface Fragments {
  /** `","userid":…,"username":…,"deviceid":` per user, closing the id before it; the device id follows. */
  users: Uint8Array[];
  /** `","assigned_userid":…,"assigned_at":"` per user, closing the date before it; a date follows. */
  assignees: Uint8Array[];
  /** `"…"[,"devicename":…]` per device. */
  devices: Uint8Array[];
  /** Index 0: no group; then `,"groupid":…,"groupname":…` per group. */
  groups: Uint8Array[];
  /** `,"currency":"EUR","billing_state":…,"notes":` per billing state. */
  billing: Uint8Array[];
  /** Index 0: empty notes; then one per entry of NOTES; each ends with `,"contact_id":null`. */
  notes: Uint8Array[];
  /**
   * `"` closing the date before it, then `custom_api` (only as null) and the end customer: index 0
   * for none, then one per entry of CUSTOMERS.
   */
  customers: Uint8Array[];
  /** Index 0: no feedback; then one per rating and comment, closing the record. */
  feedback: Uint8Array[];
  /** What a record without a session code carries in place of the session fields, closing it. */
  withoutCode: Uint8Array;
}

const RATINGS = [1, 2, 3, 4, 5];

const PART = {
  id: encodeText('{"id":"'),
  type: encodeText(',"support_session_type":'),
  start: encodeText(',"start_date":"'),
  end: encodeText('","end_date":"'),
  fee: encodeText('","fee":'),
  code: encodeText(',"session_code":"s'),
  created: encodeText('","session_created_at":"'),
  validUntil: encodeText('","valid_until":"'),
} as const;
const DASH = 45;

export class SeededReportJson {
  readonly #batch: SeededReportBatch;
  readonly #fragments: Record<AbsentFields, Fragments>;

  constructor(batch: SeededReportBatch) {
    this.#batch = batch;
    this.#fragments = { missing: buildFragments(batch, "missing"), null: buildFragments(batch, "null") };
  }

  write(out: JsonBytes, index: number, absentFields: AbsentFields): void {
    const batch = this.#batch;
    const fragments = this.#fragments[absentFields];
    out.bytes(PART.id);
    batch.writeId(out, index);
    const draw = batch.draw(index);
    out.bytes(fragmentAt(fragments.users, draw.user)).bytes(fragmentAt(fragments.devices, draw.device));
    out.bytes(fragmentAt(fragments.groups, draw.group)).bytes(PART.type).uint(draw.type).bytes(PART.start);
    writeWireDate(out, draw.startSec);
    out.bytes(PART.end);
    writeWireDate(out, draw.endSec);
    out.bytes(PART.fee).number(draw.fee).bytes(fragmentAt(fragments.billing, draw.billing));
    out.bytes(fragmentAt(fragments.notes, draw.notes + 1));
    if (draw.code === 0) {
      out.bytes(fragments.withoutCode);
      return;
    }
    out.bytes(PART.code);
    writeSessionCodeDigits(out, draw.code);
    out.bytes(PART.created);
    writeWireDate(out, draw.createdSec);
    out.bytes(PART.validUntil);
    writeWireDate(out, draw.createdSec + 86_400);
    out.bytes(fragmentAt(fragments.assignees, draw.user));
    writeWireDate(out, draw.createdSec);
    out.bytes(fragmentAt(fragments.customers, draw.customer + 1));
    const feedback = draw.rating === 0 ? 0 : 1 + (draw.rating - 1) * COMMENTS.length + draw.comment;
    out.bytes(fragmentAt(fragments.feedback, feedback));
  }
}

/** `119457589` → `119-457-589` (the `s` is part of the fragment before it). */
function writeSessionCodeDigits(out: JsonBytes, code: number): void {
  out.uint(Math.floor(code / 1_000_000)).byte(DASH);
  out
    .fixedDigits(Math.floor(code / 1000) % 1000, 3)
    .byte(DASH)
    .fixedDigits(code % 1000, 3);
}

function fragmentAt(fragments: readonly Uint8Array[], index: number): Uint8Array {
  const fragment = fragments[index];
  if (fragment === undefined) throw new Error(`No JSON fragment ${index}: the seeded batch changed shape.`);
  return fragment;
}

function buildFragments(batch: SeededReportBatch, absentFields: AbsentFields): Fragments {
  const json = JSON.stringify;
  const absent = (name: string) => (absentFields === "null" ? `,"${name}":null` : "");
  const customApi = absent("custom_api");
  // Seeded records have no supporter's note; it closes every record, under the null switch too.
  const sessionNote = absent("session_note");
  return {
    users: batch.users.map((user) =>
      encodeText(`","userid":${json(user.userid)},"username":${json(user.name)},"deviceid":`),
    ),
    assignees: batch.users.map((user) =>
      encodeText(`","assigned_userid":${json(user.userid)},"assigned_at":"`),
    ),
    devices: batch.devices.map((device) =>
      encodeText(
        `${json(device.id)}${device.name === "" ? absent("devicename") : `,"devicename":${json(device.name)}`}`,
      ),
    ),
    groups: [
      absent("groupid") + absent("groupname"),
      ...batch.groups.map((group) => `,"groupid":${json(group.id)},"groupname":${json(group.name)}`),
    ].map(encodeText),
    billing: BILLING.map((state) => encodeText(`,"currency":"EUR","billing_state":${json(state)},"notes":`)),
    notes: ["", ...NOTES].map((notes) => encodeText(`${json(notes)},"contact_id":null`)),
    customers: [
      `"${customApi}${absent("end_customer")}`,
      ...CUSTOMERS.map((customer) => `"${customApi},"end_customer":${json(customer)}`),
    ].map(encodeText),
    feedback: [
      `${absent("feedback")}${sessionNote}}`,
      ...RATINGS.flatMap((rating) =>
        COMMENTS.map(
          (comment) =>
            `,"feedback":${json({ session_rating: rating, user_comment: comment })}${sessionNote}}`,
        ),
      ),
    ].map(encodeText),
    withoutCode: encodeText(`${SESSION_REPORT_FIELDS.map(absent).join("")}${sessionNote}}`),
  };
}

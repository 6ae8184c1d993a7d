import { hashOf } from "../random.js";
import type { BillingState } from "./connection-report.js";

/**
 * The small value domains seeded reports draw from: every field that is not a number or a date
 * comes from one of these lists, which is what lets the JSON writer format each value once.
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
  /** Empty for devices without a name (`devicename=unnamed_device`, docs/teamviewer-api.md §4). */
  name: string;
}

/** One salt per drawn field, so the fields of a record are independent of each other. */
export const SALT = {
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

export const SALT_COUNT = 18;

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
export const CUSTOMERS = CUSTOMER_NAMES.map((name) => ({
  name,
  email: `${name.split(" ")[0]?.toLowerCase()}@example.org`,
}));
export const NOTES = [
  "Printer driver reinstalled",
  "Outlook profile repaired",
  "VPN client updated",
  "Password reset",
];
export const COMMENTS = ["Quick and friendly", "Solved my problem", "Took a while", ""];
export const BILLING: readonly BillingState[] = ["Bill", "Billed", "DoNotBill"];

/** About one device per 20 connections, between 20 and 5000, a tenth of them without a name. */
export function createDevicePool(seed: number, count: number): SeededDevice[] {
  const size = Math.min(5000, Math.max(20, Math.ceil(count / 20)));
  return Array.from({ length: size }, (_, index) => {
    const nameHash = hashOf(seed, index, SALT.deviceName);
    const name =
      nameHash % 10 === 0
        ? ""
        : `${DEVICE_PREFIXES[nameHash % DEVICE_PREFIXES.length]}-${DEVICE_SUFFIXES[(nameHash >>> 8) % DEVICE_SUFFIXES.length]}`;
    return { id: String(1_000_000_000 + hashOf(seed, index, SALT.deviceId)), name };
  });
}

/** `119457589` → `s119-457-589` (docs/teamviewer-api.md, "Conventions on the wire"): the code column stores the digits as a number. */
export function formatSessionCode(code: number): string {
  const digits = String(code);
  return `s${digits.slice(0, -6)}-${digits.slice(-6, -3)}-${digits.slice(-3)}`;
}

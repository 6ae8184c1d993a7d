/** One ended connection, in wire shape (docs/teamviewer-api.md §4). */
export interface ConnectionReport {
  id: string;
  userid: string;
  username: string;
  deviceid: string;
  devicename?: string;
  groupid?: string;
  groupname?: string;
  /** 1 = RemoteConnection, 2 = RemoteSupportActive, 3 = RemoteSupportActiveSdk; 0 is the schema's unnamed value. */
  support_session_type: SupportSessionTypeNumber;
  start_date: string;
  end_date: string;
  fee: number;
  currency: string;
  billing_state: BillingState;
  notes: string;
  contact_id: string | null;
  session_code?: string;
  session_created_at?: string;
  valid_until?: string;
  assigned_userid?: string;
  assigned_at?: string;
  custom_api?: string;
  end_customer?: { name?: string; email?: string };
  feedback?: ReportFeedback;
  /** The supporter's comment written when ending the connection (docs/teamviewer-api.md §4); often missing. */
  session_note?: string;
}

export type SupportSessionTypeNumber = 0 | 1 | 2 | 3;
export type BillingState = "Bill" | "Billed" | "DoNotBill";
export const BILLING_STATES: readonly BillingState[] = ["Bill", "Billed", "DoNotBill"];

export interface ReportFeedback {
  session_rating: number;
  user_comment?: string;
}

/** The only fields `PUT /reports/connections/{id}` may change (docs/teamviewer-api.md §4). */
export interface ReportEdit {
  notes?: string;
  billing_state?: BillingState;
  feedback?: ReportFeedback;
}

export const SUPPORT_SESSION_TYPE_NAMES: Record<string, SupportSessionTypeNumber> = {
  remoteconnection: 1,
  remotesupportactive: 2,
  remotesupportactivesdk: 3,
};

/** The fields a report has only when its connection was made with a session code (docs/teamviewer-api.md §4). */
export const SESSION_REPORT_FIELDS = [
  "session_code",
  "session_created_at",
  "valid_until",
  "assigned_userid",
  "assigned_at",
  "custom_api",
  "end_customer",
  "feedback",
] as const;

/** Fields that are often empty or missing (docs/teamviewer-api.md §4); the `absentFields: "null"` switch sends them as null. */
const OPTIONAL_REPORT_FIELDS = [
  "devicename",
  "groupid",
  "groupname",
  ...SESSION_REPORT_FIELDS,
  "session_note",
] as const;

/** How absent optional fields go out (the `absentFields` quirk). */
export type AbsentFields = "missing" | "null";

export function presentReport(report: ConnectionReport, absentFields: AbsentFields): object {
  if (absentFields === "missing") return report;
  const withNulls: Record<string, unknown> = { ...report };
  for (const field of OPTIONAL_REPORT_FIELDS) withNulls[field] ??= null;
  return withNulls;
}

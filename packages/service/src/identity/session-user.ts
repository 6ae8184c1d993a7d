/** Who is signed in, as every request knows it (src/identity/current-session.ts fills it in). */
import type { UserRole } from "../db/schema.js";

/** The signed-in user as pages and use-cases see them: no password hash. */
export interface SessionUser {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  role: UserRole;
  /** Saved language override; null means "follow the browser". */
  locale: string | null;
  /** Saved time zone override; null means "the organisation's". */
  ownTimeZone: string | null;
  /** The IANA zone every time on their pages is shown in: their own, else the organisation's. */
  timeZone: string;
}

export interface SignedInSession {
  id: string;
  /** Per-session secret the CSRF tokens are derived from. */
  csrfSecret: string;
}

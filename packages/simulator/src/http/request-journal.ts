import { createHash } from "node:crypto";

/** One request as the journal keeps it: never a credential in clear. */
export interface JournalEntry {
  seq: number;
  /** Simulator clock time, wire format. */
  at: string;
  method: string;
  path: string;
  /** The query string with secret-bearing parameters redacted. */
  query: string;
  /** Response status; null when the connection was reset. */
  status: number | null;
  /** `sha256:<12 hex>` of the Bearer token (or Basic credentials), so tests can tell tokens apart. */
  authorization: string | null;
  fault: string | null;
}

/** Query parameters that carry secrets: service-queue tokens are credentials (docs/teamviewer-api.md §3), codes too. */
const SECRET_PARAMS = [
  "servicequeuetoken",
  "code",
  "code_verifier",
  "client_secret",
  "access_token",
  "refresh_token",
];
const REDACTED = "[redacted]";

export class RequestJournal {
  readonly #entries: JournalEntry[] = [];
  readonly #limit: number;
  #nextSeq = 1;

  constructor(limit: number) {
    this.#limit = limit;
  }

  record(fields: Omit<JournalEntry, "seq">): void {
    this.#entries.push({ seq: this.#nextSeq++, ...fields });
    if (this.#entries.length > this.#limit) this.#entries.splice(0, this.#entries.length - this.#limit);
  }

  entries(): JournalEntry[] {
    return this.#entries.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.#entries.length = 0;
  }
}

export function fingerprintCredential(authorizationHeader: string | null): string | null {
  if (!authorizationHeader) return null;
  const credential = authorizationHeader.replace(/^\S+\s+/, "");
  return `sha256:${createHash("sha256").update(credential).digest("hex").slice(0, 12)}`;
}

/** Path and query with the supporter link's queue token and secret parameters blanked. */
export function redactUrl(url: URL): { path: string; query: string } {
  const path = url.pathname.replace(/^(\/v15\/s\d+-)[^/]+/i, `$1${REDACTED}`);
  const params = new URLSearchParams(url.search);
  for (const name of [...params.keys()]) {
    if (SECRET_PARAMS.includes(name.toLowerCase())) params.set(name, REDACTED);
  }
  const query = params.toString();
  return { path, query: query === "" ? "" : `?${query}` };
}

import { TeamViewerClient, type TeamViewerClientOptions, type TeamViewerLogger } from "../../src/index.js";
import { FAKE_BASE_URL, type FakeTeamViewer } from "./fake-teamviewer.js";

/** Shaped like real TeamViewer tokens (8 digits, dash, 20 alphanumerics), so shape-based masking is tested too. */
export const ACCESS_TOKEN = "12345678-AbCdEfGhIjKlMnOpQrSt";
export const REFRESHED_ACCESS_TOKEN = "87654321-ZyXwVuTsRqPoNmLkJiHg";

/** One line written to the recording logger. */
export interface LogLine {
  readonly level: "debug" | "warn";
  readonly fields: Record<string, unknown>;
  readonly message: string;
}

export function createRecordingLogger(): { logger: TeamViewerLogger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    logger: {
      debug: (fields, message) => lines.push({ level: "debug", fields, message }),
      warn: (fields, message) => lines.push({ level: "warn", fields, message }),
    },
  };
}

/**
 * A client wired to the fake server. Backoff waits are recorded in `sleeps` and return at once, and
 * jitter is fixed at one half, so tests never wait and see exact delays.
 */
export function createTestClient(fake: FakeTeamViewer, overrides: Partial<TeamViewerClientOptions> = {}) {
  const sleeps: number[] = [];
  const { logger, lines } = createRecordingLogger();
  const client = new TeamViewerClient({
    accessToken: ACCESS_TOKEN,
    baseUrl: FAKE_BASE_URL,
    allowInsecureRequests: true,
    fetch: fake.fetch,
    logger,
    random: () => 0.5,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
    },
    ...overrides,
  });
  return { client, sleeps, logLines: lines };
}

export function sessionFixture(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: "s271-604-113",
    state: "Open",
    groupid: "g40211",
    groupname: "Helpdesk",
    description: "Outlook does not start",
    end_customer: { name: "Erika Mustermann", email: "erika@example.org" },
    assigned_userid: "u7005",
    created_at: "2026-03-02T09:14:07Z",
    valid_until: "2026-03-03T09:14:07Z",
    end_customer_link: "https://get.teamviewer.com/v15/s271604113",
    supporter_link: "https://get.teamviewer.com/v15/s271604113-Qw3rTy7uIo9P",
    webclient_supporter_link:
      "https://login.teamviewer.com/Connect/IndexByol?sessioncode=s271604113&servicequeuetoken=Qw3rTy7uIo9P",
    online: false,
    support_session_type: "Default",
    custom_api: "attendant:ticket-4711",
    ...overrides,
  };
}

export function reportFixture(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    userid: "u7005",
    username: "Kenji Sato",
    deviceid: "1432876590",
    support_session_type: 2,
    start_date: "2026-03-02T09:20:41Z",
    end_date: "2026-03-02T09:47:03Z",
    fee: 0,
    currency: "EUR",
    billing_state: "Bill",
    session_code: "s271-604-113",
    ...overrides,
  };
}

/**
 * Everything the HTTP app needs from outside, passed in by `createApp(deps)` so tests can swap
 * any piece: a temp database, a fake clock, a captured logger, the simulator's fetch.
 */
import type { CustomModuleInput } from "@attendant/simulator";
import type { Clock } from "../clock.js";
import type { Config } from "../config/config-schema.js";
import type { Database } from "../db/open-database.js";
import type { Translator } from "../i18n/index.js";
import type { ScryptParameters } from "../identity/passwords.js";
import type { SessionUser, SignedInSession } from "../identity/session-user.js";
import type { IntervalTimers } from "../jobs/interval-timers.js";
import type { Logger } from "../logging/logger.js";
import type { TeamViewerAppSettings } from "../teamviewer/teamviewer-app-settings.js";
import type { SecretBox } from "../vault/secret-box.js";

/** Sends e-mail (session invitations); implemented with nodemailer by the service, faked in tests. */
export interface Mailer {
  /** `messageId` names the message, so a repeat after a crash is recognisably the same e-mail. */
  send(message: {
    to: string;
    subject: string;
    text: string;
    html?: string;
    messageId?: string;
  }): Promise<void>;
}

export interface AppDeps {
  database: Database;
  config: Config;
  clock: Clock;
  /** Encrypts and decrypts stored secrets; its keyring is already checked against stored data. */
  vault: SecretBox;
  logger: Logger;
  /** Used for every call to TeamViewer; tests pass the in-process simulator's fetch. */
  teamViewerFetch?: typeof fetch;
  /**
   * How Web API calls wait: the per-attempt deadline (body included) and the backoff sleep
   * between retries. Defaults are the client's (30 s, a real timer); fault tests pass a short
   * deadline and a sleep that moves the fake clock, so injected stalls and 429s never wait long.
   */
  teamViewerTiming?: {
    timeoutMs?: number;
    sleep?: (milliseconds: number, signal?: AbortSignal) => Promise<void>;
  };
  /**
   * Demo mode: the running simulator's demo app, used by organisations without an app of their
   * own (or by every organisation when ATTENDANT_DEMO=true). See src/teamviewer/demo-simulator.ts.
   */
  demoTeamViewerApp?: TeamViewerAppSettings;
  /**
   * Demo mode: saves a customised QuickSupport module in the running simulator, so its
   * QuickSupport page shows the organisation's brand (src/teamviewer/demo-quicksupport-module.ts).
   */
  saveDemoQuickSupportModule?: (module: CustomModuleInput) => void;
  mailer?: Mailer;
  /**
   * The live desk's pace and bounds (src/live/): how often the database is looked at while
   * browser event streams are open (default 2 s), on which timers, and how many streams one user
   * may hold. Tests and the benchmark set them; the defaults suit the service.
   */
  liveDesk?: { intervalMs?: number; timers?: IntervalTimers; streamsPerUser?: number };
  /** Tests only: cheaper scrypt parameters (see src/identity/passwords.ts). */
  passwordHashing?: ScryptParameters;
}

/** Hono's typed context variables for every route. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The caller's IP address, proxies accounted for (src/identity/client-address.ts). */
    clientAddress: string | null;
    /** A child of deps.logger carrying the request id and the path, join tokens redacted. */
    logger: Logger;
    /** The page language's messages, negotiated for every request (src/identity/web-context.ts). */
    t: Translator;
    /** The signed-in browser session, or undefined for visitors. */
    session: SignedInSession | undefined;
    /** Who is signed in; undefined for visitors. `requireUser` narrows it (see SignedInEnv). */
    user: SessionUser | undefined;
    /** The CSRF token for a form's hidden `_csrf` field; `<CsrfField />` renders it. */
    csrfToken: () => string;
    /** This response's CSP nonce, set by the security headers (src/web/copy-script.tsx uses it). */
    secureHeadersNonce?: string;
    /**
     * Who may frame this `/embed/*` response: the integration's allowed origins, set by the
     * embed routes once they know the integration (src/http/security-headers.ts reads it), or
     * `anyFrameAncestor` for a refusal that names no integration (src/embedding/open-embed-session.ts).
     */
    embedFrameOrigins?: readonly string[];
    /** A platform's script one `/embed/*` response may run besides ours (Zendesk's ZAF SDK, ADR 0044). */
    embedScriptSource?: string;
  };
}

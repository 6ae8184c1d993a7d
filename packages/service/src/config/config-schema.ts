/**
 * Every setting Attendant reads, as one zod schema over environment-variable names. Each rule
 * reports a full sentence: which variable, what was wrong, how to fix it. Values that may hold
 * secrets (DATABASE_URL, ATTENDANT_KEYS) are never echoed back.
 *
 * Adding a setting: add it to `settingNames`, give it a field below, document it in README.md.
 */
import * as path from "node:path";
import { z } from "zod";
import { type Keyring, KeyringError, parseKeyring } from "../vault/keyring.js";
import { type Network, parseNetworkList } from "../webhooks/network-address.js";

export const settingNames = [
  "ATTENDANT_HOST",
  "ATTENDANT_PORT",
  "ATTENDANT_PUBLIC_URL",
  "ATTENDANT_DATA_DIR",
  "DATABASE_URL",
  "ATTENDANT_KEYS",
  "ATTENDANT_PRIMARY_KEY",
  "ATTENDANT_LOG_LEVEL",
  "ATTENDANT_DEMO",
  "ATTENDANT_SIMULATOR_PORT",
  "ATTENDANT_SMTP_URL",
  "ATTENDANT_MAIL_FROM",
  "ATTENDANT_REPORT_BACKFILL_DAYS",
  "ATTENDANT_SESSION_WATCH_SECONDS",
  "ATTENDANT_API_RATE_LIMIT_PER_MINUTE",
  "ATTENDANT_WEBHOOK_ALLOWED_PRIVATE_NETWORKS",
  "ATTENDANT_TRUSTED_PROXIES",
] as const;
export type SettingName = (typeof settingNames)[number];

export const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof logLevels)[number];

/** "auto": demo mode when the organisation has no TeamViewer app configured. */
export type DemoMode = "auto" | "on" | "off";

export interface Config {
  /** Interface to listen on. */
  host: string;
  port: number;
  /** How browsers reach the service, without a trailing slash, e.g. https://support.example.com */
  publicUrl: string;
  /** Absolute path of the data folder (embedded database, generated demo keyring). */
  dataDir: string;
  /** When set, PostgreSQL at this URL is used instead of the embedded database. */
  databaseUrl: string | undefined;
  /** From ATTENDANT_KEYS; undefined only for the embedded demo, which generates its own. */
  keyring: Keyring | undefined;
  logLevel: LogLevel;
  demoMode: DemoMode;
  /** Loopback port of the TeamViewer simulator that demo mode starts; 0 picks a free one. */
  simulatorPort: number;
  /**
   * Outgoing mail (session invitations); undefined when ATTENDANT_SMTP_URL is unset. The URL may
   * hold the SMTP password: never log it, use `describeSmtpUrl` (src/mail/smtp-url.ts).
   */
  smtp: SmtpConfig | undefined;
  /** How many days of connection reports a new sync account fetches first (src/reports/). */
  reportBackfillDays: number;
  /**
   * How often each supporter's open sessions are asked for while one is young
   * (src/sessions/session-watch-options.ts): the customer's arrival shows within this plus 1 s.
   */
  sessionWatchSeconds: number;
  /** Requests one API key may send per minute, counted across every instance (src/api/rate-limit.ts). */
  apiRateLimitPerMinute: number;
  /**
   * Non-public networks webhooks may still be sent to (src/webhooks/network-address.ts), e.g. a
   * receiver on the same host; empty by default, so loopback and private targets are refused.
   */
  webhookAllowedPrivateNetworks: readonly Network[];
  /**
   * Reverse proxies and load balancers whose `X-Forwarded-For` is believed
   * (src/identity/client-address.ts); empty by default, so only the TCP peer counts.
   */
  trustedProxies: readonly Network[];
}

export interface SmtpConfig {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS from the start). */
  url: string;
  /** The From header, e.g. `Helpdesk <support@example.com>`. */
  from: string;
}

/** What a setting parser returns for a bad value: the full sentence to show. */
class Invalid {
  constructor(readonly message: string) {}
}
const invalid = (message: string) => new Invalid(message);

/** A string setting; empty or unset values become `undefined`. */
function setting<T>(parse: (value: string) => T | Invalid) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | undefined => {
      const value = raw?.trim();
      if (value === undefined || value === "") return undefined;
      const result = parse(value);
      if (!(result instanceof Invalid)) return result;
      ctx.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    });
}

/** A comma-separated list of CIDR networks; `rule` is the sentence that says what it must be. */
function networkListSetting(rule: string) {
  return setting((value) => {
    try {
      return parseNetworkList(value);
    } catch (error) {
      return invalid(`${rule}: ${(error as Error).message}`);
    }
  });
}

const hostPattern = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)$/;

const demoValues: Record<string, DemoMode> = {
  auto: "auto",
  true: "on",
  on: "on",
  yes: "on",
  "1": "on",
  false: "off",
  off: "off",
  no: "off",
  "0": "off",
};

const keyHint = "generate one with `openssl rand -base64 32`";

export function createConfigSchema(cwd: string) {
  return z
    .object({
      ATTENDANT_HOST: setting((value) =>
        hostPattern.test(value)
          ? value
          : invalid(
              `ATTENDANT_HOST must be a host name or IP address to listen on, like 127.0.0.1 or 0.0.0.0, got "${value}"`,
            ),
      ),
      ATTENDANT_PORT: setting((value) => {
        const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
        return port >= 1 && port <= 65535
          ? port
          : invalid(`ATTENDANT_PORT must be a port number between 1 and 65535, got "${value}"`);
      }),
      ATTENDANT_PUBLIC_URL: setting((value) => {
        const problem = `ATTENDANT_PUBLIC_URL must be the absolute http(s) address browsers use to reach Attendant, without query or fragment, like https://support.example.com, got "${value}"`;
        if (!URL.canParse(value)) return invalid(problem);
        const url = new URL(value);
        if (
          (url.protocol !== "http:" && url.protocol !== "https:") ||
          url.search ||
          url.hash ||
          url.username
        ) {
          return invalid(problem);
        }
        return url.href.replace(/\/+$/, "");
      }),
      ATTENDANT_DATA_DIR: setting((value) => path.resolve(cwd, value)),
      DATABASE_URL: setting((value) => {
        const isPostgresUrl =
          URL.canParse(value) && ["postgres:", "postgresql:"].includes(new URL(value).protocol);
        return isPostgresUrl
          ? value
          : invalid(
              "DATABASE_URL must be a PostgreSQL connection URL like postgres://user:password@db.example.com:5432/attendant (the value is not shown as it may hold a password); unset it to use the embedded database",
            );
      }),
      ATTENDANT_KEYS: setting((value) => value),
      ATTENDANT_PRIMARY_KEY: setting((value) => value),
      ATTENDANT_LOG_LEVEL: setting((value) =>
        (logLevels as readonly string[]).includes(value.toLowerCase())
          ? (value.toLowerCase() as LogLevel)
          : invalid(`ATTENDANT_LOG_LEVEL must be one of ${logLevels.join(", ")}, got "${value}"`),
      ),
      ATTENDANT_DEMO: setting(
        (value) =>
          demoValues[value.toLowerCase()] ??
          invalid(`ATTENDANT_DEMO must be auto, true or false, got "${value}"`),
      ),
      ATTENDANT_SIMULATOR_PORT: setting((value) => {
        const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
        return port >= 0 && port <= 65535
          ? port
          : invalid(
              `ATTENDANT_SIMULATOR_PORT must be a port number between 0 and 65535 for the demo's TeamViewer simulator (0 picks a free one), got "${value}"`,
            );
      }),
      ATTENDANT_SMTP_URL: setting((value) => {
        const isSmtpUrl =
          URL.canParse(value) &&
          ["smtp:", "smtps:"].includes(new URL(value).protocol) &&
          new URL(value).hostname !== "";
        return isSmtpUrl
          ? value
          : invalid(
              "ATTENDANT_SMTP_URL must be an SMTP server URL like smtp://user:password@mail.example.com:587 (STARTTLS) or smtps://user:password@mail.example.com:465 (the value is not shown as it may hold a password); unset it to send no e-mail",
            );
      }),
      ATTENDANT_MAIL_FROM: setting((value) =>
        /^[^\r\n]*<?[^\s@<>]+@[^\s@<>]+>?$/.test(value)
          ? value
          : invalid(
              `ATTENDANT_MAIL_FROM must be the sender of invitation e-mails, an address like support@example.com or Helpdesk <support@example.com>, got "${value}"`,
            ),
      ),
      ATTENDANT_REPORT_BACKFILL_DAYS: setting((value) => {
        const days = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
        return days >= 1 && days <= 3650
          ? days
          : invalid(
              `ATTENDANT_REPORT_BACKFILL_DAYS must be the number of days of TeamViewer connection reports to fetch when a sync starts, a whole number from 1 to 3650, got "${value}"`,
            );
      }),
      ATTENDANT_SESSION_WATCH_SECONDS: setting((value) => {
        const seconds = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
        return seconds >= 1 && seconds <= 300
          ? seconds
          : invalid(
              `ATTENDANT_SESSION_WATCH_SECONDS must be how often, in seconds, each supporter's open sessions are checked at TeamViewer for a waiting customer, a whole number from 1 to 300 (default 5), got "${value}"`,
            );
      }),
      ATTENDANT_API_RATE_LIMIT_PER_MINUTE: setting((value) => {
        const limit = /^\d{1,7}$/.test(value) ? Number(value) : Number.NaN;
        return limit >= 1 && limit <= 1_000_000
          ? limit
          : invalid(
              `ATTENDANT_API_RATE_LIMIT_PER_MINUTE must be how many requests one API key may send per minute, a whole number from 1 to 1000000, got "${value}"`,
            );
      }),
      ATTENDANT_WEBHOOK_ALLOWED_PRIVATE_NETWORKS: networkListSetting(
        "ATTENDANT_WEBHOOK_ALLOWED_PRIVATE_NETWORKS must be comma-separated networks webhooks may be sent to despite being private or loopback, like 127.0.0.1/32,10.20.0.0/16,fd00::/8",
      ),
      ATTENDANT_TRUSTED_PROXIES: networkListSetting(
        "ATTENDANT_TRUSTED_PROXIES must be the comma-separated networks of your reverse proxies or load balancers, like 10.0.0.0/8,fd00::/8",
      ),
    })
    .transform((values, ctx): Config => {
      const port = values.ATTENDANT_PORT ?? 3000;
      return {
        host: values.ATTENDANT_HOST ?? "127.0.0.1",
        port,
        publicUrl: values.ATTENDANT_PUBLIC_URL ?? `http://localhost:${port}`,
        dataDir: values.ATTENDANT_DATA_DIR ?? path.resolve(cwd, "data"),
        databaseUrl: values.DATABASE_URL,
        keyring: readKeyring(values, (message) => ctx.addIssue({ code: "custom", message })),
        logLevel: values.ATTENDANT_LOG_LEVEL ?? "info",
        demoMode: values.ATTENDANT_DEMO ?? "auto",
        simulatorPort: values.ATTENDANT_SIMULATOR_PORT ?? 4010,
        smtp: readSmtp(values, (message) => ctx.addIssue({ code: "custom", message })),
        reportBackfillDays: values.ATTENDANT_REPORT_BACKFILL_DAYS ?? 90,
        sessionWatchSeconds: values.ATTENDANT_SESSION_WATCH_SECONDS ?? 5,
        apiRateLimitPerMinute: values.ATTENDANT_API_RATE_LIMIT_PER_MINUTE ?? 600,
        webhookAllowedPrivateNetworks: values.ATTENDANT_WEBHOOK_ALLOWED_PRIVATE_NETWORKS ?? [],
        trustedProxies: values.ATTENDANT_TRUSTED_PROXIES ?? [],
      };
    });
}

function readSmtp(
  values: { ATTENDANT_SMTP_URL?: string | undefined; ATTENDANT_MAIL_FROM?: string | undefined },
  report: (message: string) => void,
): SmtpConfig | undefined {
  if (values.ATTENDANT_SMTP_URL === undefined) return undefined;
  if (values.ATTENDANT_MAIL_FROM === undefined) {
    report(
      "ATTENDANT_MAIL_FROM must be set when ATTENDANT_SMTP_URL is set: the sender of invitation e-mails, like Helpdesk <support@example.com>",
    );
    return undefined;
  }
  return { url: values.ATTENDANT_SMTP_URL, from: values.ATTENDANT_MAIL_FROM };
}

function readKeyring(
  values: {
    ATTENDANT_KEYS?: string | undefined;
    ATTENDANT_PRIMARY_KEY?: string | undefined;
    DATABASE_URL?: string | undefined;
  },
  report: (message: string) => void,
): Keyring | undefined {
  if (values.ATTENDANT_KEYS === undefined) {
    if (values.ATTENDANT_PRIMARY_KEY !== undefined) {
      report(
        `ATTENDANT_PRIMARY_KEY is set but ATTENDANT_KEYS is empty; list the keys as keyId:base64, ${keyHint}`,
      );
    } else if (values.DATABASE_URL !== undefined) {
      // Instances sharing a database must share keys, so nothing may be generated per machine.
      report(
        `ATTENDANT_KEYS must be set when DATABASE_URL is set, the same on every instance; list the keys as keyId:base64, ${keyHint}`,
      );
    }
    return undefined;
  }
  try {
    return parseKeyring({ keys: values.ATTENDANT_KEYS, primaryKeyId: values.ATTENDANT_PRIMARY_KEY });
  } catch (error) {
    if (!(error instanceof KeyringError)) throw error;
    for (const line of error.message.split("\n")) report(line);
    return undefined;
  }
}

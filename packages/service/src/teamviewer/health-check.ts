/**
 * The health page's probes (issue 4, "The TeamViewer connection"): are the app's credentials
 * right, does TeamViewer accept the admin's own connection and the company script token, and do
 * they carry the permissions later features need. Each problem comes back as a message key
 * that says, in plain words, what to change in the Management Console.
 */
import {
  InvalidClientError,
  OAuthError,
  PermissionDeniedError,
  type TeamViewerClient,
  TeamViewerError,
} from "@attendant/teamviewer";
import { findOrganisationScriptToken } from "../db/repositories/organisation-script-tokens.js";
import { findTeamViewerConnection } from "../db/repositories/teamviewer-connections.js";
import type { MessageKey, MessageParams } from "../i18n/index.js";
import { buildApiClient, buildOAuth } from "./build-clients.js";
import type { TeamViewerClientFactory } from "./client-factory.js";
import { type ResolvedTeamViewerApp, resolveTeamViewerApp } from "./teamviewer-app.js";
import { TeamViewerReconnectRequiredError } from "./teamviewer-errors.js";
import type { TokenStoreDeps } from "./token-store.js";

export interface HealthCheck {
  label: MessageKey;
  status: "ok" | "problem" | "skipped";
  message: MessageKey;
  params?: MessageParams;
  /** A permission name to insert as `{permission}`, translated by the page. */
  permission?: MessageKey;
}

export interface HealthReport {
  app: Pick<ResolvedTeamViewerApp, "clientId" | "apiBaseUrl" | "isSimulator"> | undefined;
  credentials: HealthCheck[];
  /** The admin's own OAuth connection. */
  userConnection: HealthCheck[];
  scriptToken: HealthCheck[];
}

type TokenKind = "user" | "script";

const permissionProbes = [
  {
    label: "tv.health.check.account",
    permission: "tv.permission.account",
    probe: async (client: TeamViewerClient): Promise<HealthCheck["params"]> => {
      const account = await client.account.retrieve();
      return {
        name: account.name ?? "",
        email: account.email ?? "",
        licence: account.license?.type ?? "—",
      };
    },
    ok: "tv.health.ok.account",
  },
  {
    label: "tv.health.check.sessions",
    permission: "tv.permission.sessions",
    probe: async (client: TeamViewerClient) => {
      await client.sessions.list();
      return undefined;
    },
    ok: "tv.health.ok.sessions",
  },
  {
    label: "tv.health.check.reports",
    permission: "tv.permission.reports",
    probe: async (client: TeamViewerClient) => {
      await client.reports.connections.list();
      return undefined;
    },
    ok: "tv.health.ok.reports",
  },
] as const satisfies readonly {
  label: MessageKey;
  permission: MessageKey;
  ok: MessageKey;
  probe: (client: TeamViewerClient) => Promise<HealthCheck["params"]>;
}[];

export async function checkTeamViewerHealth(
  deps: TokenStoreDeps,
  clients: TeamViewerClientFactory,
  admin: { userId: string; organisationId: string },
): Promise<HealthReport> {
  const app = await resolveTeamViewerApp(deps, admin.organisationId);
  if (app === undefined) {
    const missing: HealthCheck = {
      label: "tv.health.check.credentials",
      status: "problem",
      message: "tv.health.problem.notConfigured",
    };
    return { app: undefined, credentials: [missing], userConnection: [], scriptToken: [] };
  }
  const fixParams = { clientId: app.clientId };
  const [credentials, userConnection, scriptToken] = await Promise.all([
    checkCredentials(deps, app),
    (async () => {
      const connection = await findTeamViewerConnection(deps.database.db, deps.vault, admin.userId);
      if (connection === undefined)
        return [skipped("tv.health.check.ping", "tv.health.skipped.notConnected")];
      return probeToken(deps, await clients.createTeamViewerClientFor(admin), "user", fixParams);
    })(),
    (async () => {
      const token = await findOrganisationScriptToken(deps.database.db, deps.vault, admin.organisationId);
      if (token === undefined) return [skipped("tv.health.check.ping", "tv.health.skipped.noScriptToken")];
      return probeToken(deps, buildApiClient(deps, app, token), "script", fixParams);
    })(),
  ]);
  const { clientId, apiBaseUrl, isSimulator } = app;
  return { app: { clientId, apiBaseUrl, isSimulator }, credentials, userConnection, scriptToken };
}

/**
 * TeamViewer has no "check my credentials" call, so we redeem a code that cannot exist: the
 * token endpoint authenticates the client first (RFC 6749 §3.2.1), answering `invalid_client`
 * for a wrong id or secret and `invalid_grant` for the code once the client is known. No
 * grant is touched.
 */
async function checkCredentials(deps: TokenStoreDeps, app: ResolvedTeamViewerApp): Promise<HealthCheck[]> {
  const label = "tv.health.check.credentials";
  try {
    await buildOAuth(deps, app).exchangeCode({
      code: "attendant-health-probe",
      codeVerifier: "attendant-health-probe-verifier-that-matches-no-challenge",
    });
  } catch (error) {
    if (error instanceof InvalidClientError) {
      return [
        {
          label,
          status: "problem",
          message: "tv.health.problem.invalidClient",
          params: { clientId: app.clientId },
        },
      ];
    }
    if (!(error instanceof OAuthError)) return [unreachable(deps, label, error)];
  }
  return [{ label, status: "ok", message: "tv.health.ok.credentials" }];
}

async function probeToken(
  deps: TokenStoreDeps,
  client: TeamViewerClient,
  kind: TokenKind,
  fixParams: MessageParams,
): Promise<HealthCheck[]> {
  const pingLabel = "tv.health.check.ping";
  const rejected = kind === "user" ? "tv.health.problem.userToken" : "tv.health.problem.scriptToken";
  try {
    const { token_valid } = await client.ping();
    if (!token_valid) return [{ label: pingLabel, status: "problem", message: rejected }];
  } catch (error) {
    if (error instanceof TeamViewerReconnectRequiredError) {
      return [{ label: pingLabel, status: "problem", message: rejected }];
    }
    return [unreachable(deps, pingLabel, error)];
  }
  const checks: HealthCheck[] = [{ label: pingLabel, status: "ok", message: "tv.health.ok.ping" }];
  for (const { label, permission, probe, ok } of permissionProbes) {
    try {
      const params = await probe(client);
      checks.push({ label, status: "ok", message: ok, ...(params === undefined ? {} : { params }) });
    } catch (error) {
      if (!(error instanceof PermissionDeniedError)) {
        checks.push(unreachable(deps, label, error));
        continue;
      }
      const message =
        kind === "user" ? "tv.health.problem.appPermission" : "tv.health.problem.scriptPermission";
      checks.push({ label, status: "problem", message, params: fixParams, permission });
    }
  }
  return checks;
}

function skipped(label: MessageKey, message: MessageKey): HealthCheck {
  return { label, status: "skipped", message };
}

function unreachable(deps: TokenStoreDeps, label: MessageKey, error: unknown): HealthCheck {
  if (!(error instanceof TeamViewerError) && !(error instanceof TeamViewerReconnectRequiredError))
    throw error;
  deps.logger.warn({ err: error }, "a TeamViewer health probe failed");
  return {
    label,
    status: "problem",
    message: "tv.health.problem.unreachable",
    params: { detail: error.message },
  };
}

/**
 * Builds `@attendant/teamviewer` clients for an app registration, in one place so every call
 * shares the same fetch (the simulator's in tests), clock, logger and plain-http rule.
 */
import { type AccessTokenProvider, TeamViewerClient, TeamViewerOAuth } from "@attendant/teamviewer";
import type { AppDeps } from "../http/app-deps.js";
import { needsInsecureRequests } from "./app-endpoints.js";
import type { TeamViewerAppSettings } from "./teamviewer-app-settings.js";

export type ClientDeps = Pick<AppDeps, "clock" | "logger" | "teamViewerFetch" | "teamViewerTiming">;

/**
 * Token calls run while a row lock is held (token-store.ts) and inside a user's page load, so
 * they get a deadline well below the client's 30 s default.
 */
const oauthTimeoutMs = 15_000;

export function buildOAuth(deps: ClientDeps, app: TeamViewerAppSettings): TeamViewerOAuth {
  return new TeamViewerOAuth({
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    redirectUri: app.redirectUri,
    authorizeUrl: app.authorizeUrl,
    baseUrl: app.apiBaseUrl,
    fetch: deps.teamViewerFetch,
    timeoutMs: oauthTimeoutMs,
    allowInsecureRequests: needsInsecureRequests(app),
    logger: deps.logger,
    now: () => deps.clock.now().getTime(),
  });
}

export function buildApiClient(
  deps: ClientDeps,
  app: TeamViewerAppSettings,
  accessToken: string | AccessTokenProvider,
): TeamViewerClient {
  return new TeamViewerClient({
    accessToken,
    baseUrl: app.apiBaseUrl,
    fetch: deps.teamViewerFetch,
    allowInsecureRequests: needsInsecureRequests(app),
    logger: deps.logger,
    now: () => deps.clock.now().getTime(),
    timeoutMs: deps.teamViewerTiming?.timeoutMs,
    sleep: deps.teamViewerTiming?.sleep,
  });
}

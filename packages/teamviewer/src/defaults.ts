/**
 * The TeamViewer Web API (docs/teamviewer-api.md, "Conventions on the wire").
 *
 * @example
 * ```ts
 * new TeamViewerClient({ accessToken, baseUrl: DEFAULT_BASE_URL });
 * ```
 */
export const DEFAULT_BASE_URL = "https://webapi.teamviewer.com/api/v1";

/** Long enough for a 1000-record report page on a slow link, short enough to notice a hung call. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Identifies this client to TeamViewer, which helps their support read their logs. */
export const DEFAULT_USER_AGENT = "attendant-teamviewer";

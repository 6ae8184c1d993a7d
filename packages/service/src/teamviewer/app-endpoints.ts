/**
 * Where an organisation's TeamViewer app lives: defaults from docs/teamviewer-api.md §1 and the one
 * rule about plain http (tokens and secrets travel on these calls): https always, except for a
 * loopback host (the simulator), and then the client is told so with `allowInsecureRequests`.
 */
import { DEFAULT_AUTHORIZE_URL, DEFAULT_BASE_URL } from "@attendant/teamviewer";

export const defaultAuthorizeUrl = DEFAULT_AUTHORIZE_URL;
export const defaultApiBaseUrl = DEFAULT_BASE_URL;

/** The service's OAuth callback route, below the public URL. */
export const callbackPath = "/teamviewer/callback";

/** The redirect URI to register in the Management Console: `<publicUrl>/teamviewer/callback`. */
export function defaultRedirectUri(publicUrl: string): string {
  return `${publicUrl}${callbackPath}`;
}

/** The endpoint fields of an app registration. */
export interface AppEndpoints {
  redirectUri: string;
  authorizeUrl: string;
  apiBaseUrl: string;
}

export function isLoopbackHost(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare);
}

/** True for an http(s) URL that may be used: https, or http to a loopback host. */
export function isAllowedEndpoint(url: URL): boolean {
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname));
}

/** Whether the TeamViewer client must be allowed plain http (only ever to loopback, see above). */
export function needsInsecureRequests(endpoints: Pick<AppEndpoints, "authorizeUrl" | "apiBaseUrl">): boolean {
  return [endpoints.authorizeUrl, endpoints.apiBaseUrl].some((url) => new URL(url).protocol === "http:");
}

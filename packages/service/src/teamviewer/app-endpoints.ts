/**
 * Where an organisation's TeamViewer app lives: defaults from docs/teamviewer-api.md §1 and the one
 * rule about plain http (tokens and secrets travel on these calls): https always, except for a
 * loopback host (the simulator), and then the client is told so with `allowInsecureRequests`.
 */
import { DEFAULT_AUTHORIZE_URL, DEFAULT_BASE_URL } from "@attendant/teamviewer";
import { isLoopbackHost } from "../http/loopback-host.js";

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

/** True for an http(s) URL that may be used: https, or http to a loopback host. */
export function isAllowedEndpoint(url: URL): boolean {
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname));
}

/** True when every address of the app may be used (see {@link isAllowedEndpoint}). */
export function hasAllowedEndpoints(endpoints: AppEndpoints): boolean {
  return [endpoints.redirectUri, endpoints.authorizeUrl, endpoints.apiBaseUrl].every(
    (url) => URL.canParse(url) && isAllowedEndpoint(new URL(url)),
  );
}

/** Whether any address of the app is plain http (only ever to loopback; the settings page warns). */
export function usesPlainHttp(endpoints: AppEndpoints): boolean {
  return [endpoints.redirectUri, endpoints.authorizeUrl, endpoints.apiBaseUrl].some(
    (url) => URL.canParse(url) && new URL(url).protocol === "http:",
  );
}

/**
 * Whether the TeamViewer client may use plain http: only when every plain-http address it calls
 * is on loopback. The settings form stores nothing else, but a row saved before that rule or
 * edited in the database could name another host; then the client is not allowed plain http,
 * refuses the address, and the client secret and tokens are never sent in clear.
 */
export function needsInsecureRequests(endpoints: Pick<AppEndpoints, "authorizeUrl" | "apiBaseUrl">): boolean {
  const plain = [endpoints.authorizeUrl, endpoints.apiBaseUrl]
    .map((url) => new URL(url))
    .filter((url) => url.protocol === "http:");
  return plain.length > 0 && plain.every((url) => isLoopbackHost(url.hostname));
}

/**
 * The host names this service answers to and the one origin its forms come from (ADR 0018):
 * the host of ATTENDANT_PUBLIC_URL, plus loopback names in demo mode or when the public URL is
 * itself on loopback (the default). A DNS rebinding attack makes a browser send our address a
 * request naming the attacker's host, so refusing every other host name keeps such a page away
 * from every route, `/setup` of an unconfigured installation included. Loopback names are safe
 * to add: a rebound request always names the attacker's host, never a loopback one.
 */
import { isLoopbackHost } from "./loopback-host.js";

export interface PublicHost {
  /** The configured public URL, e.g. `https://support.example.com`. */
  url: string;
  /** Its origin, the only one the CSRF check trusts besides a loopback page's own. */
  origin: string;
  hostname: string;
  servesLoopback: boolean;
}

export function describePublicHost(publicUrl: string, options: { isDemoMode: boolean }): PublicHost {
  const { origin, hostname } = new URL(publicUrl);
  return { url: publicUrl, origin, hostname, servesLoopback: options.isDemoMode || isLoopbackHost(hostname) };
}

/**
 * Whether a request for `requestUrl` (its host taken from the Host header) is ours. The port is
 * not compared: a proxy may forward to another port, and a rebinding attacker controls the
 * name, not our port.
 */
export function isServedHost(publicHost: PublicHost, requestUrl: URL): boolean {
  return (
    requestUrl.hostname === publicHost.hostname ||
    (publicHost.servesLoopback && isLoopbackHost(requestUrl.hostname))
  );
}

/**
 * Whether a form may come from `origin` (the request's `Origin` header): the public origin, or,
 * where loopback names are served, the loopback page the request was sent to.
 */
export function isTrustedOrigin(publicHost: PublicHost, origin: string, requestUrl: URL): boolean {
  if (origin === publicHost.origin) return true;
  return publicHost.servesLoopback && isLoopbackHost(requestUrl.hostname) && origin === requestUrl.origin;
}

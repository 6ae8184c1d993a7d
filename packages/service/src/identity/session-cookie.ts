/**
 * The session cookie's name and attributes, decided by the public URL.
 *
 * `__Host-` (https://www.rfc-editor.org/rfc/rfc6265bis §4.1.3.2) pins the cookie to our exact
 * host with Path=/ and Secure, so a sibling subdomain cannot plant or overwrite it. It needs
 * Secure, which browsers honour on https and also on http://localhost / 127.0.0.1 (treated as
 * secure contexts); on any other plain-http address the prefix would make the browser drop the
 * cookie, so there we fall back to a plain name.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

export interface CookiePolicy {
  /** Whether cookies carry the `__Host-` prefix (and therefore Secure). */
  isHostPrefixed: boolean;
}

export function cookiePolicyFor(publicUrl: string): CookiePolicy {
  const url = new URL(publicUrl);
  return { isHostPrefixed: url.protocol === "https:" || loopbackHosts.has(url.hostname) };
}

/** The full cookie name as the browser sends it, e.g. `__Host-attendant_session`. */
export function cookieName(policy: CookiePolicy, name: string): string {
  return policy.isHostPrefixed ? `__Host-${name}` : name;
}

export function readCookie(c: Context, policy: CookiePolicy, name: string): string | undefined {
  return getCookie(c, cookieName(policy, name));
}

/**
 * HttpOnly, SameSite=Lax (top-level links from e-mails still arrive signed in), Path=/. The
 * operator's cookie is Strict: nothing links into /operator from elsewhere.
 */
export function writeCookie(
  c: Context,
  policy: CookiePolicy,
  name: string,
  value: string,
  options: { maxAgeSeconds?: number; sameSite?: "Lax" | "Strict" } = {},
): void {
  setCookie(c, name, value, {
    httpOnly: true,
    sameSite: options.sameSite ?? "Lax",
    path: "/",
    ...(policy.isHostPrefixed ? { prefix: "host" as const } : {}),
    ...(options.maxAgeSeconds === undefined ? {} : { maxAge: options.maxAgeSeconds }),
  });
}

export function removeCookie(
  c: Context,
  policy: CookiePolicy,
  name: string,
  options: { sameSite?: "Lax" | "Strict" } = {},
): void {
  deleteCookie(c, name, {
    httpOnly: true,
    sameSite: options.sameSite ?? "Lax",
    path: "/",
    ...(policy.isHostPrefixed ? { prefix: "host" as const } : {}),
  });
}

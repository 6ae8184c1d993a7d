/**
 * The caller's IP address for the audit log, the login throttle and the join page's guess
 * limit. By default it is the TCP peer as Node saw it: forwarded-for headers are not trusted,
 * because any client can send them.
 *
 * Behind reverse proxies or load balancers (ATTENDANT_TRUSTED_PROXIES), every request would
 * otherwise show the proxy's address, and one attacker could throttle everybody's sign-in. There
 * the `X-Forwarded-For` chain is read from the right — the entries our own proxies appended — and
 * the first address that is not one of them is the client. Anything left of it was written by
 * the client and is ignored, so a forged header cannot choose the address.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/app-deps.js";
import { isInNetwork, type Network, parseIpAddress } from "../webhooks/network-address.js";

/** Sets `clientAddress` for every request; `trustedProxies` from the configuration. */
export function clientAddress(options: { trustedProxies: readonly Network[] }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set(
      "clientAddress",
      resolveClientAddress(peerAddressOf(c), c.req.header("x-forwarded-for"), options.trustedProxies),
    );
    await next();
  };
}

/** The address the `clientAddress` middleware resolved for this request. */
export function clientAddressOf(c: Context): string | null {
  return (c.get("clientAddress") as string | null | undefined) ?? null;
}

/**
 * The client's address given the TCP peer and the `X-Forwarded-For` header: the peer itself
 * unless it is a trusted proxy, else the right-most forwarded address that is not a trusted
 * proxy (or the left-most one when every entry is trusted).
 */
export function resolveClientAddress(
  peer: string | null,
  forwardedFor: string | undefined,
  trustedProxies: readonly Network[],
): string | null {
  const isTrusted = (address: string) => {
    const parsed = parseIpAddress(address);
    return parsed !== undefined && trustedProxies.some((network) => isInNetwork(parsed, network));
  };
  if (peer === null || forwardedFor === undefined || !isTrusted(peer)) return peer;
  const chain = forwardedFor
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  for (let index = chain.length - 1; index >= 0; index--) {
    const address = chain[index] as string;
    // A malformed entry cannot be checked against the trusted networks: stop at the proxy.
    if (parseIpAddress(address) === undefined) return peer;
    if (!isTrusted(address) || index === 0) return address;
  }
  return peer;
}

function peerAddressOf(c: Context): string | null {
  // In-process test requests (app.request) have no socket.
  if (c.env === undefined || c.env === null) return null;
  return getConnInfo(c).remote.address ?? null;
}

/**
 * The caller's IP address for the audit log and the login throttle: the TCP peer as Node saw
 * it. Forwarded-for headers are not trusted, because any client can send them; behind a reverse
 * proxy every request therefore shows the proxy's address.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

export function clientAddressOf(c: Context): string | null {
  // In-process test requests (app.request) have no socket.
  if (c.env === undefined || c.env === null) return null;
  return getConnInfo(c).remote.address ?? null;
}

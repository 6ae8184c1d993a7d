/**
 * Refuses every request for a host name this service does not answer to (src/http/public-host.ts,
 * ADR 0018) with 421 Misdirected Request (RFC 9110 §15.5.20), before any route or session work.
 * The health probes are mounted before this check: load balancers often probe an instance by
 * its address, and the probes reveal nothing.
 */
import type { Context, MiddlewareHandler } from "hono";
import { isApiPath } from "./api-path.js";
import type { AppEnv } from "./app-deps.js";
import { problemResponse } from "./problem.js";
import { isServedHost, type PublicHost } from "./public-host.js";

export interface HostCheckOptions {
  publicHost: PublicHost;
  /** The web page (421, in the reader's language) for everything outside /api/. */
  renderPage: (c: Context<AppEnv>, publicUrl: string) => Response | Promise<Response>;
}

export function refuseOtherHosts(options: HostCheckOptions): MiddlewareHandler<AppEnv> {
  const { publicHost } = options;
  return async (c, next) => {
    const requestUrl = new URL(c.req.url);
    if (isServedHost(publicHost, requestUrl)) return next();
    c.get("logger").warn({ host: requestUrl.host }, "refused a request for another host");
    if (!isApiPath(c.req.path)) return options.renderPage(c, publicHost.url);
    return problemResponse(c, 421, {
      detail: `This Attendant answers only at ${publicHost.url}; send the request there. If that address is wrong, set ATTENDANT_PUBLIC_URL to the address clients use.`,
      extensions: { code: "wrong-host" },
    });
  };
}

/**
 * Caps request bodies. Hono's `bodyLimit` first touches `c.req.raw.body`, which makes
 * @hono/node-server build a full web `Request` for every request, GETs included: +0.7–0.9 ms per
 * session create in the benchmark. So the length a client declares is checked here, and only a
 * body without one (chunked) goes through Hono's middleware, which counts it as it streams in.
 */
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "./app-deps.js";

export interface RequestBodyLimit {
  maxBytes: number;
  refuse: (c: Context<AppEnv>) => Response | Promise<Response>;
}

export function limitRequestBody(limit: RequestBodyLimit): MiddlewareHandler<AppEnv> {
  const countWhileStreaming = bodyLimit({ maxSize: limit.maxBytes, onError: limit.refuse });
  return async (c, next) => {
    // Nothing here reads the body of a GET or HEAD.
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const declared = c.req.header("content-length");
    if (declared !== undefined && c.req.header("transfer-encoding") === undefined) {
      return Number(declared) > limit.maxBytes ? limit.refuse(c) : next();
    }
    return countWhileStreaming(c, next);
  };
}

/**
 * `Idempotency-Key` on POST (draft-ietf-httpapi-idempotency-key-header):
 * - the first request with a key claims it; a successful (2xx) answer is kept 24 h and replayed
 *   to every repeat, with `Idempotent-Replayed: true`;
 * - the same key with another request (method, path or body) → 422;
 * - a repeat while the first is still running → 409;
 * - a failed first request releases the key, so the client may retry with it: failures create
 *   nothing (see createSupportSession), so a retry cannot create twice either.
 * Keys belong to one API key: two platforms never share a key space.
 */
import { createHash, randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
} from "../db/repositories/idempotency-keys.js";
import { problemResponse } from "../http/problem.js";
import type { SessionDeps } from "../sessions/session-deps.js";
import type { ApiEnv } from "./api-env.js";

export const idempotencyKeyLifetimeMs = 24 * 3600 * 1000;
/** A claim this old belongs to a request that died with its process; the key is free again. */
export const abandonedClaimMs = 10 * 60_000;
const keyPattern = /^[\x21-\x7e]{1,255}$/;

export function idempotentPost(
  deps: Pick<SessionDeps, "database" | "vault" | "clock">,
): MiddlewareHandler<ApiEnv> {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (key === undefined || c.req.method !== "POST") return next();
    if (!keyPattern.test(key)) {
      return problemResponse(c, 400, {
        detail: "Idempotency-Key must be 1–255 visible ASCII characters.",
        extensions: {
          code: "invalid-request",
          errors: [{ in: "header", field: "Idempotency-Key", message: "malformed" }],
        },
      });
    }
    const { organisationId } = c.get("apiPrincipal").actor;
    const now = deps.clock.now();
    const id = randomUUID();
    const fingerprint = fingerprintOf(c.req.method, c.req.path, await c.req.text());
    const outcome = await claimIdempotencyKey(deps.database.db, deps.vault, {
      id,
      organisationId,
      callerId: `api-key:${c.get("apiPrincipal").apiKeyId}`,
      key,
      requestFingerprint: fingerprint,
      now,
      expiresAt: new Date(now.getTime() + idempotencyKeyLifetimeMs),
      abandonedBefore: new Date(now.getTime() - abandonedClaimMs),
    });
    if (outcome.kind === "taken") {
      const { record } = outcome;
      if (record.requestFingerprint !== fingerprint) {
        return problemResponse(c, 422, {
          detail: "This Idempotency-Key was already used for a different request. Use a new key.",
          extensions: { code: "idempotency-key-reused" },
        });
      }
      if (record.response === undefined) {
        return problemResponse(c, 409, {
          detail: "A request with this Idempotency-Key is still being processed. Retry in a moment.",
          extensions: { code: "idempotency-key-in-use" },
        });
      }
      c.header("Idempotent-Replayed", "true");
      return c.body(record.response.body, record.response.status as 200, {
        "Content-Type": record.response.contentType,
      });
    }
    try {
      await next();
    } finally {
      await settle(deps, id, c.res);
    }
  });
}

async function settle(
  deps: Pick<SessionDeps, "database" | "vault">,
  id: string,
  response: Response | undefined,
) {
  if (response !== undefined && response.status >= 200 && response.status < 300) {
    await completeIdempotencyKey(deps.database.db, deps.vault, id, {
      status: response.status,
      contentType: response.headers.get("content-type") ?? "application/json",
      body: await response.clone().text(),
    });
  } else {
    await releaseIdempotencyKey(deps.database.db, id);
  }
}

/** Method, path and body; a JSON body is compared by content, not by spacing or key order. */
export function fingerprintOf(method: string, path: string, body: string): string {
  return createHash("sha256")
    .update(`${method} ${path}\n${canonicalBody(body)}`, "utf8")
    .digest("hex");
}

function canonicalBody(body: string): string {
  try {
    return JSON.stringify(sortKeys(JSON.parse(body)));
  } catch {
    return body;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}

/**
 * `Idempotency-Key` on POST (draft-ietf-httpapi-idempotency-key-header):
 * - the first request with a key claims it; a successful (2xx) answer is kept 24 h and replayed
 *   to every repeat, with `Idempotent-Replayed: true`;
 * - the same key with another request (method, path or body) → 422;
 * - a repeat while the first is still running → 409, with `Retry-After`;
 * - a first request refused (4xx) releases the key, so the client may retry with it: a refusal
 *   creates nothing (see createSupportSession);
 * - a first request that died (its process killed) or failed in a way that may have left
 *   something behind (5xx) is not re-run blindly: its claim carries a short lease the owner
 *   renews while it works, and once the lease lapsed the next repeat resumes the claim with its
 *   correlation id, so the route can look for what the first attempt made and adopt it
 *   (ADR 0020). The id of the claim is that correlation id.
 * Keys belong to one API key: two platforms never share a key space.
 */
import { createHash, randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import {
  abandonIdempotencyClaim,
  claimIdempotencyKey,
  completeIdempotencyKey,
  type IdempotencyRecord,
  isClaimAbandoned,
  releaseIdempotencyKey,
  renewIdempotencyClaims,
  resumeIdempotencyClaim,
} from "../db/repositories/idempotency-keys.js";
import { problemResponse } from "../http/problem.js";
import type { SessionDeps } from "../sessions/session-deps.js";
import type { ApiEnv } from "./api-env.js";

export const idempotencyKeyLifetimeMs = 24 * 3600 * 1000;
/**
 * How long an in-flight claim outlives its owner's last sign of life: after a crash, repeats
 * answer 409 for at most this long (on PostgreSQL; on PGlite a restart ends the dead process's
 * leases at once, src/db/release-dead-leases.ts). The owner renews it three times as often.
 */
export const claimLeaseMs = 15_000;
const keyPattern = /^[\x21-\x7e]{1,255}$/;

type IdempotencyDeps = Pick<SessionDeps, "database" | "vault" | "clock" | "logger">;

export function idempotentPost(deps: IdempotencyDeps): MiddlewareHandler<ApiEnv> {
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
      leaseExpiresAt: new Date(now.getTime() + claimLeaseMs),
    });
    let claim: { correlationId: string; isResumed: boolean } = { correlationId: id, isResumed: false };
    if (outcome.kind === "taken") {
      const { record } = outcome;
      if (record.requestFingerprint !== fingerprint) {
        return problemResponse(c, 422, {
          detail: "This Idempotency-Key was already used for a different request. Use a new key.",
          extensions: { code: "idempotency-key-reused" },
        });
      }
      if (record.response !== undefined) {
        c.header("Idempotent-Replayed", "true");
        return c.body(record.response.body, record.response.status as 200, {
          "Content-Type": record.response.contentType,
        });
      }
      if (!(await resumeIfAbandoned(deps, record))) {
        c.header("Retry-After", String(secondsUntilLeaseEnds(record, deps.clock.now())));
        return problemResponse(c, 409, {
          detail: "A request with this Idempotency-Key is still being processed. Retry in a moment.",
          extensions: { code: "idempotency-key-in-use" },
        });
      }
      claim = { correlationId: record.id, isResumed: true };
    }
    c.set("idempotencyClaim", claim);
    const renewal = setInterval(() => {
      renewIdempotencyClaims(
        deps.database.db,
        [claim.correlationId],
        new Date(deps.clock.now().getTime() + claimLeaseMs),
      ).catch((error: unknown) =>
        deps.logger.warn({ err: error }, "could not renew an Idempotency-Key claim"),
      );
    }, claimLeaseMs / 3);
    renewal.unref();
    try {
      await next();
    } finally {
      clearInterval(renewal);
      await settle(deps, claim.correlationId, c.res);
    }
  });
}

/** Takes over a claim whose owner is gone; false while it is alive (or another repeat won). */
async function resumeIfAbandoned(deps: IdempotencyDeps, record: IdempotencyRecord): Promise<boolean> {
  const now = deps.clock.now();
  if (!isClaimAbandoned(record, now)) return false;
  return resumeIdempotencyClaim(deps.database.db, {
    id: record.id,
    now,
    leaseExpiresAt: new Date(now.getTime() + claimLeaseMs),
  });
}

function secondsUntilLeaseEnds(record: IdempotencyRecord, now: Date): number {
  const remainingMs = (record.leaseExpiresAt?.getTime() ?? now.getTime()) - now.getTime();
  return Math.max(1, Math.ceil(remainingMs / 1000));
}

async function settle(deps: IdempotencyDeps, id: string, response: Response | undefined) {
  const status = response?.status ?? 500;
  if (response !== undefined && status >= 200 && status < 300) {
    await completeIdempotencyKey(deps.database.db, deps.vault, id, {
      status,
      contentType: response.headers.get("content-type") ?? "application/json",
      body: await response.clone().text(),
    });
  } else if (status >= 500) {
    await abandonIdempotencyClaim(deps.database.db, id);
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

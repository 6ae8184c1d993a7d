/**
 * The OpenAPI 3.1 document of `/api/v1` (issue 7, "REST API"), generated from the zod schemas
 * the routes validate with, so it cannot drift from what the API accepts. Served without an API
 * key at `/api/v1/openapi.json` and rendered for people at `/api/v1/reference`.
 *
 * Operations are grouped by the first segment of their path (`/api/v1/sessions/…` → Sessions),
 * so a route added later lands in the right group without touching this file.
 */
import { createRequire } from "node:module";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../http/app-deps.js";
import { requiredScopeOf } from "./api-auth.js";
import type { ApiEnv } from "./api-env.js";

/** The document as served: plain JSON. */
export type OpenApiDocument = ReturnType<OpenAPIHono<ApiEnv>["getOpenAPI31Document"]>;

export interface DocumentOptions {
  publicUrl: string;
  basePath: string;
  /** Another API's title and introduction (the operator's); the REST API's by default. */
  about?: { title: string; description: string };
  /** The security scheme every operation needs, as registered on the API; `apiKey` by default. */
  securityScheme?: string;
}

interface TagInfo {
  name: string;
  description: string;
}

/** Tags by the path segment after `/api/v1/`, in the order the reference page shows them. */
const tagsBySegment: Record<string, TagInfo> = {
  sessions: {
    name: "Sessions",
    description:
      "Support sessions: TeamViewer service cases created for a ticket. Create one, send the end customer its link, follow its status and close it.",
  },
  tickets: {
    name: "Tickets",
    description: "A helpdesk ticket's support sessions, and telling Attendant that the ticket is closed.",
  },
  reports: {
    name: "Reports",
    description:
      "TeamViewer connection reports matched to tickets: list, filter, export, notes and billing write-back.",
  },
  webhooks: {
    name: "Webhooks",
    description:
      "Endpoints that receive signed event notifications (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature), and their delivery attempts. Event types, payloads, retries and a complete receiver that verifies signatures with verifyWebhook() from @attendant/webhooks: docs/webhooks.md in the Attendant source tree.",
  },
  users: {
    name: "Users",
    description:
      "The organisation's users and their TeamViewer connection status, with a link that leads a user to connect their account.",
  },
  organisations: {
    name: "Organisations",
    description:
      "The installation's organisations (tenants), for its operator: list with their numbers of users and sessions, create with a first admin, rename, disable, enable.",
  },
  organisation: {
    name: "Organisation",
    description: "The organisation's health: TeamViewer app, script token, connections and report sync.",
  },
  "openapi.json": {
    name: "Documentation",
    description: "This document and its reference page; no API key needed.",
  },
  reference: {
    name: "Documentation",
    description: "This document and its reference page; no API key needed.",
  },
};

const fallbackTag: TagInfo = { name: "Other", description: "Further operations." };

const description = `The REST API of Attendant, attended remote support through TeamViewer.

**Authentication.** Every request sends an API key as \`Authorization: Bearer atd_<prefix>_<secret>\`.
Admins create keys on the *API keys* page or with \`attendant api-keys create\`; a key is shown once.
A key acts for the whole organisation or on behalf of one user, and carries scopes such as
\`sessions:write\`; a request without the scope an operation needs is answered 403. A key of an
organisation the operator has disabled is answered 403 with the code \`organisation-disabled\`.

**Errors.** Every error is \`application/problem+json\` (RFC 9457) with \`requestId\`; quote it when
reporting a problem. Invalid input is 400 with \`errors\` listing each bad field. No text may
contain U+0000 (NUL, \`%00\` in a URL): it cannot be stored, so such a request is 400 wherever it
is. A body over 1 MiB is refused with 413.

**Rate limit.** Each key may send a limited number of requests per minute (shared by every
instance). Responses carry \`RateLimit-Limit\`, \`RateLimit-Remaining\` and \`RateLimit-Reset\`; past
the limit the answer is 429 with \`Retry-After\` in seconds.

**Retries.** POST requests accept an \`Idempotency-Key\` header: a repeat returns the first answer.`;

const packageVersion = (() => {
  // src/api/ and dist/api/ are both two folders below the package root.
  const manifest = createRequire(import.meta.url)("../../package.json") as { version: string };
  return manifest.version;
})();

export function tagOf(path: string, basePath: string): TagInfo {
  const segment = path.slice(basePath.length).split("/")[1] ?? "";
  return tagsBySegment[segment] ?? fallbackTag;
}

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export function buildOpenApiDocument<E extends AppEnv>(
  api: OpenAPIHono<E>,
  options: DocumentOptions,
): OpenApiDocument {
  const about = options.about ?? { title: "Attendant API", description };
  const document = api.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: about.title,
      version: packageVersion,
      description: about.description,
      license: { name: "Apache-2.0", url: "https://www.apache.org/licenses/LICENSE-2.0" },
    },
    servers: [{ url: options.publicUrl, description: "This Attendant" }],
    security: [{ [options.securityScheme ?? "apiKey"]: [] }],
  });
  const scopes = scopesByRoute(api);
  const used = new Map<string, TagInfo>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of methods) {
      const operation = item[method];
      if (operation === undefined) continue;
      if (operation.tags === undefined || operation.tags.length === 0) {
        operation.tags = [tagOf(path, options.basePath).name];
      }
      operation.operationId ??= operationIdOf(method, path, options.basePath);
      const scope = scopes.get(`${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ":$1")}`);
      if (scope !== undefined && operation.security === undefined) {
        // OpenAPI 3.1 lets a non-OAuth requirement list the roles it needs: here, the key's scope.
        operation.security = [{ apiKey: [scope] }];
        operation.description = [operation.description, `Needs an API key with the scope \`${scope}\`.`]
          .filter(Boolean)
          .join("\n\n");
      }
      for (const tag of operation.tags) {
        used.set(
          tag,
          Object.values(tagsBySegment).find((info) => info.name === tag) ?? { ...fallbackTag, name: tag },
        );
      }
    }
  }
  const order = [...new Set([...Object.values(tagsBySegment).map((info) => info.name), fallbackTag.name])];
  document.tags = [...used.values()].sort((a, b) => rank(order, a.name) - rank(order, b.name));
  return document;
}

/** `GET /api/v1/sessions/:id` → the scope its `requireScope` middleware demands. */
function scopesByRoute<E extends AppEnv>(api: OpenAPIHono<E>): Map<string, string> {
  const scopes = new Map<string, string>();
  for (const route of api.routes) {
    const scope = requiredScopeOf(route.handler);
    if (scope !== undefined) scopes.set(`${route.method} ${route.path}`, scope);
  }
  return scopes;
}

function rank(order: string[], name: string): number {
  const index = order.indexOf(name);
  return index === -1 ? order.length : index;
}

/** `post /api/v1/sessions/{id}/close` → `postSessionsIdClose`: stable, unique per operation. */
function operationIdOf(method: string, path: string, basePath: string): string {
  const words = path
    .slice(basePath.length)
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== "")
    .map((word) => word[0]?.toUpperCase() + word.slice(1));
  return `${method}${words.join("")}`;
}

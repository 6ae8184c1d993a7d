/**
 * Contract tests driven by the OpenAPI document: every documented operation is called with a
 * valid request and with invalid input, and each answer must have a documented status and match
 * the documented schema. Operations added later are covered without touching this file; those
 * listed in `mustSucceed` must also answer 2xx to the valid request.
 */

import { describe, expect, it } from "vitest";
import { sampleOf } from "../../../src/api/openapi-schema-walk.js";
import { apiKeyScopes } from "../../../src/db/schema.js";
import { usePgliteEngine } from "../../support/engines.js";
import { createSessionHarness, type SessionHarness, sampleTicket } from "../sessions/session-harness.js";
import {
  createContractChecker,
  type DocumentedOperation,
  type OpenApiShape,
  operationsOf,
} from "./openapi-contract.js";

const keyOf = (entry: DocumentedOperation) => `${entry.method.toUpperCase()} ${entry.path}`;

/** Operations whose valid request below must succeed; others must at least keep the contract. */
const mustSucceed = new Set([
  "GET /api/v1/openapi.json",
  "GET /api/v1/reference",
  "POST /api/v1/sessions",
  "GET /api/v1/sessions",
  "GET /api/v1/sessions/{id}",
  "PATCH /api/v1/sessions/{id}",
  "POST /api/v1/sessions/{id}/close",
  "POST /api/v1/sessions/{id}/join-address",
  "POST /api/v1/sessions/{id}/invitations",
  "GET /api/v1/sessions/{id}/invitations",
  "GET /api/v1/tickets/{externalId}/sessions",
  "POST /api/v1/tickets/{externalId}/close",
  "GET /api/v1/users",
  "GET /api/v1/users/{id}/teamviewer",
  "GET /api/v1/organisation/health",
]);

/** Request bodies the schema's own examples cannot make up (references to real things). */
function bodiesFor(fixture: Fixture): Record<string, unknown> {
  return {
    "POST /api/v1/sessions": {
      ticket: sampleTicket,
      group: { name: "Helpdesk" },
      description: "Outlook does not start",
    },
    "PATCH /api/v1/sessions/{id}": { waitingMessage: "One minute, please" },
    "POST /api/v1/tickets/{externalId}/close": { closeOpenSessions: true },
    "PATCH /api/v1/users/{id}": { name: fixture.supporterId },
  };
}

interface Fixture {
  h: SessionHarness;
  key: string;
  sessionId: string;
  supporterId: string;
}

/** Path values by parameter name and path; the session id unless the path names users. */
function pathValue(fixture: Fixture, path: string, name: string): string {
  if (name === "externalId") return sampleTicket.externalId;
  if (path.includes("/users/")) return fixture.supporterId;
  if (path.includes("/sessions/")) return fixture.sessionId;
  return "00000000-0000-4000-8000-000000000000";
}

function urlOf(fixture: Fixture, document: OpenApiShape, entry: DocumentedOperation): string {
  let path = entry.path;
  const query = new URLSearchParams();
  for (const parameter of entry.operation.parameters ?? []) {
    if (parameter.in === "path") {
      path = path.replace(
        `{${parameter.name}}`,
        encodeURIComponent(pathValue(fixture, entry.path, parameter.name)),
      );
    } else if (parameter.in === "query" && parameter.required === true && parameter.schema !== undefined) {
      query.set(parameter.name, String(sampleOf(document, parameter.schema)));
    }
  }
  return query.size === 0 ? path : `${path}?${query}`;
}

function bodyOf(fixture: Fixture, document: OpenApiShape, entry: DocumentedOperation): unknown {
  const schema = entry.operation.requestBody?.content?.["application/json"]?.schema;
  if (schema === undefined) return undefined;
  return bodiesFor(fixture)[keyOf(entry)] ?? sampleOf(document, schema);
}

/** Reads run before writes, and closing or deleting comes last, so each finds its target. */
function orderOf(entry: DocumentedOperation): number {
  if (entry.method === "delete" || entry.path.endsWith("/close"))
    return entry.path.includes("tickets") ? 4 : 3;
  return { get: 0, post: 1, put: 2, patch: 2, delete: 3 }[entry.method];
}

async function setUp(engine: ReturnType<typeof usePgliteEngine>) {
  // A mail server that accepts everything, so invitations are sent rather than refused as mail-off.
  const h = await createSessionHarness(engine, { mailer: { send: async () => undefined } });
  const admin = await h.addUser("admin", { teamViewerUserid: "u7005" });
  const supporter = await h.addUser("supporter", { teamViewerUserid: "u7006" });
  const key = await h.createKey(admin, [...apiKeyScopes]);
  const created = await h.api("POST", "/api/v1/sessions", {
    key,
    json: { ticket: sampleTicket, group: { name: "Helpdesk" } },
  });
  expect(created.status).toBe(201);
  const sessionId = ((await created.json()) as { id: string }).id;
  const document = (await (await h.api("GET", "/api/v1/openapi.json")).json()) as OpenApiShape;
  return { fixture: { h, key, sessionId, supporterId: supporter.id }, document };
}

describe("contract: every documented operation answers as documented", () => {
  const engine = usePgliteEngine();

  it("answers valid requests with a documented status and body (2xx for the operations that must succeed)", async () => {
    const { fixture, document } = await setUp(engine);
    const checker = createContractChecker(document);
    const problems: string[] = [];
    const operations = operationsOf(document).sort((a, b) => orderOf(a) - orderOf(b));
    for (const entry of operations) {
      const json = bodyOf(fixture, document, entry);
      const response = await fixture.h.api(entry.method.toUpperCase(), urlOf(fixture, document, entry), {
        key: fixture.key,
        ...(json === undefined ? {} : { json }),
      });
      problems.push(...(await checker.problemsWith(entry, response)));
      if (mustSucceed.has(keyOf(entry)) && (response.status < 200 || response.status > 299)) {
        problems.push(`${keyOf(entry)} → ${response.status}: ${await response.text()}`);
      }
    }
    expect(problems).toEqual([]);
    // The list above is not stale: each of its operations is in the document.
    expect([...mustSucceed].filter((key) => !operations.some((entry) => keyOf(entry) === key))).toEqual([]);
  });

  it("answers invalid input with a documented 4xx problem+json that names the request id", async () => {
    const { fixture, document } = await setUp(engine);
    const checker = createContractChecker(document);
    const problems: string[] = [];
    let checked = 0;
    for (const entry of operationsOf(document)) {
      const invalid = invalidRequestOf(fixture, document, entry);
      if (invalid === undefined) continue;
      checked += 1;
      const response = await fixture.h.api(entry.method.toUpperCase(), invalid.url, {
        key: fixture.key,
        ...(invalid.json === undefined ? {} : { json: invalid.json }),
      });
      problems.push(...(await checker.problemsWith(entry, response)));
      if (response.status !== 400)
        problems.push(`${keyOf(entry)} (${invalid.what}) → ${response.status}, expected 400`);
      else {
        expect(response.headers.get("content-type")).toBe("application/problem+json");
        const problem = (await response.json()) as { requestId: string; errors: unknown[] };
        expect(problem.requestId).toEqual(expect.any(String));
        expect(problem.errors.length).toBeGreaterThan(0);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(5);
  });

  it("answers every operation that needs a key with a documented 401 problem without one", async () => {
    const { fixture, document } = await setUp(engine);
    const checker = createContractChecker(document);
    const problems: string[] = [];
    for (const entry of operationsOf(document)) {
      const isPublic = entry.operation.security !== undefined && entry.operation.security.length === 0;
      const response = await fixture.h.api(entry.method.toUpperCase(), urlOf(fixture, document, entry));
      if (isPublic) {
        expect(response.status, keyOf(entry)).toBe(200);
        continue;
      }
      expect(response.status, keyOf(entry)).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
      problems.push(...(await checker.problemsWith(entry, response)));
    }
    expect(problems).toEqual([]);
  });
});

/**
 * Input the document says is invalid: an unknown body field or a body missing its required
 * fields, otherwise a malformed path or query value. Undefined when the operation takes none.
 */
function invalidRequestOf(
  fixture: Fixture,
  document: OpenApiShape,
  entry: DocumentedOperation,
): { url: string; json?: unknown; what: string } | undefined {
  const url = urlOf(fixture, document, entry);
  if (entry.operation.requestBody?.content?.["application/json"] !== undefined) {
    return { url, json: { unexpectedField: "?" }, what: "unknown body field" };
  }
  for (const parameter of entry.operation.parameters ?? []) {
    const schema = parameter.schema;
    if (schema === undefined) continue;
    const isStrict =
      schema.enum !== undefined ||
      schema.format === "uuid" ||
      schema.format === "date-time" ||
      schema.type === "integer" ||
      schema.type === "number";
    if (!isStrict) continue;
    if (parameter.in === "path") {
      const value = encodeURIComponent(pathValue(fixture, entry.path, parameter.name));
      return { url: url.replace(value, "not-valid"), what: `path ${parameter.name}` };
    }
    if (parameter.in === "query") {
      const separator = url.includes("?") ? "&" : "?";
      return {
        url: `${url}${separator}${encodeURIComponent(parameter.name)}=not-valid`,
        what: `query ${parameter.name}`,
      };
    }
  }
  return undefined;
}

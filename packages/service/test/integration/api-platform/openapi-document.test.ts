import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { webhookEventTypes } from "../../../src/db/schema.js";
import { usePgliteEngine } from "../../support/engines.js";
import { createSessionHarness } from "../sessions/session-harness.js";
import { honoPathOf, type OpenApiShape, operationsOf } from "./openapi-contract.js";

const packageVersion = (
  JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

describe("the OpenAPI document at /api/v1/openapi.json", () => {
  const engine = usePgliteEngine();

  it("is served without an API key and is a valid OpenAPI 3.1 document", async () => {
    const h = await createSessionHarness(engine);
    const response = await h.api("GET", "/api/v1/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const document = await response.json();
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
    expect(document.info).toMatchObject({ title: "Attendant API", version: packageVersion });
    expect(document.info.description).toContain("problem+json");
    expect(document.servers).toEqual([{ url: "http://localhost:3000", description: expect.any(String) }]);
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.security).toEqual([{ apiKey: [] }]);
    expect(document.components.schemas.Problem.required).toEqual(
      expect.arrayContaining(["type", "title", "status", "instance", "requestId"]),
    );
  });

  it("lists every webhook event type an endpoint may subscribe to, session.customer_left included", async () => {
    const h = await createSessionHarness(engine);
    const document = (await (await h.api("GET", "/api/v1/openapi.json")).json()) as {
      components: { schemas: Record<string, { enum?: string[] }> };
    };
    expect(document.components.schemas.WebhookEventType?.enum).toEqual([...webhookEventTypes]);
    expect(document.components.schemas.WebhookEventType?.enum).toContain("session.customer_left");
  });

  it("documents every route the app serves under /api/v1, and nothing it does not serve", async () => {
    const h = await createSessionHarness(engine);
    const document = (await (await h.api("GET", "/api/v1/openapi.json")).json()) as OpenApiShape;
    const served = new Set(
      h.app.routes
        .filter((route) => route.path.startsWith("/api/v1/") && route.method !== "ALL")
        .map((route) => `${route.method} ${route.path}`),
    );
    const documented = new Set(
      operationsOf(document).map((entry) => `${entry.method.toUpperCase()} ${honoPathOf(entry.path)}`),
    );
    expect([...served].filter((route) => !documented.has(route))).toEqual([]);
    expect([...documented].filter((route) => !served.has(route))).toEqual([]);
    expect(served.size).toBeGreaterThan(5);
  });

  it("gives every operation a summary, a unique operationId, a tag and a problem+json answer for errors", async () => {
    const h = await createSessionHarness(engine);
    const document = (await (await h.api("GET", "/api/v1/openapi.json")).json()) as OpenApiShape & {
      tags: { name: string; description: string }[];
    };
    const tagNames = document.tags.map((tag) => tag.name);
    const operations = operationsOf(document);
    const ids = operations.map((entry) => entry.operation.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    for (const entry of operations) {
      const operation = entry.operation as typeof entry.operation & { summary?: string; tags?: string[] };
      expect(operation.summary, entry.path).toEqual(expect.any(String));
      expect(tagNames).toEqual(expect.arrayContaining(operation.tags ?? ["(none)"]));
      const isPublic = operation.security !== undefined && operation.security.length === 0;
      if (isPublic) continue;
      // Each operation names the one scope its key needs (taken from its requireScope).
      expect(operation.security, `${entry.method} ${entry.path}`).toEqual([
        {
          apiKey: [
            expect.stringMatching(
              /^((sessions|reports|webhooks|organisation|helpdesk):(read|write)|embedding:(read|write|mint))$/,
            ),
          ],
        },
      ]);
      expect(Object.keys(operation.responses), `${entry.method} ${entry.path}`).toEqual(
        expect.arrayContaining(["401", "403", "429"]),
      );
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400) {
          expect(Object.keys(response.content ?? {}), `${entry.method} ${entry.path} ${status}`).toEqual([
            "application/problem+json",
          ]);
        }
      }
    }
    expect(tagNames).toEqual(expect.arrayContaining(["Sessions", "Tickets", "Documentation"]));
  });

  it("describes the join address and the invitations with named schemas, enums and the scopes they need", async () => {
    const h = await createSessionHarness(engine);
    const document = await (await h.api("GET", "/api/v1/openapi.json")).json();
    const { schemas } = document.components;
    expect(schemas.SupportSession.properties.joinUrl.type).toEqual(["string", "null"]);
    expect(schemas.SupportSession.properties.joinUrl.description).toContain("hash");
    expect(schemas.InvitationLocale.enum).toEqual(["en", "de", "ja"]);
    expect(schemas.InvitationStatus.enum).toEqual(["sending", "sent", "captured", "failed"]);
    expect(schemas.Invitation.properties.locale).toEqual({ $ref: "#/components/schemas/InvitationLocale" });
    expect(schemas.SendInvitationRequest.required).toEqual(["email", "locale"]);
    expect(Object.keys(schemas.SentInvitation.properties)).toContain("joinUrl");
    expect(Object.keys(schemas.Invitation.properties)).not.toContain("joinUrl");
    const invitations = document.paths["/api/v1/sessions/{id}/invitations"];
    expect(invitations.post.security).toEqual([{ apiKey: ["sessions:write"] }]);
    expect(invitations.get.security).toEqual([{ apiKey: ["sessions:read"] }]);
    expect(Object.keys(invitations.post.responses)).toEqual(
      expect.arrayContaining(["201", "404", "409", "502"]),
    );
    const resend = document.paths["/api/v1/sessions/{id}/invitations/{invitationId}/resend"];
    expect(resend.post.security).toEqual([{ apiKey: ["sessions:write"] }]);
    expect(document.paths["/api/v1/sessions/{id}/join-address"].post.security).toEqual([
      { apiKey: ["sessions:write"] },
    ]);
  });
});

describe("the API reference page", () => {
  const engine = usePgliteEngine();

  it("lists every operation with its parameters and a curl example, without scripts or other origins", async () => {
    const h = await createSessionHarness(engine);
    const response = await h.api("GET", "/api/v1/reference");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    const html = await response.text();
    const document = (await (await h.api("GET", "/api/v1/openapi.json")).json()) as OpenApiShape;
    for (const entry of operationsOf(document)) {
      expect(html).toContain(`${entry.method.toUpperCase()} ${entry.path}`);
    }
    expect(html).toContain('href="/api/v1/openapi.json"');
    expect(html).toContain("curl -sS -X POST &#39;http://localhost:3000/api/v1/sessions&#39;");
    expect(html).toContain("Authorization: Bearer $ATTENDANT_API_KEY");
    expect(html).toContain("Needs an API key with the scope <code>sessions:write</code>.");
    // Field tables come from the schemas: a nested request field and its description.
    expect(html).toContain("ticket.externalId");
    expect(html).toContain("The helpdesk&#39;s own ticket id");
    // Works offline and under the CSP: no script at all, nothing loaded from elsewhere.
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(link|img|iframe)[^>]+(src|href)="https?:/i);
    expect(html).not.toMatch(/ style=/i);
  });

  it("renders every named schema with its fields, each enum with its values, and links types to them", async () => {
    const h = await createSessionHarness(engine);
    const html = await (await h.api("GET", "/api/v1/reference")).text();
    const document = await (await h.api("GET", "/api/v1/openapi.json")).json();
    for (const name of Object.keys(document.components.schemas)) {
      expect(html).toContain(`id="schema-${name}"`);
    }
    const locale = html.slice(html.indexOf('id="schema-InvitationLocale"'));
    expect(locale.slice(0, locale.indexOf("</article>"))).toMatch(
      /<code>&quot;en&quot;<\/code>.*<code>&quot;de&quot;<\/code>.*<code>&quot;ja&quot;<\/code>/s,
    );
    // In a field table: the enum's name, linked, and its values in place.
    expect(html).toContain(
      '<a href="#schema-InvitationLocale"><code>InvitationLocale: &quot;en&quot; | &quot;de&quot; | &quot;ja&quot;</code></a>',
    );
    expect(html).toContain('<a href="#schema-SupportSession"><code>SupportSession</code></a>');
    expect(html).toContain('href="#schemas"');
  });
});

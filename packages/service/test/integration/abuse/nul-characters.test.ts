/**
 * U+0000 cannot be stored in PostgreSQL text, so a request carrying it anywhere is refused before
 * any route runs (src/http/nul-characters.ts): 400 naming the field, or "not found" for a page
 * address, and nothing stored, nothing sent to TeamViewer. Found by the fuzz run, where a `%00`
 * in a report filter reached the database as a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usePgliteEngine } from "../../support/engines.js";
import { type AbuseWorld, createAbuseWorld } from "./abuse-world.js";
import { changedTables } from "./route-requests.js";

interface InvalidRequestProblem {
  code: string;
  detail: string;
  errors: { in: string; field: string; message: string }[];
}

describe("requests carrying a NUL character", () => {
  const engine = usePgliteEngine();
  let world: AbuseWorld;
  beforeAll(async () => {
    world = await createAbuseWorld(engine);
  }, 120_000);
  afterAll(() => world?.h.simulator.close());

  /** Runs `send` and returns its answer, failing if it stored anything or opened a TeamViewer session. */
  async function refusedWithoutEffect(send: () => Promise<Response>): Promise<Response> {
    const before = await world.snapshot();
    const sessionsBefore = (await world.h.teamViewerSessions()).length;
    const response = await send();
    expect(changedTables(before, await world.snapshot())).toEqual([]);
    expect(await world.h.teamViewerSessions()).toHaveLength(sessionsBefore);
    return response;
  }

  /** Valid in every other respect (the literal-text test creates it), so only the NUL is refused. */
  const newSession = (title: string) => ({
    ticket: { externalId: "nul-1", title },
    group: { name: "Helpdesk" },
    supporterUserId: world.a.users.supporter.id,
  });

  it("the API answers a NUL in a query parameter with 400 invalid-request naming the parameter", async () => {
    for (const path of [
      "/api/v1/reports/connections?ticket=%00",
      "/api/v1/sessions?state=open&cursor=a%00b",
    ]) {
      const response = await world.h.api("GET", path, { key: world.keys.all });
      expect(response.status, path).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const problem = (await response.json()) as InvalidRequestProblem;
      expect(problem.code).toBe("invalid-request");
      expect(problem.errors).toEqual([
        {
          in: "query",
          field: path.includes("ticket") ? "ticket" : "cursor",
          message: "contains a NUL character (U+0000); remove it",
        },
      ]);
    }
  });

  it("the API answers a NUL in a path id with 400 on the path", async () => {
    const response = await world.h.api("GET", "/api/v1/tickets/a%00b/connections", { key: world.keys.all });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as InvalidRequestProblem;
    expect(problem.errors).toEqual([
      { in: "path", field: "", message: "contains a NUL character (U+0000); remove it" },
    ]);
    expect(problem.detail).toContain("The path contains a NUL character");
  });

  it("the API refuses a NUL in a JSON value or key, names its dotted field, and creates no session", async () => {
    const inValue = await refusedWithoutEffect(() =>
      world.h.api("POST", "/api/v1/sessions", { key: world.keys.all, json: newSession("printer\u0000jam") }),
    );
    expect(inValue.status).toBe(400);
    const valueProblem = (await inValue.json()) as InvalidRequestProblem;
    expect(valueProblem.errors).toEqual([
      { in: "body", field: "ticket.title", message: "contains a NUL character (U+0000); remove it" },
    ]);
    expect(valueProblem.detail).toContain('body field "ticket.title"');

    const inKey = await refusedWithoutEffect(() =>
      world.h.api("POST", "/api/v1/sessions", {
        key: world.keys.all,
        json: { ...newSession("printer jam"), "descr\u0000iption": "x" },
      }),
    );
    expect(inKey.status).toBe(400);
    expect(((await inKey.json()) as InvalidRequestProblem).errors[0]?.field).toBe("description");
  });

  it("the API keeps the text backslash-u-0000, which is no NUL, and still explains malformed JSON", async () => {
    const literal = await world.h.api("POST", "/api/v1/sessions", {
      key: world.keys.all,
      json: newSession("path C:\\u0000\\share"),
    });
    expect(literal.status).toBe(201);
    const created = (await literal.json()) as { ticket: { title: string } };
    expect(created.ticket.title).toBe("path C:\\u0000\\share");

    const malformed = await world.h.api("POST", "/api/v1/sessions", {
      key: world.keys.all,
      body: '{"ticket": "\\u0000"',
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { code: string }).code).toBe("malformed-request");
  });

  it("a form with a NUL in a field gets a 400 page naming the field in the reader's language, and nothing is created", async () => {
    const browser = world.a.browsers.admin;
    const response = await refusedWithoutEffect(() =>
      browser.post("/sessions/new?lang=de", {
        _csrf: world.a.csrf.admin,
        externalId: "nul-2",
        title: "Drucker\u0000streikt",
        validityHours: "24",
        group: "Helpdesk",
      }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Ein Zeichen, das nicht gespeichert werden kann");
    expect(html).toContain("Das Feld „title“ enthält ein NUL-Zeichen");
    await browser.get("/?lang=en");
  });

  it("a NUL in any value of a repeated form field is refused too", async () => {
    const browser = world.a.browsers.admin;
    const response = await refusedWithoutEffect(() =>
      browser.post("/api-keys", [
        ["_csrf", world.a.csrf.admin],
        ["name", "two scopes"],
        ["scopes", "sessions:read"],
        ["scopes", "reports:read\u0000"],
      ]),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("“scopes”");
  });

  it("a page's query string with a NUL gets the 400 page; an address with one is not found", async () => {
    const browser = world.a.browsers.admin;
    const filtered = await browser.get("/reports?ticket=%00");
    expect(filtered.status).toBe(400);
    expect(await filtered.text()).toContain("The field “ticket” contains a NUL character");

    for (const path of ["/sessions/a%00b", "/join/a%00b"]) {
      const response = await browser.get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toContain("Page not found");
    }
  });
});

/**
 * Issue 8, "Abuse": the authorisation matrix — role (admin, supporter, auditor, visitor, API key
 * per scope, revoked key) × organisation (own, other) or supporter (own, a colleague's, issue
 * 20) × resource × action (read, write), and the installation's operator (issue 25: an operator key
 * opens the operator routes and nothing else) — run
 * exhaustively over every route the app registers, as classified in route-policy.ts. Every
 * refusal must also leave the database as it was.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyScopes } from "../../../src/db/schema.js";
import { usePgliteEngine } from "../../support/engines.js";
import { type AbuseWorld, createAbuseWorld, webRoles } from "./abuse-world.js";
import {
  type ClassifiedRoute,
  changedTables,
  classifiedRoutes,
  fillPath,
  hasIdParameter,
  isApiRoute,
  isEmbedRoute,
  isOperatorPageRoute,
  isOperatorRoute,
  isWebRoute,
  isWrite,
  sendAs,
  sendAsRole,
  sendWithKey,
  unlistedRouteKeys,
} from "./route-requests.js";

describe("authorisation matrix", () => {
  const engine = usePgliteEngine();
  let world: AbuseWorld;
  beforeAll(async () => {
    world = await createAbuseWorld(engine);
  }, 120_000);
  afterAll(() => world?.h.simulator.close());

  /** The route with org B's ids, as org A's open ticket widget sends it: its embed token, no cookie. */
  async function sendFromWidget(route: ClassifiedRoute): Promise<Response> {
    return world.h.app.request(`http://localhost:3000${fillPath(route.path, world.b.fixtures)}`, {
      method: route.method,
      headers: { "content-type": "application/json", "x-attendant-embed": world.embedToken },
      ...(route.method === "GET" ? {} : { body: JSON.stringify(route.policy.body ?? {}) }),
    });
  }

  /** Runs `send` and, for writes, proves the database did not change. */
  async function expectRefusedAndUnchanged(
    label: string,
    isWriting: boolean,
    send: () => Promise<Response>,
    isRefused: (response: Response) => boolean,
  ): Promise<string | undefined> {
    const before = isWriting ? await world.snapshot() : undefined;
    const response = await send();
    const body = await response.text();
    if (!isRefused(response)) return `${label}: ${response.status} ${body.slice(0, 160)}`;
    if (before === undefined) return undefined;
    const changed = changedTables(before, await world.snapshot());
    return changed.length === 0 ? undefined : `${label}: refused but changed ${changed.join(", ")}`;
  }

  it("classifies every route the app registers, so a new route cannot skip the matrix", () => {
    const { unclassified, missing } = unlistedRouteKeys(world);
    expect(unclassified, "routes missing from route-policy.ts").toEqual([]);
    expect(missing, "routes in route-policy.ts the app does not have").toEqual([]);
  });

  it("sends visitors without a session to the login page from every signed-in page and form", async () => {
    const failures: string[] = [];
    for (const route of classifiedRoutes(isWebRoute)) {
      const failure = await expectRefusedAndUnchanged(
        `visitor ${route.key}`,
        isWrite(route),
        () => {
          const visitor = world.h.visitor();
          const path = route.path.replace(/:[A-Za-z]+/g, world.a.fixtures.sessionId);
          return route.method === "GET"
            ? visitor.get(path)
            : visitor.post(path, (route.policy.body as never) ?? {});
        },
        (response) =>
          // A form post without a session has no CSRF token to match either: 403 is a refusal too.
          response.status === 403 ||
          (response.status === 303 && (response.headers.get("location") ?? "").startsWith("/login")),
      );
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
  });

  it("answers 401 on every ticket widget route to a browser sign-in of any role and to an API key, storing nothing", async () => {
    const failures: string[] = [];
    for (const route of classifiedRoutes(isEmbedRoute)) {
      const attempts = [
        ...webRoles.map((role) => ({
          label: `${role} ${route.key}`,
          send: () => sendAsRole(route, { from: world.a, role, target: world.a }),
        })),
        {
          label: `all-scopes key ${route.key}`,
          send: () => sendWithKey(world, route, { key: world.keys.all, target: world.a }),
        },
      ];
      for (const attempt of attempts) {
        // A cookie form post without the header meets the CSRF defence first: 403 is a refusal too.
        const failure = await expectRefusedAndUnchanged(
          attempt.label,
          isWrite(route),
          attempt.send,
          (response) => [401, 403].includes(response.status),
        );
        if (failure) failures.push(failure);
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers 401 on every API route without a key, with a malformed key and with a revoked key", async () => {
    const failures: string[] = [];
    const keys = { none: undefined, malformed: "atd_nope_nope", revoked: world.keys.revoked };
    for (const route of classifiedRoutes(isApiRoute)) {
      for (const [name, key] of Object.entries(keys)) {
        const failure = await expectRefusedAndUnchanged(
          `${name} key ${route.key}`,
          isWrite(route),
          () => sendWithKey(world, route, { key, target: world.a }),
          (response) => response.status === 401,
        );
        if (failure) failures.push(failure);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses every operator route to no key, a malformed or revoked operator key (401), every organisation key (403), an open ticket widget and every role's browser sign-in of both organisations (401), storing nothing", async () => {
    const failures: string[] = [];
    // The widget's token is live: it opens its own panel.
    const panel = await world.h.app.request("http://localhost:3000/embed/panel", {
      headers: { "x-attendant-embed": world.embedToken },
    });
    expect(panel.status).toBe(200);
    const organisationKeys = {
      ...Object.fromEntries(apiKeyScopes.map((scope) => [`${scope} key`, world.keys.byScope[scope]])),
      "all-scopes key": world.keys.all,
      "colleague's key": world.colleague.key,
    };
    for (const route of classifiedRoutes(isOperatorRoute)) {
      const attempts: { label: string; send: () => Promise<Response>; status: number }[] = [];
      for (const [name, key] of Object.entries({
        none: undefined,
        malformed: "atdop_nope_nope",
        revoked: world.operator.revoked,
      })) {
        attempts.push({
          label: `${name} operator key ${route.key}`,
          send: () => sendWithKey(world, route, { key, target: world.b }),
          status: 401,
        });
      }
      for (const [name, key] of Object.entries(organisationKeys)) {
        attempts.push({
          label: `org A's ${name} ${route.key}`,
          send: () => sendWithKey(world, route, { key, target: world.b }),
          status: 403,
        });
      }
      attempts.push({
        label: `org A's widget ${route.key}`,
        send: () => sendFromWidget(route),
        status: 401,
      });
      for (const party of [world.a, world.b]) {
        for (const role of webRoles) {
          attempts.push({
            label: `${role} of ${party === world.a ? "org A" : "org B"} ${route.key}`,
            // The signed-in browser (its session cookie), with the route's method and JSON body.
            send: () =>
              party.browsers[role].request(fillPath(route.path, party.fixtures), {
                method: route.method,
                headers: { "content-type": "application/json" },
                ...(route.method === "GET" ? {} : { body: JSON.stringify(route.policy.body ?? {}) }),
              }),
            status: 401,
          });
        }
      }
      for (const attempt of attempts) {
        const failure = await expectRefusedAndUnchanged(
          attempt.label,
          isWrite(route),
          attempt.send,
          (response) => response.status === attempt.status,
        );
        if (failure) failures.push(failure);
      }
    }
    expect(failures).toEqual([]);
  });

  it("opens no organisation route, of either organisation, to an operator key: every API route answers 401, storing nothing", async () => {
    const failures: string[] = [];
    for (const route of classifiedRoutes(isApiRoute)) {
      for (const target of [world.a, world.b]) {
        const failure = await expectRefusedAndUnchanged(
          `operator key ${route.key}`,
          isWrite(route),
          () => sendWithKey(world, route, { key: world.operator.key, target }),
          (response) => response.status === 401,
        );
        if (failure) failures.push(failure);
      }
    }
    expect(failures).toEqual([]);
  });

  it("opens no signed-in page or form and no widget route to an operator key", async () => {
    const failures: string[] = [];
    for (const route of classifiedRoutes((route) => isWebRoute(route) || isEmbedRoute(route))) {
      const path = fillPath(route.path, world.a.fixtures, route.policy.query);
      const response = await world.h.app.request(`http://localhost:3000${path}`, {
        method: route.method,
        headers: { authorization: `Bearer ${world.operator.key}` },
      });
      const isRefused =
        [401, 403].includes(response.status) ||
        (response.status === 303 && (response.headers.get("location") ?? "").startsWith("/login"));
      if (!isRefused) failures.push(`operator key ${route.key}: ${response.status}`);
    }
    expect(failures).toEqual([]);
  });

  it("lets the operator key read the operator routes, listing both organisations by name and counts only", async () => {
    const failures: string[] = [];
    for (const route of classifiedRoutes((route) => isOperatorRoute(route) && route.method === "GET")) {
      const response = await sendWithKey(world, route, { key: world.operator.key, target: world.a });
      const text = await response.text();
      if (response.status !== 200) failures.push(`${route.key}: ${response.status}`);
      for (const organisationId of [world.a.organisationId, world.b.organisationId]) {
        if (!text.includes(organisationId)) failures.push(`${route.key} lacks ${organisationId}`);
      }
      const leaked = [...world.a.markers, ...world.b.markers].filter((marker) => text.includes(marker));
      if (leaked.length > 0) failures.push(`${route.key} shows an organisation's ${leaked.join(", ")}`);
    }
    expect(failures).toEqual([]);
  });

  it("sends visitors, an open ticket widget and every role of both organisations from the operator's page and forms to its sign-in, storing nothing", async () => {
    const failures: string[] = [];
    for (const route of classifiedRoutes(isOperatorPageRoute)) {
      const attempts: { label: string; send: () => Promise<Response> }[] = [
        {
          label: `org A's widget ${route.key}`,
          send: () => sendFromWidget(route),
        },
        {
          label: `visitor ${route.key}`,
          send: () => {
            const visitor = world.h.visitor();
            const path = fillPath(route.path, world.b.fixtures);
            return route.method === "GET" ? visitor.get(path) : visitor.post(path, {});
          },
        },
      ];
      for (const party of [world.a, world.b]) {
        for (const role of webRoles) {
          attempts.push({
            label: `${role} of ${party === world.a ? "org A" : "org B"} ${route.key}`,
            send: () => sendAsRole(route, { from: party, role, target: party }),
          });
        }
      }
      for (const attempt of attempts) {
        const failure = await expectRefusedAndUnchanged(
          attempt.label,
          isWrite(route),
          attempt.send,
          (response) =>
            // A form post without a session's CSRF token is refused before it: 403 is a refusal too.
            response.status === 403 ||
            (response.status === 303 && response.headers.get("location") === "/operator/sign-in"),
        );
        if (failure) failures.push(failure);
      }
    }
    expect(failures).toEqual([]);
  });

  it("opens the operator's page to its browser session, and that session opens no organisation page, form, widget or API route", async () => {
    const failures: string[] = [];
    const page = await world.operator.signedIn.browser.get("/operator");
    if (page.status !== 200) failures.push(`GET /operator: ${page.status}`);
    const routes = classifiedRoutes(
      (route) => isWebRoute(route) || isEmbedRoute(route) || isApiRoute(route) || isOperatorRoute(route),
    );
    for (const route of routes) {
      const failure = await expectRefusedAndUnchanged(
        `operator session ${route.key}`,
        isWrite(route),
        () => sendAs(route, { signedIn: world.operator.signedIn, target: world.a }),
        (response) =>
          [401, 403].includes(response.status) ||
          (response.status === 303 && (response.headers.get("location") ?? "").startsWith("/login")),
      );
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
  });

  it("refuses (403) each role every page and form above that role, storing nothing", async () => {
    const failures: string[] = [];
    for (const route of classifiedRoutes(isWebRoute)) {
      const allowed = route.policy.access as readonly string[];
      for (const role of webRoles.filter((candidate) => !allowed.includes(candidate))) {
        const failure = await expectRefusedAndUnchanged(
          `${role} ${route.key}`,
          isWrite(route),
          () => sendAsRole(route, { from: world.a, role, target: world.a }),
          (response) => response.status === 403,
        );
        if (failure) failures.push(failure);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses (403) an API key every route whose scope it lacks, storing nothing", async () => {
    const failures: string[] = [];
    for (const route of classifiedRoutes(isApiRoute)) {
      const { scope } = route.policy.access as { scope: string };
      for (const other of apiKeyScopes.filter((candidate) => candidate !== scope)) {
        const failure = await expectRefusedAndUnchanged(
          `key with ${other} ${route.key}`,
          isWrite(route),
          () => sendWithKey(world, route, { key: world.keys.byScope[other], target: world.a }),
          (response) => response.status === 403,
        );
        if (failure) failures.push(failure);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses (404) every allowed role and every scoped key another organisation's sessions, tickets, reports, users, webhooks and invitations, storing nothing", async () => {
    const failures: string[] = [];
    for (const route of classifiedRoutes((route) => hasIdParameter(route) && isSignedInRoute(route))) {
      const attempts: { label: string; send: () => Promise<Response> }[] = [];
      if (isApiRoute(route)) {
        const { scope } = route.policy.access as { scope: (typeof apiKeyScopes)[number] };
        attempts.push(
          {
            label: `all-scopes key ${route.key}`,
            send: () => sendWithKey(world, route, { key: world.keys.all, target: world.b }),
          },
          {
            label: `${scope} key ${route.key}`,
            send: () => sendWithKey(world, route, { key: world.keys.byScope[scope], target: world.b }),
          },
        );
      } else {
        for (const role of route.policy.access as readonly (typeof webRoles)[number][]) {
          attempts.push({
            label: `${role} ${route.key}`,
            send: () => sendAsRole(route, { from: world.a, role, target: world.b }),
          });
        }
      }
      for (const attempt of attempts) {
        const failure = await expectRefusedAndUnchanged(
          attempt.label,
          isWrite(route),
          attempt.send,
          (response) => response.status === 404,
        );
        if (failure) failures.push(failure);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses (404) a supporter, signed in and by their API key, a colleague's sessions, tickets and reports on every route, storing nothing", async () => {
    const failures: string[] = [];
    const supporterRoutes = classifiedRoutes(
      (route) => hasIdParameter(route) && isPerSupporter(route) && isOpenToSupporters(route),
    );
    for (const route of supporterRoutes) {
      const failure = await expectRefusedAndUnchanged(
        `colleague ${route.key}`,
        isWrite(route),
        () =>
          isApiRoute(route)
            ? sendWithKey(world, route, { key: world.colleague.key, target: world.a })
            : sendAs(route, { signedIn: world.colleague.signedIn, target: world.a }),
        (response) => response.status === 404,
      );
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
    expect(supporterRoutes).not.toEqual([]);
  });

  it("shows a supporter nothing of a colleague's work in any list, page, export or API answer", async () => {
    const failures: string[] = [];
    const readRoutes = classifiedRoutes(
      (route) => route.method === "GET" && isSignedInRoute(route) && isOpenToSupporters(route),
    );
    for (const route of readRoutes) {
      const response = isApiRoute(route)
        ? await sendWithKey(world, route, { key: world.colleague.key, target: world.a })
        : await sendAs(route, { signedIn: world.colleague.signedIn, target: world.a });
      const text = await response.text();
      if (response.status >= 500) failures.push(`${route.key}: ${response.status}`);
      // A page about an id may repeat the id it was asked for; it may show nothing else of theirs.
      const asked = fillPath(route.path, world.a.fixtures);
      const leaked = world.a.supporterMarkers.filter(
        (marker) => text.includes(marker) && !asked.includes(encodeURIComponent(marker)),
      );
      if (leaked.length > 0) failures.push(`${route.key} shows the colleague's ${leaked.join(", ")}`);
    }
    expect(failures).toEqual([]);
  });

  it("shows nothing of another organisation in any list, page, export or API answer", async () => {
    const failures: string[] = [];
    const readRoutes = classifiedRoutes((route) => route.method === "GET" && isSignedInRoute(route));
    for (const route of readRoutes) {
      const answers: { label: string; response: Response }[] = [];
      if (isApiRoute(route)) {
        answers.push({
          label: route.key,
          response: await sendWithKey(world, route, { key: world.keys.all, target: world.a }),
        });
      } else {
        for (const role of route.policy.access as readonly (typeof webRoles)[number][]) {
          answers.push({
            label: `${role} ${route.key}`,
            response: await sendAsRole(route, { from: world.a, role, target: world.a }),
          });
        }
      }
      for (const { label, response } of answers) {
        const text = await response.text();
        if (response.status >= 500) failures.push(`${label}: ${response.status}`);
        const leaked = world.b.markers.filter((marker) => text.includes(marker));
        if (leaked.length > 0) failures.push(`${label} shows org B's ${leaked.join(", ")}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("lets each allowed role and key reach its own organisation's routes (the matrix is not refusing everything)", async () => {
    const failures: string[] = [];
    for (const route of classifiedRoutes((route) => route.method === "GET" && isSignedInRoute(route))) {
      if (isApiRoute(route)) {
        const { scope } = route.policy.access as { scope: (typeof apiKeyScopes)[number] };
        const response = await sendWithKey(world, route, { key: world.keys.byScope[scope], target: world.a });
        if (response.status !== 200) failures.push(`${scope} key ${route.key}: ${response.status}`);
      } else {
        for (const role of route.policy.access as readonly (typeof webRoles)[number][]) {
          const response = await sendAsRole(route, { from: world.a, role, target: world.a });
          if (response.status >= 400) failures.push(`${role} ${route.key}: ${response.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

/** Routes a browser sign-in or an API key opens (not the public ones, not the widget's embed-token ones). */
function isSignedInRoute(route: ClassifiedRoute): boolean {
  return isApiRoute(route) || isWebRoute(route);
}

/** Sessions, tickets and reports belong to one supporter; a colleague may not reach them. */
function isPerSupporter(route: ClassifiedRoute): boolean {
  return ["sessions", "tickets", "reports"].includes(route.policy.resource);
}

/** Web routes supporters may use, and every API route (a key acts for a supporter). */
function isOpenToSupporters(route: ClassifiedRoute): boolean {
  return (
    isApiRoute(route) ||
    (isWebRoute(route) && (route.policy.access as readonly string[]).includes("supporter"))
  );
}

/**
 * Turning a route of the policy table into a request: its path filled with a party's ids, sent
 * through a signed-in browser (form posts carry that session's CSRF token) or with an API key.
 */
import type { AbuseWorld, Party, PartyFixtures, SignedIn, WebRole } from "./abuse-world.js";
import { conditionalRoutes, type RoutePolicy, routeKey, routePolicies } from "./route-policy.js";

export interface ClassifiedRoute {
  key: string;
  method: string;
  path: string;
  policy: RoutePolicy;
}

/** Every route the app registers (middleware aside), keyed like the policy table. */
export function registeredRouteKeys(world: AbuseWorld): string[] {
  const keys = new Set<string>();
  for (const route of world.h.app.routes) {
    if (route.method === "ALL") continue;
    keys.add(routeKey(route.method, route.path));
  }
  return [...keys].sort();
}

export function classifiedRoutes(
  filter: (route: ClassifiedRoute) => boolean = () => true,
): ClassifiedRoute[] {
  return Object.entries(routePolicies)
    .map(([key, policy]) => {
      const [method = "", path = ""] = key.split(" ");
      return { key, method, path, policy };
    })
    .filter(filter);
}

export const isApiRoute = (route: ClassifiedRoute) =>
  typeof route.policy.access === "object" && "scope" in route.policy.access;
export const isWebRoute = (route: ClassifiedRoute) => Array.isArray(route.policy.access);
export const isEmbedRoute = (route: ClassifiedRoute) => route.policy.access === "embed";
export const isOperatorRoute = (route: ClassifiedRoute) => route.policy.access === "operator";
export const isOperatorPageRoute = (route: ClassifiedRoute) => route.policy.access === "operator-page";
export const isWrite = (route: ClassifiedRoute) => route.method !== "GET";
export const hasIdParameter = (route: ClassifiedRoute) =>
  /:(id|externalId|endpointId|deliveryId|invitationId|writeId|screenshotId|integrationId)\b/.test(route.path);

export function unlistedRouteKeys(world: AbuseWorld): { unclassified: string[]; missing: string[] } {
  const registered = registeredRouteKeys(world);
  const listed = new Set(Object.keys(routePolicies));
  return {
    unclassified: registered.filter((key) => !listed.has(key) && conditionalRoutes[key] === undefined),
    missing: [...listed].filter((key) => !registered.includes(key)),
  };
}

/** The route's path with its parameters filled from `fixtures`. */
export function fillPath(path: string, fixtures: PartyFixtures, query = ""): string {
  const segments = path.split("/");
  const filled = segments
    .map((segment, index) => {
      if (!segment.startsWith(":")) return segment;
      const name = segment.slice(1);
      const previous = segments[index - 1] ?? "";
      switch (name) {
        case "token":
          return fixtures.joinToken;
        case "locale":
          return "de";
        case "event":
          return "invitation.sent";
        case "externalId":
          return encodeURIComponent(fixtures.ticketExternalId);
        case "endpointId":
          return fixtures.endpointId;
        case "deliveryId":
          return fixtures.deliveryId;
        case "invitationId":
          return fixtures.invitationId;
        case "writeId":
          return fixtures.helpdeskWriteId;
        case "screenshotId":
          return fixtures.screenshotId;
        case "integrationId":
          return fixtures.integrationId;
        case "organisationId":
          return "00000000-0000-4000-8000-000000000000";
        case "file":
          return segments.length > 3 ? "logo-0123456789abcdef" : "accent-0a5bd3.css";
        case "id":
          if (previous === "sessions") return fixtures.sessionId;
          if (previous === "reports" || previous === "connections") return fixtures.reportId;
          if (previous === "users") return fixtures.userId;
          if (previous === "api-keys") return fixtures.apiKeyId;
          if (previous === "webhooks") return fixtures.endpointId;
          if (previous === "writes") return fixtures.helpdeskWriteId;
          if (previous === "embedding") return fixtures.integrationId;
          if (previous === "organisations") return fixtures.organisationId;
          break;
      }
      throw new Error(`No fixture for the parameter ${segment} of ${path}: add one in route-requests.ts`);
    })
    .join("/");
  return `${filled}${query}`;
}

/** Sends the route as `role` of `from`, with ids of `target`. */
export function sendAsRole(
  route: ClassifiedRoute,
  options: { from: Party; role: WebRole; target: Party; fields?: Record<string, unknown> },
): Promise<Response> {
  return sendAs(route, {
    signedIn: { browser: options.from.browsers[options.role], csrf: options.from.csrf[options.role] },
    target: options.target,
    ...(options.fields === undefined ? {} : { fields: options.fields }),
  });
}

/** Sends the route through a signed-in browser, with ids of `target`. */
export function sendAs(
  route: ClassifiedRoute,
  options: { signedIn: SignedIn; target: Party; fields?: Record<string, unknown> },
): Promise<Response> {
  const { browser, csrf } = options.signedIn;
  const path = fillPath(route.path, options.target.fixtures, route.policy.query);
  if (route.method === "GET")
    return route.policy.isStream ? firstEventOf(browser.get(path)) : browser.get(path);
  const fields = Object.fromEntries(
    Object.entries({ ...(route.policy.body ?? {}), ...options.fields }).map(([name, value]) => [
      name,
      String(value),
    ]),
  );
  return browser.post(path, { _csrf: csrf, ...fields });
}

/**
 * An event stream never ends by itself: its answer cut after the first event (what a refusal
 * would already have said instead), so the matrix can read and compare it like a page.
 */
async function firstEventOf(answer: Promise<Response>): Promise<Response> {
  const response = await answer;
  if (!(response.headers.get("content-type") ?? "").startsWith("text/event-stream") || response.body === null)
    return response;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  while (!text.includes("\n\n")) {
    const { done, value } = await reader.read();
    if (done) break;
    text += value;
  }
  await reader.cancel();
  return new Response(text, { status: response.status, headers: response.headers });
}

/** Sends the route with `key` (or none), with ids of `target`. */
export function sendWithKey(
  world: AbuseWorld,
  route: ClassifiedRoute,
  options: { key: string | undefined; target: Party; json?: unknown },
): Promise<Response> {
  const path = fillPath(route.path, options.target.fixtures, route.policy.query);
  const json =
    options.json ??
    (route.method === "GET" || route.method === "DELETE" ? undefined : (route.policy.body ?? {}));
  return world.h.api(route.method, path, {
    ...(options.key === undefined ? {} : { key: options.key }),
    ...(json === undefined ? {} : { json }),
  });
}

/** What changed between two table snapshots, for assertion messages. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}

/**
 * Who may call each route of the app: the specification the authorisation matrix checks the
 * running app against. Every route the app registers must be listed here (the matrix fails on
 * an unlisted one, so a new route gets classified when it lands), and every listed route must
 * exist.
 *
 * - `public`: no sign-in (probes, login, the end customer's join page, the API documentation).
 * - web roles: the signed-in roles that may use the page or form; visitors are sent to the login
 *   page, other roles get 403.
 * - `{ scope }`: an API route and the API-key scope it needs; no key or a revoked one is 401,
 *   a key without the scope 403.
 * - `embed`: the ticket widget's own requests, authorised only by the embed token in the
 *   X-Attendant-Embed header (src/embedding/require-embed-token.ts): neither a browser sign-in nor
 *   an API key opens them.
 * - `operator`: the operator API (`/api/operator/v1`), opened only by an operator key
 *   (docs/adr/0046-operator-api-and-keys.md): no organisation's key, browser sign-in or widget
 *   token, and an operator key opens nothing else.
 * - `operator-page`: the operator's page (`/operator`), opened only by the browser session signing
 *   in there with an operator key starts; anyone else is sent to its sign-in.
 * `body` is a request that passes validation, so a cross-organisation request is refused for
 * whose resource it names, not for its shape.
 */
import type { ApiKeyScope } from "../../../src/db/schema.js";
import type { WebRole } from "./abuse-world.js";

export type Resource =
  | "sessions"
  | "tickets"
  | "reports"
  | "users"
  | "api-keys"
  | "webhooks"
  | "settings"
  | "audit"
  | "account"
  | "organisations"
  | "public";

export interface RoutePolicy {
  access: "public" | "embed" | "operator" | "operator-page" | readonly WebRole[] | { scope: ApiKeyScope };
  resource: Resource;
  action: "read" | "write";
  body?: Record<string, unknown>;
  /** A query string a GET needs to succeed (an export's format). */
  query?: string;
  /** A server-sent event stream: the matrix reads its first event, then hangs up (route-requests.ts). */
  isStream?: true;
}

const anyone = ["admin", "supporter", "auditor"] as const;
const workers = ["admin", "supporter"] as const;
const readers = ["admin", "auditor"] as const;
const admins = ["admin"] as const;

const web = (
  access: RoutePolicy["access"],
  resource: Resource,
  action: RoutePolicy["action"],
  body?: Record<string, unknown>,
): RoutePolicy => (body === undefined ? { access, resource, action } : { access, resource, action, body });
const api = (scope: ApiKeyScope, resource: Resource, body?: Record<string, unknown>): RoutePolicy =>
  web({ scope }, resource, scope.endsWith(":read") ? "read" : "write", body);
const open: RoutePolicy = { access: "public", resource: "public", action: "read" };
const embed = (
  resource: Resource,
  action: RoutePolicy["action"],
  body?: Record<string, unknown>,
): RoutePolicy => web("embed", resource, action, body);

const operator = (action: RoutePolicy["action"], body?: Record<string, unknown>): RoutePolicy =>
  web("operator", "organisations", action, body);

const operatorPage = (action: RoutePolicy["action"], body?: Record<string, unknown>): RoutePolicy =>
  web("operator-page", "organisations", action, body);

export const routePolicies: Record<string, RoutePolicy> = {
  // Probes, assets, sign-in and the join page.
  "GET /health": open,
  "GET /healthz": open,
  "GET /readyz": open,
  "GET /assets/*": open,
  "GET /favicon.ico": open,
  "GET /login": open,
  "POST /login": { ...open, action: "write" },
  "GET /login/link": open,
  "POST /logout": { ...open, action: "write" },
  "GET /setup": open,
  "POST /setup": { ...open, action: "write" },
  "GET /join/:token": open,
  "GET /join/:token/status": open,
  // The ticket widget's entry: a signed one-time assertion is its credential (src/embedding/).
  "GET /embed/ticket": open,
  "POST /embed/ticket": { ...open, action: "write", body: { assertion: "not-a-token" } },
  // Zendesk's and Forge's entries: the platform's signed token is their credential.
  "POST /embed/zendesk/:integrationId": { ...open, action: "write", body: { token: "not-a-token" } },
  "POST /embed/forge/launch": { ...open, action: "write", body: { title: "Printer on fire" } },
  // The widget's shell carries nothing: the token arrives in the address's fragment.
  "GET /embed/widget/:integrationId": open,
  // The widget's own requests, behind the embed token only.
  "GET /embed/panel": embed("tickets", "read"),
  "GET /embed/stream": { ...embed("sessions", "read"), isStream: true },
  "POST /embed/actions/start": embed("sessions", "write", { group: "Helpdesk" }),
  "POST /embed/actions/sessions/:id/invite": embed("sessions", "write", { email: "erika@example.org" }),
  "POST /embed/actions/sessions/:id/join-address": embed("sessions", "write"),
  "POST /embed/actions/sessions/:id/close": embed("sessions", "write"),
  "POST /embed/actions/connect": embed("account", "write"),
  // The brand's logo (by organisation and content hash) and accent stylesheet (by colour).
  "GET /brand/:organisationId/:file": open,
  "GET /brand/:file": open,
  // TeamViewer's OAuth redirect lands here; it checks the state against the browser session itself.
  "GET /teamviewer/callback": open,
  "GET /api/v1/openapi.json": open,
  "GET /api/v1/reference": open,
  "GET /api/operator/v1/openapi.json": open,
  "GET /api/operator/v1/reference": open,

  // The installation's operator, by operator key only.
  "GET /api/operator/v1/organisations": operator("read"),
  "POST /api/operator/v1/organisations": operator("write", {
    name: "Matrix",
    adminEmail: "matrix@example.com",
  }),
  "PATCH /api/operator/v1/organisations/:id": operator("write", { name: "Matrix" }),
  "POST /api/operator/v1/organisations/:id/disable": operator("write"),
  "POST /api/operator/v1/organisations/:id/enable": operator("write"),
  // Its page: the sign-in is open, the rest needs the operator's browser session.
  "GET /operator/sign-in": open,
  "POST /operator/sign-in": { ...open, action: "write", body: { operatorKey: "atdop_nope_nope" } },
  "POST /operator/sign-out": { ...open, action: "write" },
  "GET /operator": operatorPage("read"),
  "POST /operator/organisations": operatorPage("write", { name: "Matrix", adminEmail: "matrix@example.com" }),
  "POST /operator/organisations/:id/rename": operatorPage("write", { name: "Matrix" }),
  "POST /operator/organisations/:id/disable": operatorPage("write"),
  "POST /operator/organisations/:id/enable": operatorPage("write"),

  // Everyone signed in: their own profile and TeamViewer connection, and the read views.
  "GET /": web(anyone, "account", "read"),
  "GET /profile": web(anyone, "account", "read"),
  "POST /profile": web(anyone, "account", "write", { displayName: "Someone", locale: "en" }),
  "POST /profile/password": web(anyone, "account", "write", {}),
  "GET /connection": web(anyone, "account", "read"),
  "GET /connection/start": web(anyone, "account", "read"),
  "POST /connection/disconnect": web(anyone, "account", "write"),
  "GET /sessions": web(anyone, "sessions", "read"),
  "GET /sessions/:id": web(anyone, "sessions", "read"),
  "GET /live/desk": { ...web(anyone, "sessions", "read"), isStream: true },
  "GET /live/sessions/:id": { ...web(anyone, "sessions", "read"), isStream: true },
  "GET /reports": web(anyone, "reports", "read"),
  "GET /reports/unmatched": web(anyone, "reports", "read"),
  "GET /reports/export": { ...web(anyone, "reports", "read"), query: "?format=csv" },
  // Which columns the report tables show: a cookie of the browser's own, nothing stored.
  "POST /reports/columns": web(anyone, "reports", "read", { offered: "device", column: "device" }),
  "GET /reports/dashboard": web(anyone, "reports", "read"),
  "GET /reports/:id": web(anyone, "reports", "read"),
  "GET /reports/:id/screenshots/:screenshotId": web(anyone, "reports", "read"),
  // Asks TeamViewer for the session's state: a read, so auditors may too.
  "POST /sessions/:id/refresh": web(anyone, "sessions", "read"),

  // Supporters and admins work on sessions and reports; auditors only look.
  "GET /sessions/new": web(workers, "sessions", "read"),
  "POST /sessions/new": web(workers, "sessions", "write", {
    externalId: "x-1",
    title: "Matrix",
    group: "Helpdesk",
    validityHours: "24",
  }),
  "POST /sessions/:id/close": web(workers, "sessions", "write", { confirm: "yes" }),
  "POST /sessions/:id/edit": web(workers, "sessions", "write", { description: "edited", waitingMessage: "" }),
  "POST /sessions/:id/invitations": web(workers, "sessions", "write", {
    requestId: "0b6f3c52-52f4-4a39-9d3e-8f0c1c1e7a10",
    email: "x@example.org",
    name: "X",
    locale: "en",
  }),
  "POST /sessions/:id/invitations/:invitationId/resend": web(workers, "sessions", "write", {
    requestId: "5d0a6e2b-7c1f-4e59-a3b8-2f6d9e4c1b07",
  }),
  "POST /sessions/:id/join-address": web(workers, "sessions", "write"),
  "POST /sessions/:id/reassign": web(workers, "sessions", "write", {
    assigneeUserId: "00000000-0000-4000-8000-000000000000",
  }),
  "POST /reports/:id/edit": web(workers, "reports", "write", { notes: "edited" }),
  "POST /reports/:id/attach": web(workers, "reports", "write", { ticket: "contoso-ticket-1" }),

  // Auditors and admins read the audit log.
  "GET /audit": web(readers, "audit", "read"),
  "GET /audit/export": web(readers, "audit", "read"),

  // Admins only: people, organisation settings, the sync by hand.
  "GET /users": web(admins, "users", "read"),
  "POST /users": web(admins, "users", "write", { email: "new@contoso.example", role: "supporter" }),
  "POST /users/:id/password": web(admins, "users", "write", { password: "a long enough new password 42" }),
  "POST /users/:id/role": web(admins, "users", "write", { role: "auditor" }),
  "POST /users/:id/status": web(admins, "users", "write", { isDisabled: "true" }),
  "GET /webhooks": web(admins, "webhooks", "read"),
  "POST /webhooks": web(admins, "webhooks", "write", {
    url: "https://hooks.contoso.example/new",
    description: "new",
  }),
  "GET /webhooks/:id": web(admins, "webhooks", "read"),
  "POST /webhooks/:id": web(admins, "webhooks", "write", {
    url: "https://hooks.contoso.example/changed",
    description: "changed",
  }),
  "POST /webhooks/:id/status": web(admins, "webhooks", "write", { enabled: "false" }),
  "POST /webhooks/:id/rotate": web(admins, "webhooks", "write"),
  "POST /webhooks/:id/test": web(admins, "webhooks", "write"),
  "POST /webhooks/:id/delete": web(admins, "webhooks", "write"),
  "GET /webhooks/:id/deliveries/:deliveryId": web(admins, "webhooks", "read"),
  "POST /webhooks/:id/deliveries/:deliveryId/resend": web(admins, "webhooks", "write"),
  "GET /api-keys": web(admins, "api-keys", "read"),
  "POST /api-keys": web(admins, "api-keys", "write", { name: "matrix", scopes: "sessions:read" }),
  "GET /api-keys/:id/revoke": web(admins, "api-keys", "read"),
  "POST /api-keys/:id/revoke": web(admins, "api-keys", "write"),
  "GET /reports/sync-status": web(admins, "reports", "read"),
  "POST /reports/sync": web(admins, "reports", "write"),
  "GET /settings/billing": web(admins, "settings", "read"),
  "POST /settings/billing": web(admins, "settings", "write", {
    roundingIncrementMinutes: "15",
    minimumBillableMinutes: "15",
  }),
  "GET /settings/helpdesk": web(admins, "settings", "read"),
  // Nothing listens on port 1 of loopback, so the check after saving fails at once.
  "POST /settings/helpdesk": web(admins, "settings", "write", {
    kind: "request-tracker",
    baseUrl: "http://127.0.0.1:1",
    token: "1-1-0123456789abcdef",
    sessionField: "TeamViewer session",
    noteLocale: "en",
  }),
  "POST /settings/helpdesk/test": web(admins, "settings", "write"),
  "POST /settings/helpdesk/remove": web(admins, "settings", "write"),
  "POST /settings/helpdesk/writes/:id/resend": web(admins, "settings", "write"),
  "GET /settings/helpdesk/templates/:event/:locale": web(admins, "settings", "read"),
  "POST /settings/helpdesk/templates/:event/:locale": web(admins, "settings", "write", {
    subject: "Hi",
    body: "{joinUrl}",
    action: "save",
  }),
  "POST /settings/helpdesk/templates/:event/:locale/reset": web(admins, "settings", "write"),
  "GET /settings/invitations": web(admins, "settings", "read"),
  "GET /settings/invitations/:locale": web(admins, "settings", "read"),
  "POST /settings/invitations/:locale": web(admins, "settings", "write", {
    subject: "Hi",
    body: "{{joinLink}}",
  }),
  "POST /settings/invitations/:locale/reset": web(admins, "settings", "write"),
  "GET /settings/sessions": web(admins, "settings", "read"),
  "POST /settings/sessions": web(admins, "settings", "write", { closesExpiredSessions: "on" }),
  "GET /settings/brand": web(admins, "settings", "read"),
  "POST /settings/brand": web(admins, "settings", "write", {
    supporterNameMode: "full",
    defaultLocale: "en",
    timeZone: "UTC",
  }),
  "GET /settings/teamviewer": web(admins, "settings", "read"),
  "POST /settings/teamviewer": web(admins, "settings", "write", {}),
  "POST /settings/teamviewer/script-token": web(admins, "settings", "write", { token: "" }),
  "POST /settings/teamviewer/script-token/delete": web(admins, "settings", "write"),

  // REST API.
  "GET /api/v1/sessions": api("sessions:read", "sessions"),
  "POST /api/v1/sessions": api("sessions:write", "sessions", {
    ticket: { externalId: "x-1", title: "Matrix" },
    group: { name: "Helpdesk" },
  }),
  "GET /api/v1/sessions/:id": api("sessions:read", "sessions"),
  "PATCH /api/v1/sessions/:id": api("sessions:write", "sessions", { description: "edited" }),
  "POST /api/v1/sessions/:id/close": api("sessions:write", "sessions"),
  "POST /api/v1/sessions/:id/join-address": api("sessions:write", "sessions"),
  "GET /api/v1/sessions/:id/invitations": api("sessions:read", "sessions"),
  "POST /api/v1/sessions/:id/invitations": api("sessions:write", "sessions", {
    email: "x@example.org",
    name: "X",
    locale: "en",
  }),
  "POST /api/v1/sessions/:id/invitations/:invitationId/resend": api("sessions:write", "sessions"),
  "GET /api/v1/tickets/:externalId/sessions": api("sessions:read", "tickets"),
  "GET /api/v1/tickets/:externalId/connections": api("reports:read", "tickets"),
  "POST /api/v1/tickets/:externalId/close": api("sessions:write", "tickets", { closeOpenSessions: true }),
  "GET /api/v1/reports/connections": api("reports:read", "reports"),
  "GET /api/v1/reports/connections/export": { ...api("reports:read", "reports"), query: "?format=csv" },
  "GET /api/v1/reports/connections/:id": api("reports:read", "reports"),
  "PATCH /api/v1/reports/connections/:id": api("reports:write", "reports", { notes: "edited" }),
  "POST /api/v1/reports/connections/:id/attach": api("reports:write", "reports", {
    ticket: "contoso-ticket-1",
  }),
  "GET /api/v1/users": api("organisation:read", "users"),
  "GET /api/v1/users/:id/teamviewer": api("organisation:read", "users"),
  "GET /api/v1/organisation/health": api("organisation:read", "settings"),
  "GET /settings/embedding": web(admins, "settings", "read"),
  "POST /settings/embedding": web(admins, "settings", "write", {
    name: "Helpdesk",
    allowedOrigins: "https://desk.example.com",
  }),
  "GET /settings/embedding/:id": web(admins, "settings", "read"),
  "POST /settings/embedding/:id": web(admins, "settings", "write", {
    name: "Renamed",
    allowedOrigins: "https://desk.example.com",
  }),
  "POST /settings/embedding/:id/status": web(admins, "settings", "write", { enabled: "false" }),
  "POST /settings/embedding/:id/rotate": web(admins, "settings", "write"),
  "POST /settings/embedding/:id/delete": web(admins, "settings", "write"),
  "GET /api/v1/embedding-integrations": api("embedding:read", "settings"),
  "POST /api/v1/embedding-integrations": api("embedding:write", "settings", {
    name: "Helpdesk",
    allowedOrigins: ["https://desk.example.com"],
  }),
  "GET /api/v1/embedding-integrations/:integrationId": api("embedding:read", "settings"),
  "PATCH /api/v1/embedding-integrations/:integrationId": api("embedding:write", "settings", {
    name: "Renamed",
  }),
  "DELETE /api/v1/embedding-integrations/:integrationId": api("embedding:write", "settings"),
  "POST /api/v1/embedding-integrations/:integrationId/rotate-secret": api("embedding:write", "settings"),
  "POST /api/v1/embed/assertions": api("embedding:mint", "settings", {
    integrationId: "00000000-0000-4000-8000-000000000000",
    agentEmail: "nobody@example.com",
    ticket: { externalId: "1", title: "Printer" },
  }),
  "GET /api/v1/webhooks/endpoints": api("webhooks:read", "webhooks"),
  "POST /api/v1/webhooks/endpoints": api("webhooks:write", "webhooks", {
    url: "https://hooks.contoso.example/new",
    description: "new",
    eventTypes: [],
  }),
  "GET /api/v1/webhooks/endpoints/:endpointId": api("webhooks:read", "webhooks"),
  "PATCH /api/v1/webhooks/endpoints/:endpointId": api("webhooks:write", "webhooks", {
    description: "edited",
  }),
  "DELETE /api/v1/webhooks/endpoints/:endpointId": api("webhooks:write", "webhooks"),
  "GET /api/v1/webhooks/endpoints/:endpointId/deliveries": api("webhooks:read", "webhooks"),
  "GET /api/v1/webhooks/endpoints/:endpointId/deliveries/:deliveryId": api("webhooks:read", "webhooks"),
  "POST /api/v1/webhooks/endpoints/:endpointId/deliveries/:deliveryId/resend": api(
    "webhooks:write",
    "webhooks",
  ),
  "POST /api/v1/webhooks/endpoints/:endpointId/rotate-secret": api("webhooks:write", "webhooks"),
  "GET /api/v1/helpdesk/writes": api("helpdesk:read", "settings"),
  "POST /api/v1/helpdesk/writes/:writeId/resend": api("helpdesk:write", "settings"),
  "POST /api/v1/webhooks/endpoints/:endpointId/test": api("webhooks:write", "webhooks"),
};

/** `METHOD /path` with Hono's inline patterns (`:id{[0-9a-f-]{36}}`) reduced to the name. */
export function routeKey(method: string, path: string): string {
  // The stylesheet's and the icon's names carry their content hash.
  const named = path.startsWith("/assets/") ? "/assets/*" : path;
  return `${method} ${named.replace(/(:[A-Za-z]+)\{[^/]*\}/g, "$1")}`;
}

/** Routes that exist only in some set-ups, and what turns them on. */
export const conditionalRoutes: Record<string, string> = {
  "GET /outbox": "demo mode (mail goes to the outbox)",
  "GET /outbox/:id": "demo mode (mail goes to the outbox)",
  "GET /outbox/:id/html": "demo mode (mail goes to the outbox)",
};

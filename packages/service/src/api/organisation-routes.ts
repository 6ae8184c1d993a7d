/**
 * `/api/v1/users…` and `/api/v1/organisation/health` (issue 7, "REST API"), scope
 * `organisation:read`: who is connected to TeamViewer, a link to send a user to connect, and
 * whether the organisation's TeamViewer setup and report sync are healthy.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { helpdeskKinds } from "../db/schema.js";
import { describeHelpdeskProblem } from "../helpdesks/describe-helpdesk-problem.js";
import type { MessageKey } from "../i18n/index.js";
import {
  getOrganisationHealth,
  type OrganisationHealth,
  type OrganisationHealthDeps,
} from "../organisation/organisation-health.js";
import {
  getUserTeamViewerStatus,
  listUserTeamViewerStatuses,
  type UserTeamViewerStatus,
} from "../organisation/user-teamviewer-status.js";
import type { HealthCheck } from "../teamviewer/health-check.js";
import { requireScope } from "./api-auth.js";
import type { ApiEnv } from "./api-env.js";
import { ApiProblemError } from "./api-problem-error.js";
import { problemResponses } from "./route-helpers.js";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

const userTeamViewerSchema = z
  .object({
    userId: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(["admin", "supporter", "auditor"]),
    isDisabled: z.boolean(),
    teamViewer: z.object({
      status: z.enum(["connected", "needs-reconnect", "not-connected"]).openapi({
        description: "needs-reconnect: TeamViewer no longer accepts the grant; send the user to connectUrl",
      }),
      account: z
        .object({ userId: z.string(), name: z.string(), email: z.string() })
        .nullable()
        .openapi({ description: "The connected TeamViewer account" }),
      updatedAt: z.string().nullable(),
      connectUrl: z.string().openapi({
        description:
          "Send the user here: after signing in to Attendant they are led to TeamViewer's consent page",
        example: "https://support.example.com/connection/start",
      }),
    }),
  })
  .openapi("UserTeamViewerStatus");

const userListSchema = z.object({ users: z.array(userTeamViewerSchema) }).openapi("UserList");

const checkSchema = z
  .object({
    check: z.string().openapi({ description: "What was checked, in the request's language" }),
    status: z.enum(["ok", "problem", "skipped"]),
    message: z.string().openapi({ description: "The result, or what to change, in the request's language" }),
    messageKey: z.string(),
  })
  .openapi("HealthCheck");

const healthSchema = z
  .object({
    isHealthy: z.boolean(),
    teamViewerApp: z.object({
      isConfigured: z.boolean(),
      clientId: z.string().nullable(),
      isSimulator: z.boolean(),
      checks: z.array(checkSchema),
    }),
    scriptToken: z.object({ isConfigured: z.boolean(), isValid: z.boolean(), checks: z.array(checkSchema) }),
    connections: z.object({
      connected: z.number().int(),
      needsReconnect: z.array(z.object({ userId: z.uuid(), email: z.string() })),
    }),
    helpdesk: z
      .object({
        isConfigured: z.boolean(),
        isHealthy: z
          .boolean()
          .openapi({ description: "False when the last check found a problem or never ran" }),
        kind: z.enum(helpdeskKinds).nullable(),
        baseUrl: z.string().nullable(),
        lastCheckedAt: z.string().nullable(),
        problems: z.array(
          z.object({
            kind: z.enum([
              "unreachable",
              "bad-credentials",
              "no-queue-visible",
              "missing-rights",
              "missing-field",
              "unexpected-answer",
            ]),
            message: z
              .string()
              .openapi({ description: "What is wrong and what to do, in the request's language" }),
          }),
        ),
      })
      .openapi({
        description: "The helpdesk connection as of its last check (Test connection on /settings/helpdesk)",
      }),
    reportSync: z.object({
      maxLagSeconds: z.number().int().nullable().openapi({
        description: "Seconds since the least recent complete sync pass of any account",
      }),
      accounts: z.array(
        z.object({
          id: z.uuid(),
          source: z.enum(["organisation", "user"]),
          userId: z.uuid().nullable(),
          status: z.enum(["active", "needs_reconnect", "inactive"]),
          lagSeconds: z.number().int().nullable(),
          lastSuccessAt: z.string().nullable(),
          pausedUntil: z.string().nullable(),
          lastError: z.string().nullable(),
          consecutiveFailures: z.number().int(),
          recordsSynced: z.number().int(),
        }),
      ),
    }),
  })
  .openapi("OrganisationHealth");

const userIdParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: "id", in: "path" } }),
});

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

function toUserJson(user: UserTeamViewerStatus) {
  return { ...user, teamViewer: { ...user.teamViewer, updatedAt: iso(user.teamViewer.updatedAt) } };
}

function toCheckJson(c: Context<ApiEnv>, check: HealthCheck) {
  const { t } = c.get("t");
  const permission = check.permission === undefined ? {} : { permission: t(check.permission) };
  return {
    check: t(check.label),
    status: check.status,
    message: t(check.message, { ...check.params, ...permission }),
    messageKey: check.message satisfies MessageKey,
  };
}

function toHelpdeskHealthJson(c: Context<ApiEnv>, helpdesk: OrganisationHealth["helpdesk"]) {
  const { connection, isHealthy } = helpdesk;
  return {
    isConfigured: connection !== undefined,
    isHealthy,
    kind: connection?.kind ?? null,
    baseUrl: connection?.baseUrl ?? null,
    lastCheckedAt: iso(connection?.lastCheck?.checkedAt ?? null),
    problems: (connection?.lastCheck?.problems ?? []).map((problem) => ({
      kind: problem.kind,
      message: describeHelpdeskProblem(c.get("t"), problem),
    })),
  };
}

export function registerOrganisationRoutes(api: OpenAPIHono<ApiEnv>, deps: OrganisationHealthDeps): void {
  const read = requireScope("organisation:read");

  api.openapi(
    createRoute({
      method: "get",
      path: "/users",
      summary: "List the organisation's users with their TeamViewer connection status",
      description: "Admins and auditors (or an organisation-wide key) only.",
      middleware: [read] as const,
      responses: { 200: json(userListSchema, "Every user, by e-mail address"), ...problemResponses },
    }),
    async (c) => {
      const users = await listUserTeamViewerStatuses(deps, { actor: c.get("apiPrincipal").actor });
      return c.json({ users: users.map(toUserJson) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/users/{id}/teamviewer",
      summary: "A user's TeamViewer connection status and the link to connect",
      description: "A key acting for a supporter may only ask about that supporter.",
      middleware: [read] as const,
      request: { params: userIdParamsSchema },
      responses: { 200: json(userTeamViewerSchema, "The user's status"), ...problemResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const user = await getUserTeamViewerStatus(deps, { actor: c.get("apiPrincipal").actor, userId: id });
      if (user === undefined) {
        throw new ApiProblemError(404, "user-not-found", "This organisation has no user with this id.");
      }
      return c.json(toUserJson(user), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/organisation/health",
      summary: "Whether TeamViewer and the report sync work for the organisation",
      description:
        "Probes the TeamViewer app's credentials and the script token at TeamViewer, lists connections that need reconnecting and the report sync's lag. Admins and auditors only.",
      middleware: [read] as const,
      responses: { 200: json(healthSchema, "The organisation's health"), ...problemResponses },
    }),
    async (c) => {
      const health = await getOrganisationHealth(deps, { actor: c.get("apiPrincipal").actor });
      return c.json(
        {
          ...health,
          teamViewerApp: {
            ...health.teamViewerApp,
            checks: health.teamViewerApp.checks.map((check) => toCheckJson(c, check)),
          },
          scriptToken: {
            ...health.scriptToken,
            checks: health.scriptToken.checks.map((check) => toCheckJson(c, check)),
          },
          helpdesk: toHelpdeskHealthJson(c, health.helpdesk),
          reportSync: {
            maxLagSeconds: health.reportSync.maxLagSeconds,
            accounts: health.reportSync.accounts.map((account) => ({
              id: account.id,
              source: account.source.kind,
              userId: account.source.kind === "user" ? account.source.userId : null,
              status: account.status,
              lagSeconds: account.lagSeconds,
              lastSuccessAt: iso(account.lastSuccessAt),
              pausedUntil: iso(account.pausedUntil),
              lastError: account.lastError?.message ?? null,
              consecutiveFailures: account.consecutiveFailures,
              recordsSynced: account.recordsSynced,
            })),
          },
        },
        200,
      );
    },
  );
}

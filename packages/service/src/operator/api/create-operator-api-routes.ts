/**
 * The operator API under `/api/operator/v1` (issue #25, docs/adr/0046-operator-api-and-keys.md):
 * the installation's organisations, for whoever runs it. Its own OpenAPI document and reference
 * page (`/api/operator/v1/openapi.json`, `/api/operator/v1/reference`), its own key kind
 * (`atdop_…`), and none of the organisations' routes: it is a separate app from `/api/v1`.
 *
 * Bad input is 400 problem+json; a refusal of the use cases becomes its status and `code`.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { ApiProblemError } from "../../api/api-problem-error.js";
import { validationHook } from "../../api/api-problems.js";
import { registerDocumentationRoutes } from "../../api/documentation-routes.js";
import type { AppDeps } from "../../http/app-deps.js";
import { problemResponse } from "../../http/problem.js";
import { operatorRefusalOf } from "../operator-refusal.js";
import type { OperatorApiEnv } from "./operator-api-env.js";
import { registerOperatorOrganisationRoutes } from "./operator-organisation-routes.js";
import { requireOperatorKey } from "./require-operator-key.js";

export const operatorApiBasePath = "/api/operator/v1";

const about = {
  title: "Attendant operator API",
  description: `The operator's API of an Attendant installation: its organisations (tenants).

**Authentication.** Every request sends an operator key as \`Authorization: Bearer atdop_<prefix>_<secret>\`.
Whoever runs the installation creates one with \`attendant operator-keys create --name <name>\` (shown
once) and revokes it with \`attendant operator-keys revoke\`. An organisation's API key (\`atd_…\`) is
answered 403 here, and an operator key opens none of the organisations' routes (\`/api/v1\`).

**What it shows.** Each organisation's name, state and numbers of users and support sessions;
nothing of its sessions, reports or people. Every change is recorded in that organisation's own
audit log, naming the operator key.

**Errors.** Every error is \`application/problem+json\` (RFC 9457) with \`code\` and \`requestId\`.`,
};

export function createOperatorApiRoutes(deps: AppDeps): OpenAPIHono<OperatorApiEnv> {
  const api = new OpenAPIHono<OperatorApiEnv>({ defaultHook: validationHook }).basePath(operatorApiBasePath);
  api.openAPIRegistry.registerComponent("securitySchemes", "operatorKey", {
    type: "http",
    scheme: "bearer",
    description: "An operator key: `atdop_<prefix>_<secret>`",
  });
  // The document and reference page come before the key check: they are public.
  registerDocumentationRoutes(api, {
    publicUrl: deps.config.publicUrl,
    basePath: operatorApiBasePath,
    about,
    securityScheme: "operatorKey",
  });
  const operatorDeps = { db: deps.database.db, clock: deps.clock, publicUrl: deps.config.publicUrl };
  api.use("*", requireOperatorKey(operatorDeps));
  api.onError((error, c) => {
    const refusal = operatorRefusalOf(
      error,
      `There is no organisation with this id; GET ${operatorApiBasePath}/organisations lists them.`,
    );
    if (refusal !== undefined) {
      return problemResponse(c, refusal.status, {
        detail: refusal.detail,
        extensions: { code: refusal.code },
      });
    }
    if (error instanceof ApiProblemError) {
      return problemResponse(c, error.status, { detail: error.detail, extensions: { code: error.code } });
    }
    throw error;
  });
  registerOperatorOrganisationRoutes(api, operatorDeps);
  return api;
}

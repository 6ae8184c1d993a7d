/**
 * `/api/operator/v1/organisations…`: the installation's organisations for its operator, through
 * the same use cases as `attendant orgs …` (src/operator/manage-organisations.ts). Answers carry
 * each organisation's name, state and counts of users and sessions, never its data.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { ApiProblemError } from "../../api/api-problem-error.js";
import { jsonContent, problem } from "../../api/route-helpers.js";
import {
  createOrganisationAsOperator,
  listOrganisationsAsOperator,
  type OperatorDeps,
  type Organisation,
  type OrganisationSummary,
  renameOrganisationAsOperator,
  switchOrganisationAsOperator,
} from "../manage-organisations.js";
import type { OperatorApiEnv } from "./operator-api-env.js";

const operatorProblems = {
  400: problem(
    "Invalid input: an empty or too long name, a bad e-mail address; `detail` says what to change",
  ),
  401: problem("Missing, unknown or revoked operator key"),
  403: problem("An organisation's API key: the operator API needs an operator key"),
} as const;

const organisationFields = {
  id: z.uuid(),
  name: z.string(),
  enabled: z.boolean(),
  createdAt: z.string().openapi({ description: "ISO 8601, UTC" }),
  disabledAt: z
    .string()
    .nullable()
    .openapi({ description: "When the operator disabled it; null while enabled" }),
};

const organisationSchema = z.object(organisationFields).openapi("OperatorOrganisation");

const summarySchema = z
  .object({
    ...organisationFields,
    userCount: z.number().int(),
    sessionCount: z.number().int().openapi({ description: "Support sessions, open and closed" }),
  })
  .openapi("OperatorOrganisationSummary");

const createBodySchema = z
  .object({
    name: z.string().openapi({
      description: "1 to 100 characters, unique in any letter case",
      example: "Fabrikam Support",
    }),
    adminEmail: z.string().openapi({
      description: "The first admin's address, unique in the installation",
      example: "lee@fabrikam.example",
    }),
    adminName: z
      .string()
      .optional()
      .openapi({ description: "The first admin's display name; the part before @ by default" }),
  })
  .strict()
  .openapi("OperatorOrganisationCreate");

const createdSchema = z
  .object({
    organisation: organisationSchema,
    admin: z.object({ userId: z.uuid(), email: z.string(), displayName: z.string() }),
    signInUrl: z.string().openapi({
      description:
        "Give it to the first admin: it signs them in once, within signInLinkLifetimeMinutes; they then set a password",
    }),
    signInLinkLifetimeMinutes: z.number().int(),
  })
  .openapi("OperatorOrganisationCreated");

const renameBodySchema = z
  .object({ name: z.string().openapi({ description: "1 to 100 characters, unique in any letter case" }) })
  .strict()
  .openapi("OperatorOrganisationRename");

const idParamsSchema = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" }, description: "The organisation's id" }),
});

const notFound = problem("No organisation with this id (`organisation-not-found`)");

function toJson(organisation: Organisation) {
  return {
    id: organisation.id,
    name: organisation.name,
    enabled: organisation.disabledAt === null,
    createdAt: organisation.createdAt.toISOString(),
    disabledAt: organisation.disabledAt?.toISOString() ?? null,
  };
}

function toSummaryJson(organisation: OrganisationSummary) {
  return {
    ...toJson(organisation),
    userCount: organisation.userCount,
    sessionCount: organisation.sessionCount,
  };
}

export function registerOperatorOrganisationRoutes(
  api: OpenAPIHono<OperatorApiEnv>,
  deps: OperatorDeps,
): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/organisations",
      summary: "List the organisations with their numbers of users and support sessions",
      description: "Oldest first: the installation's first organisation leads.",
      responses: {
        200: jsonContent(z.object({ organisations: z.array(summarySchema) }), "Every organisation"),
        ...operatorProblems,
      },
    }),
    async (c) => {
      const organisations = await listOrganisationsAsOperator(deps);
      return c.json({ organisations: organisations.map(toSummaryJson) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/organisations",
      summary: "Create an organisation and its first admin",
      description:
        "Answers a one-time sign-in link for the first admin, as `attendant orgs create` prints it. Recorded in the new organisation's audit log under the operator key.",
      request: { body: { content: { "application/json": { schema: createBodySchema } }, required: true } },
      responses: {
        201: jsonContent(createdSchema, "The organisation, its admin and their sign-in link"),
        ...operatorProblems,
        409: problem("The name is taken (`organisation-name-taken`) or the address is (`email-taken`)"),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const created = await createOrganisationAsOperator(deps, c.get("operator"), {
        name: body.name,
        adminEmail: body.adminEmail,
        adminName: body.adminName,
        fieldNames: {
          adminEmail: "The first admin's e-mail address (adminEmail)",
          adminName: "The first admin's name (adminName)",
        },
      });
      return c.json({ ...created, organisation: toJson(created.organisation) }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/organisations/{id}",
      summary: "Rename an organisation",
      description: "Its end customers see the new name from now on. The same name again changes nothing.",
      request: {
        params: idParamsSchema,
        body: { content: { "application/json": { schema: renameBodySchema } }, required: true },
      },
      responses: {
        200: jsonContent(organisationSchema, "The renamed organisation"),
        ...operatorProblems,
        404: notFound,
        409: problem("Another organisation has this name (`organisation-name-taken`)"),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { name } = c.req.valid("json");
      const { organisation } = await renameOrganisationAsOperator(deps, c.get("operator"), { id, name });
      return c.json(toJson(organisation), 200);
    },
  );

  for (const disable of [true, false]) {
    const verb = disable ? "disable" : "enable";
    api.openapi(
      createRoute({
        method: "post",
        path: `/organisations/{id}/${verb}`,
        summary: disable
          ? "Disable an organisation, keeping its data"
          : "Enable a disabled organisation again",
        description: disable
          ? "Its users, API keys, widget and join links are refused and its sync, watches, write-back and webhooks pause; nothing is deleted."
          : "Its users and keys work again and its paused jobs resume.",
        request: { params: idParamsSchema },
        responses: {
          200: jsonContent(organisationSchema, `The ${verb}d organisation`),
          ...operatorProblems,
          404: notFound,
          409: problem(`It is already ${verb}d (\`already-${verb}d\`); nothing changed`),
        },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        const result = await switchOrganisationAsOperator(deps, c.get("operator"), { id, disable });
        if (!result.changed) {
          throw new ApiProblemError(
            409,
            `already-${verb}d`,
            `The organisation "${result.organisation.name}" is already ${verb}d; nothing changed.`,
          );
        }
        return c.json(toJson(result.organisation), 200);
      },
    );
  }
}

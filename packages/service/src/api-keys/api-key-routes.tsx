/**
 * The admins' API keys page (issue 7, "API keys"):
 *
 *   GET  /api-keys               the organisation's keys and the create form
 *   POST /api-keys               create; the answer shows the whole key once (never stored)
 *   GET  /api-keys/:id/revoke    asks for confirmation
 *   POST /api-keys/:id/revoke    revokes; the key's next request is refused
 *
 * The use cases (src/api-keys/api-keys.ts) check the admin role again and write the audit log.
 */
import { type Context, Hono } from "hono";
import { listUsers } from "../db/repositories/users.js";
import { type ApiKeyScope, apiKeyScopes } from "../db/schema.js";
import type { AppDeps, AppEnv } from "../http/app-deps.js";
import type { SignedInEnv } from "../identity/current-session.js";
import { requireRole } from "../identity/require-user.js";
import { webActorOf } from "../sessions/pages/web-actor.js";
import { SupportSessionError } from "../sessions/support-session-error.js";
import type { FieldErrors } from "../web/forms.js";
import type { WebExtensions } from "../web/web-extensions.js";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-keys.js";
import {
  ApiKeysPage,
  apiKeysPath,
  type CreateFormState,
  type KeyUser,
  RevokeApiKeyPage,
} from "./pages/api-keys-page.js";

type ApiKeyRouteDeps = Pick<AppDeps, "database" | "clock"> & { web: WebExtensions };
type ApiKeysContext = Context<SignedInEnv>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isScope = (value: string): value is ApiKeyScope => (apiKeyScopes as readonly string[]).includes(value);

export function createApiKeyRoutes(deps: ApiKeyRouteDeps): Hono<AppEnv> {
  deps.web.addNavEntry({ href: apiKeysPath, label: "nav.apiKeys", roles: ["admin"] });
  const routes = new Hono<SignedInEnv>();
  const admin = requireRole("admin");

  const render = async (
    c: ApiKeysContext,
    state: {
      createForm?: CreateFormState;
      created?: { name: string; token: string };
      notice?: string;
      error?: string;
    },
  ) => {
    const t = c.get("t");
    const actor = webActorOf(c);
    const [keys, users] = await Promise.all([
      listApiKeys(deps, { actor }),
      listUsers(deps.database.db, actor.organisationId),
    ]);
    const userLabels = new Map(users.map((user) => [user.id, labelOf(user)]));
    const eligible: KeyUser[] = users
      .filter((user) => !user.isDisabled && user.role !== "auditor")
      .map((user) => ({ id: user.id, label: labelOf(user) }));
    return c.render(
      <ApiKeysPage
        t={t}
        keys={keys}
        users={eligible}
        userLabels={userLabels}
        scopes={apiKeyScopes}
        {...(state.createForm === undefined ? {} : { createForm: state.createForm })}
        {...(state.created === undefined ? {} : { created: state.created })}
        {...(state.notice === undefined ? {} : { notice: state.notice })}
        {...(state.error === undefined ? {} : { error: state.error })}
      />,
      { title: t.t("apiKeys.title") },
    );
  };

  routes.get(apiKeysPath, admin, (c) =>
    render(c, c.req.query("notice") === "revoked" ? { notice: c.get("t").t("apiKeys.revoked") } : {}),
  );

  routes.post(apiKeysPath, admin, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const text = (value: unknown) => (typeof value === "string" ? value : "");
    const name = text(body.name).trim();
    const rawScopes = [body.scopes ?? []].flat().map(text);
    const actingUserId = text(body.actingUserId).trim();
    const values = { name, scopes: rawScopes, actingUserId };
    const errors: FieldErrors = {};
    if (name.length < 1 || name.length > 100) errors.name = "apiKeys.error.nameLength";
    if (rawScopes.length === 0 || !rawScopes.every(isScope)) errors.scopes = "apiKeys.error.scopes";
    if (actingUserId !== "" && !uuidPattern.test(actingUserId))
      errors.actingUserId = "apiKeys.error.actingUser";
    if (Object.keys(errors).length > 0) {
      c.status(422);
      return render(c, { createForm: { values, errors } });
    }
    try {
      const created = await createApiKey(deps, {
        actor: webActorOf(c),
        name,
        scopes: rawScopes.filter(isScope),
        actingUserId: actingUserId === "" ? null : actingUserId,
      });
      // The whole key is in this answer only: no caching anywhere on the way.
      c.header("Cache-Control", "no-store");
      c.status(201);
      return render(c, { created: { name: created.apiKey.name, token: created.token } });
    } catch (error) {
      if (!(error instanceof SupportSessionError) || error.reason !== "assignee-unavailable") throw error;
      c.status(422);
      return render(c, { createForm: { values, errors: { actingUserId: "apiKeys.error.actingUser" } } });
    }
  });

  const revokePath = `${apiKeysPath}/:id{[0-9a-fA-F-]{36}}/revoke`;

  routes.get(revokePath, admin, async (c) => {
    const t = c.get("t");
    const id = c.req.param("id").toLowerCase();
    const apiKey = (await listApiKeys(deps, { actor: webActorOf(c) })).find(
      (key) => key.id === id && key.revokedAt === null,
    );
    if (apiKey === undefined) {
      c.status(404);
      return render(c, { error: t.t("apiKeys.notFound") });
    }
    return c.render(<RevokeApiKeyPage t={t} apiKey={apiKey} />, { title: t.t("apiKeys.revoke.title") });
  });

  routes.post(revokePath, admin, async (c) => {
    const isRevoked = await revokeApiKey(deps, {
      actor: webActorOf(c),
      apiKeyId: c.req.param("id").toLowerCase(),
    });
    if (!isRevoked) {
      c.status(404);
      return render(c, { error: c.get("t").t("apiKeys.notFound") });
    }
    return c.redirect(`${apiKeysPath}?notice=revoked`, 303);
  });

  const app = new Hono<AppEnv>();
  app.route("/", routes);
  return app;
}

function labelOf(user: { displayName: string; email: string }): string {
  return user.displayName === "" ? user.email : `${user.displayName} <${user.email}>`;
}

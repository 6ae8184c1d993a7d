/**
 * The admins' embedding pages (issue 23), in the settings area:
 *
 *   GET  /settings/embedding               integrations, and the register form
 *   POST /settings/embedding               register; shows the id and the new secret once
 *   GET  /settings/embedding/:id           name, allowed origins, on/off, rotation, deletion
 *   POST /settings/embedding/:id           save name and origins
 *   POST /settings/embedding/:id/status    enabled=true|false
 *   POST /settings/embedding/:id/rotate    new secret, shown once
 *   POST /settings/embedding/:id/delete
 */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-deps.js";
import type { MessageKey, Translator } from "../../i18n/index.js";
import type { SignedInEnv } from "../../identity/current-session.js";
import { requireRole } from "../../identity/require-user.js";
import { webActorOf } from "../../sessions/pages/web-actor.js";
import { renderNotFound } from "../../web/error-pages.js";
import type { WebExtensions } from "../../web/web-extensions.js";
import type { OriginProblem } from "../allowed-origins.js";
import { EmbeddingError } from "../embedding-error.js";
import type { EmbeddingIntegrationRecord } from "../manage-embedding-integrations.js";
import {
  deleteIntegration,
  type EmbeddingDeps,
  getIntegration,
  listIntegrations,
  registerIntegration,
  rotateIntegrationSecret,
  updateIntegration,
} from "../manage-embedding-integrations.js";
import {
  embeddingSettingsPath,
  type IntegrationFormState,
  IntegrationListPage,
  IntegrationPage,
  integrationPath,
  SecretPage,
} from "./integration-pages.js";

type PageContext = Context<SignedInEnv>;

const originProblemKeys: Record<OriginProblem, MessageKey> = {
  "origins-missing": "embed.admin.error.originsMissing",
  "too-many-origins": "embed.admin.error.tooManyOrigins",
  "origin-not-a-url": "embed.admin.error.originNotUrl",
  "origin-not-https": "embed.admin.error.originNotHttps",
  "origin-has-path": "embed.admin.error.originHasPath",
  "origin-has-credentials": "embed.admin.error.originHasCredentials",
};

const uuid = "[0-9a-fA-F-]{36}";
const integrationRoute = `${embeddingSettingsPath}/:id{${uuid}}`;
const emptyForm: IntegrationFormState = { values: {}, errors: {} };

async function readIntegrationForm(c: PageContext) {
  const body = await c.req.parseBody();
  const text = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
  const values = { name: text("name"), allowedOrigins: text("allowedOrigins") };
  return { values, input: { name: values.name, allowedOrigins: values.allowedOrigins.split(/\r?\n/) } };
}

function formWithErrors(
  t: Translator,
  values: IntegrationFormState["values"],
  error: EmbeddingError,
): IntegrationFormState {
  const form: IntegrationFormState = { values, errors: {} };
  const origins: string[] = [];
  for (const entry of error.problems) {
    if (entry.field === "name")
      form.errors.name ??= entry.problem === "name-too-long" ? "forms.invalid" : "common.required";
    else origins.push(t.t(originProblemKeys[entry.problem as OriginProblem], { origin: entry.value ?? "" }));
  }
  if (origins.length > 0) form.originsError = origins.join(" ");
  return form;
}

const formOf = (integration: EmbeddingIntegrationRecord): IntegrationFormState => ({
  values: { name: integration.name, allowedOrigins: integration.allowedOrigins.join("\n") },
  errors: {},
});

export function createIntegrationRoutes(deps: EmbeddingDeps & { web: WebExtensions }): Hono<AppEnv> {
  deps.web.addNavEntry({ href: embeddingSettingsPath, label: "nav.embedding", roles: ["admin"] });
  const routes = new Hono<SignedInEnv>();
  const admin = requireRole("admin");

  async function handle(
    c: PageContext,
    run: () => Promise<Response>,
    onInvalid?: (error: EmbeddingError) => Promise<Response>,
  ) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof EmbeddingError)) throw error;
      if (error.reason === "invalid-input" && onInvalid !== undefined) return onInvalid(error);
      return renderNotFound(c);
    }
  }

  async function renderList(c: PageContext, form: IntegrationFormState, notice?: MessageKey) {
    const t = c.get("t");
    const integrations = await listIntegrations(deps, webActorOf(c));
    return c.render(
      <IntegrationListPage
        t={t}
        integrations={integrations}
        form={form}
        notice={notice === undefined ? undefined : t.t(notice)}
      />,
      { title: t.t("embed.admin.title") },
    );
  }

  async function renderIntegration(
    c: PageContext,
    options: { form?: IntegrationFormState; notice?: string } = {},
  ) {
    const integration = await getIntegration(deps, {
      actor: webActorOf(c),
      integrationId: c.req.param("id") ?? "",
    });
    return c.render(
      <IntegrationPage
        t={c.get("t")}
        integration={integration}
        form={options.form ?? formOf(integration)}
        notice={options.notice}
      />,
      { title: integration.name },
    );
  }

  const showSecret = (c: PageContext, shown: { integration: EmbeddingIntegrationRecord; secret: string }) =>
    c.render(<SecretPage t={c.get("t")} integration={shown.integration} secret={shown.secret} />, {
      title: c.get("t").t("embed.admin.secret"),
    });

  routes.get(embeddingSettingsPath, admin, (c) =>
    renderList(c, emptyForm, c.req.query("notice") === "deleted" ? "embed.admin.deleted" : undefined),
  );

  routes.post(embeddingSettingsPath, admin, async (c) => {
    const { values, input } = await readIntegrationForm(c);
    return handle(
      c,
      async () => {
        const created = await registerIntegration(deps, { actor: webActorOf(c), input });
        c.status(201);
        return showSecret(c, created);
      },
      async (error) => {
        c.status(422);
        return renderList(c, formWithErrors(c.get("t"), values, error));
      },
    );
  });

  routes.get(integrationRoute, admin, (c) =>
    handle(c, () =>
      renderIntegration(
        c,
        c.req.query("notice") === "saved" ? { notice: c.get("t").t("embed.admin.saved") } : {},
      ),
    ),
  );

  routes.post(integrationRoute, admin, async (c) => {
    const { values, input } = await readIntegrationForm(c);
    return handle(
      c,
      async () => {
        await updateIntegration(deps, { actor: webActorOf(c), integrationId: c.req.param("id"), input });
        return c.redirect(`${integrationPath(c.req.param("id"))}?notice=saved`, 303);
      },
      // Input is checked before the integration is looked up: re-rendering may find there is none.
      (error) =>
        handle(c, async () => {
          c.status(422);
          return renderIntegration(c, { form: formWithErrors(c.get("t"), values, error) });
        }),
    );
  });

  routes.post(`${integrationRoute}/status`, admin, async (c) => {
    const body = await c.req.parseBody();
    if (body.enabled !== "true" && body.enabled !== "false") {
      c.status(422);
      return handle(c, () => renderIntegration(c));
    }
    return handle(c, async () => {
      await updateIntegration(deps, {
        actor: webActorOf(c),
        integrationId: c.req.param("id"),
        input: { isEnabled: body.enabled === "true" },
      });
      return c.redirect(`${integrationPath(c.req.param("id"))}?notice=saved`, 303);
    });
  });

  routes.post(`${integrationRoute}/rotate`, admin, (c) =>
    handle(c, async () =>
      showSecret(
        c,
        await rotateIntegrationSecret(deps, { actor: webActorOf(c), integrationId: c.req.param("id") }),
      ),
    ),
  );

  routes.post(`${integrationRoute}/delete`, admin, (c) =>
    handle(c, async () => {
      await deleteIntegration(deps, { actor: webActorOf(c), integrationId: c.req.param("id") });
      return c.redirect(`${embeddingSettingsPath}?notice=deleted`, 303);
    }),
  );

  const app = new Hono<AppEnv>();
  app.route("/", routes);
  return app;
}

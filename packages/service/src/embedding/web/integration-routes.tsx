/**
 * The admins' embedding pages (issue 23), in the settings area:
 *
 *   GET  /settings/embedding               integrations, and the register form
 *   POST /settings/embedding               register; shows an HMAC integration's id and new secret
 *                                          once, leads on to a Zendesk or Forge one's page (no secret)
 *   GET  /settings/embedding/:id           name, allowed origins, configuration, on/off, rotation, deletion
 *   POST /settings/embedding/:id           save name, origins and a Zendesk or Forge configuration
 *   POST /settings/embedding/:id/status    enabled=true|false
 *   POST /settings/embedding/:id/rotate    new secret, shown once
 *   POST /settings/embedding/:id/delete
 */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-deps.js";
import type { MessageKey } from "../../i18n/index.js";
import type { SignedInEnv } from "../../identity/current-session.js";
import { requireRole } from "../../identity/require-user.js";
import { webActorOf } from "../../sessions/pages/web-actor.js";
import { renderNotFound } from "../../web/error-pages.js";
import type { WebExtensions } from "../../web/web-extensions.js";
import { EmbeddingError } from "../embedding-error.js";
import type { EmbeddingIntegrationRecord } from "../manage-embedding-integrations.js";
import {
  deleteIntegration,
  type EmbeddingDeps,
  getIntegration,
  listIntegrations,
  registerIntegration,
  registerPlatformIntegration,
  rotateIntegrationSecret,
  updateIntegration,
} from "../manage-embedding-integrations.js";
import {
  formOf,
  formWithErrors,
  type IntegrationFormState,
  kindProblemForm,
  readIntegrationForm,
  readRegisterForm,
} from "./integration-form.js";
import {
  embeddingSettingsPath,
  IntegrationListPage,
  IntegrationPage,
  integrationPath,
  SecretPage,
} from "./integration-pages.js";

type PageContext = Context<SignedInEnv>;

const uuid = "[0-9a-fA-F-]{36}";
const integrationRoute = `${embeddingSettingsPath}/:id{${uuid}}`;
const emptyForm: IntegrationFormState = { values: {}, errors: {} };

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
    const form = readRegisterForm(await c.req.parseBody());
    if (form.kind === undefined) {
      c.status(422);
      return renderList(c, kindProblemForm(form.values));
    }
    const { kind, values, input } = form;
    return handle(
      c,
      async () => {
        const actor = webActorOf(c);
        if (kind === "hmac") {
          const created = await registerIntegration(deps, { actor, input });
          c.status(201);
          return showSecret(c, created);
        }
        // No secret to show: the platform signs. The integration's page has the id the app needs.
        const created = await registerPlatformIntegration(deps, { actor, kind, input });
        return c.redirect(`${integrationPath(created.id)}?notice=registered`, 303);
      },
      async (error) => {
        c.status(422);
        return renderList(c, formWithErrors(c.get("t"), values, error));
      },
    );
  });

  const notices: Record<string, MessageKey> = {
    saved: "embed.admin.saved",
    registered: "embed.admin.registeredPlatform",
  };

  routes.get(integrationRoute, admin, (c) => {
    const notice = notices[c.req.query("notice") ?? ""];
    return handle(c, () =>
      renderIntegration(c, notice === undefined ? {} : { notice: c.get("t").t(notice) }),
    );
  });

  routes.post(integrationRoute, admin, async (c) => {
    const body = await c.req.parseBody();
    // The kind decides which fields are read, so the integration is read first.
    return handle(c, async () => {
      const integration = await getIntegration(deps, {
        actor: webActorOf(c),
        integrationId: c.req.param("id"),
      });
      const form = readIntegrationForm(body, integration.kind);
      return handle(
        c,
        async () => {
          await updateIntegration(deps, {
            actor: webActorOf(c),
            integrationId: integration.id,
            input: form.input,
          });
          return c.redirect(`${integrationPath(integration.id)}?notice=saved`, 303);
        },
        // Re-rendering may find the integration deleted meanwhile: then not found, as for any page.
        (error) =>
          handle(c, async () => {
            c.status(422);
            return renderIntegration(c, { form: formWithErrors(c.get("t"), form.values, error) });
          }),
      );
    });
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

/**
 * The admins' webhooks pages (issue 7):
 *
 *   GET  /webhooks                                   endpoints, and the add form
 *   POST /webhooks                                   add; shows the new secret once
 *   GET  /webhooks/:id                               settings, actions, deliveries (?cursor= pages)
 *   POST /webhooks/:id                               save settings
 *   POST /webhooks/:id/status                        enabled=true|false
 *   POST /webhooks/:id/rotate                        new secret, shown once
 *   POST /webhooks/:id/test                          send a test event now
 *   POST /webhooks/:id/delete
 *   GET  /webhooks/:id/deliveries/:deliveryId        a delivery with its attempts
 *   POST /webhooks/:id/deliveries/:deliveryId/resend
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { WebhookEndpointRecord } from "../db/repositories/webhooks.js";
import type { AppEnv } from "../http/app-deps.js";
import type { MessageKey } from "../i18n/index.js";
import type { SignedInEnv } from "../identity/current-session.js";
import { requireRole } from "../identity/require-user.js";
import { webActorOf } from "../sessions/pages/web-actor.js";
import { renderNotFound } from "../web/error-pages.js";
import type { FieldErrors } from "../web/forms.js";
import type { WebExtensions } from "../web/web-extensions.js";
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  rotateEndpointSecret,
  setEndpointEnabled,
  updateEndpoint,
} from "./manage-webhook-endpoints.js";
import {
  DeliveryPage,
  deliveryPath,
  type EndpointFormState,
  EndpointListPage,
  EndpointPage,
  endpointPath,
  SecretPage,
  webhooksPath,
} from "./pages/webhook-pages.js";
import { getDelivery, listDeliveries, resendDelivery, sendTestEvent } from "./webhook-deliveries.js";
import type { WebhookDeps } from "./webhook-deps.js";
import { WebhookError, type WebhookInputProblem } from "./webhook-error.js";

type WebhookRouteDeps = WebhookDeps & { web: WebExtensions };
type PageContext = Context<SignedInEnv>;

const problemKeys: Record<WebhookInputProblem, MessageKey> = {
  "invalid-url": "webhooks.error.invalidUrl",
  "unsupported-scheme": "webhooks.error.unsupportedScheme",
  "credentials-in-url": "webhooks.error.credentialsInUrl",
  "https-required": "webhooks.error.httpsRequired",
  "private-address": "webhooks.error.privateAddress",
  "description-too-long": "webhooks.error.descriptionTooLong",
  "unknown-event-type": "webhooks.error.unknownEventType",
  "invalid-cursor": "forms.invalid",
};

const formSchema = z.object({
  url: z.string().trim().min(1, { error: "common.required" }),
  description: z.string(),
  eventTypes: z.array(z.string()),
});

/** Reads the endpoint form; checkboxes arrive as zero, one or several `eventTypes` values. */
async function readEndpointForm(c: PageContext) {
  const body = await c.req.parseBody({ all: true });
  const text = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
  const raw = body.eventTypes;
  const eventTypes = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
    (value): value is string => typeof value === "string",
  );
  const form: EndpointFormState = {
    values: { url: text("url"), description: text("description") },
    eventTypes,
    errors: {},
  };
  const parsed = formSchema.safeParse({ url: text("url"), description: text("description"), eventTypes });
  if (!parsed.success) form.errors.url = "common.required";
  return { form, input: parsed.success ? parsed.data : undefined };
}

function errorsOf(error: WebhookError): FieldErrors {
  const errors: FieldErrors = {};
  for (const entry of error.problems) errors[entry.field] ??= problemKeys[entry.problem];
  return errors;
}

function formOf(endpoint: WebhookEndpointRecord): EndpointFormState {
  return {
    values: { url: endpoint.url, description: endpoint.description },
    eventTypes: endpoint.eventTypes,
    errors: {},
  };
}

const emptyForm: EndpointFormState = { values: {}, eventTypes: [], errors: {} };
const uuid = "[0-9a-fA-F-]{36}";
const endpointRoute = `${webhooksPath}/:id{${uuid}}`;
const deliveryRoute = `${endpointRoute}/deliveries/:deliveryId{${uuid}}`;

export function createWebhookRoutes(deps: WebhookRouteDeps): Hono<AppEnv> {
  deps.web.addNavEntry({ href: webhooksPath, label: "nav.webhooks", roles: ["admin"] });
  const routes = new Hono<SignedInEnv>();
  const admin = requireRole("admin");

  /** Turns "not found" into the 404 page and an input problem into the form with messages. */
  async function handle(
    c: PageContext,
    run: () => Promise<Response>,
    onInvalid?: (error: WebhookError) => Promise<Response>,
  ) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof WebhookError)) throw error;
      if (error.reason === "invalid-input" && onInvalid !== undefined) return onInvalid(error);
      if (error.reason === "endpoint-disabled") {
        c.status(409);
        return renderDelivery(c, { problem: c.get("t").t("webhooks.error.endpointDisabled") });
      }
      return renderNotFound(c);
    }
  }

  async function renderList(c: PageContext, form: EndpointFormState, notice?: MessageKey) {
    const t = c.get("t");
    const endpoints = await listEndpoints(deps, webActorOf(c));
    return c.render(
      <EndpointListPage
        t={t}
        endpoints={endpoints}
        form={form}
        notice={notice === undefined ? undefined : t.t(notice)}
      />,
      { title: t.t("webhooks.title") },
    );
  }

  async function renderEndpoint(
    c: PageContext,
    options: { form?: EndpointFormState; notice?: string; problem?: string } = {},
  ) {
    const t = c.get("t");
    const actor = webActorOf(c);
    const endpointId = c.req.param("id") ?? "";
    const endpoint = await getEndpoint(deps, { actor, endpointId });
    const cursor = c.req.query("cursor");
    const page = await listDeliveries(deps, { actor, endpointId, cursor }).catch((error: unknown) => {
      // A stale or edited cursor shows the first page rather than an error.
      if (error instanceof WebhookError && error.reason === "invalid-input") {
        return listDeliveries(deps, { actor, endpointId });
      }
      throw error;
    });
    return c.render(
      <EndpointPage
        t={t}
        endpoint={endpoint}
        form={options.form ?? formOf(endpoint)}
        deliveries={page.deliveries}
        nextCursor={page.nextCursor}
        notice={options.notice}
        problem={options.problem}
      />,
      { title: endpoint.description || endpoint.url },
    );
  }

  async function renderDelivery(c: PageContext, options: { notice?: string; problem?: string } = {}) {
    const t = c.get("t");
    const actor = webActorOf(c);
    const endpointId = c.req.param("id") ?? "";
    const endpoint = await getEndpoint(deps, { actor, endpointId });
    const found = await getDelivery(deps, { actor, endpointId, deliveryId: c.req.param("deliveryId") ?? "" });
    return c.render(
      <DeliveryPage
        t={t}
        endpoint={endpoint}
        delivery={found.delivery}
        attempts={found.attempts}
        notice={options.notice}
        problem={options.problem}
      />,
      { title: t.t("webhooks.delivery.title", { type: found.delivery.eventType }) },
    );
  }

  routes.get(webhooksPath, admin, (c) =>
    renderList(c, emptyForm, c.req.query("notice") === "deleted" ? "webhooks.deleted" : undefined),
  );

  routes.post(webhooksPath, admin, async (c) => {
    const { form, input } = await readEndpointForm(c);
    const showForm = (errors: FieldErrors) => {
      c.status(422);
      return renderList(c, { ...form, errors });
    };
    if (input === undefined) return showForm(form.errors);
    return handle(
      c,
      async () => {
        const created = await createEndpoint(deps, { actor: webActorOf(c), input });
        c.status(201);
        return c.render(<SecretPage t={c.get("t")} endpoint={created.endpoint} secret={created.secret} />, {
          title: c.get("t").t("webhooks.secret.title"),
        });
      },
      async (error) => showForm(errorsOf(error)),
    );
  });

  routes.get(endpointRoute, admin, (c) =>
    handle(c, () =>
      renderEndpoint(c, c.req.query("notice") === "saved" ? { notice: c.get("t").t("webhooks.saved") } : {}),
    ),
  );

  routes.post(endpointRoute, admin, async (c) => {
    const { form, input } = await readEndpointForm(c);
    const showForm = (errors: FieldErrors) => {
      c.status(422);
      return renderEndpoint(c, { form: { ...form, errors } });
    };
    return handle(
      c,
      async () => {
        if (input === undefined) {
          await getEndpoint(deps, { actor: webActorOf(c), endpointId: c.req.param("id") });
          return showForm(form.errors);
        }
        await updateEndpoint(deps, { actor: webActorOf(c), endpointId: c.req.param("id"), input });
        return c.redirect(`${endpointPath(c.req.param("id"))}?notice=saved`, 303);
      },
      // Input is checked before the endpoint is looked up, so re-rendering the form may be what
      // finds out that there is no such endpoint: that must be the 404 page, not a 500.
      (error) => handle(c, () => showForm(errorsOf(error))),
    );
  });

  routes.post(`${endpointRoute}/status`, admin, async (c) => {
    const body = await c.req.parseBody();
    if (body.enabled !== "true" && body.enabled !== "false") {
      c.status(422);
      return handle(c, () => renderEndpoint(c, { problem: c.get("t").t("forms.invalid") }));
    }
    return handle(c, async () => {
      await setEndpointEnabled(deps, {
        actor: webActorOf(c),
        endpointId: c.req.param("id"),
        isEnabled: body.enabled === "true",
      });
      return c.redirect(`${endpointPath(c.req.param("id"))}?notice=saved`, 303);
    });
  });

  routes.post(`${endpointRoute}/rotate`, admin, (c) =>
    handle(c, async () => {
      const rotated = await rotateEndpointSecret(deps, {
        actor: webActorOf(c),
        endpointId: c.req.param("id"),
      });
      return c.render(<SecretPage t={c.get("t")} endpoint={rotated.endpoint} secret={rotated.secret} />, {
        title: c.get("t").t("webhooks.secret.title"),
      });
    }),
  );

  routes.post(`${endpointRoute}/test`, admin, (c) =>
    handle(c, async () => {
      const t = c.get("t");
      const result = await sendTestEvent(deps, { actor: webActorOf(c), endpointId: c.req.param("id") });
      const ms = String(result.durationMs);
      return result.error === null
        ? renderEndpoint(c, { notice: t.t("webhooks.testOk", { status: String(result.status), ms }) })
        : renderEndpoint(c, { problem: t.t("webhooks.testFailed", { ms, error: result.error }) });
    }),
  );

  routes.post(`${endpointRoute}/delete`, admin, (c) =>
    handle(c, async () => {
      await deleteEndpoint(deps, { actor: webActorOf(c), endpointId: c.req.param("id") });
      return c.redirect(`${webhooksPath}?notice=deleted`, 303);
    }),
  );

  routes.get(deliveryRoute, admin, (c) =>
    handle(c, () =>
      renderDelivery(
        c,
        c.req.query("notice") === "resent" ? { notice: c.get("t").t("webhooks.resent") } : {},
      ),
    ),
  );

  routes.post(`${deliveryRoute}/resend`, admin, (c) =>
    handle(c, async () => {
      const endpointId = c.req.param("id");
      const deliveryId = c.req.param("deliveryId");
      await resendDelivery(deps, { actor: webActorOf(c), endpointId, deliveryId });
      return c.redirect(`${deliveryPath(endpointId, deliveryId)}?notice=resent`, 303);
    }),
  );

  const app = new Hono<AppEnv>();
  app.route("/", routes);
  return app;
}

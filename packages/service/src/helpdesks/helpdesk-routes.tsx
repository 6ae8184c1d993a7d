/**
 * The admins' helpdesk connection page (issue 22):
 *
 *   GET  /settings/helpdesk          the form and the last check (?notice=saved|removed)
 *   POST /settings/helpdesk          save, then check at once
 *   POST /settings/helpdesk/test     check the stored connection again
 *   POST /settings/helpdesk/remove
 *   POST /settings/helpdesk/writes/:id/resend   write again (never a note twice)
 *   /settings/helpdesk/templates/…   the wording of notes and the reply (helpdesk-template-routes.tsx)
 */
import { type Context, Hono } from "hono";
import type { AppDeps, AppEnv } from "../http/app-deps.js";
import type { SignedInEnv } from "../identity/current-session.js";
import { requireRole } from "../identity/require-user.js";
import { webActorOf } from "../sessions/pages/web-actor.js";
import type { ActingUser } from "../teamviewer/acting-user.js";
import { readNotice } from "../teamviewer/pages/notices.js";
import { renderNotFound } from "../web/error-pages.js";
import type { WebExtensions } from "../web/web-extensions.js";
import {
  defaultSessionField,
  getHelpdeskConnection,
  type HelpdeskDeps,
  type HelpdeskFieldErrors,
  type HelpdeskSettingsInput,
  readHelpdeskSettings,
  removeHelpdeskConnection,
  saveHelpdeskSettings,
  testHelpdeskConnection,
} from "./helpdesk-connection-settings.js";
import { createHelpdeskTemplateRoutes } from "./helpdesk-template-routes.js";
import {
  HelpdeskWriteError,
  listHelpdeskWriteHistory,
  resendHelpdeskWrite,
} from "./helpdesk-write-history.js";
import {
  HelpdeskSettingsPage,
  helpdeskNotices,
  helpdeskRemovePath,
  helpdeskSettingsPath,
  helpdeskTestPath,
} from "./pages/helpdesk-settings-page.js";
import { listCustomHelpdeskTemplates } from "./templates/helpdesk-templates.js";

type PageContext = Context<SignedInEnv>;

export function createHelpdeskRoutes(
  deps: HelpdeskDeps & Pick<AppDeps, "config"> & { web: WebExtensions },
): Hono<AppEnv> {
  deps.web.addNavEntry({ href: helpdeskSettingsPath, label: "nav.helpdesk", roles: ["admin"] });
  const routes = new Hono<SignedInEnv>();
  const admin = requireRole("admin");

  async function render(
    c: PageContext,
    form?: { input: HelpdeskSettingsInput; errors: HelpdeskFieldErrors },
  ) {
    const t = c.get("t");
    const [connection, history, customTemplates] = await Promise.all([
      getHelpdeskConnection(deps, actingUserOf(c)),
      listHelpdeskWriteHistory(deps, { actor: webActorOf(c) }),
      listCustomHelpdeskTemplates(deps, c.get("user").organisationId),
    ]);
    const values = form?.input ?? {
      kind: connection?.kind ?? "request-tracker",
      baseUrl: connection?.baseUrl ?? "",
      token: "",
      sessionField: connection?.sessionField ?? defaultSessionField,
      noteLocale: connection?.noteLocale ?? t.locale,
      writesSessionField: connection?.writesSessionField ?? true,
      writesSessionNotes: connection?.writesSessionNotes ?? false,
      writesConnectionNotes: connection?.writesConnectionNotes ?? true,
      writesInvitationReplies: connection?.writesInvitationReplies ?? false,
    };
    return c.render(
      <HelpdeskSettingsPage
        t={t}
        view={{ connection, history, customTemplates, values, errors: form?.errors ?? {} }}
        notice={readNotice(helpdeskNotices, c.req.query("notice"))}
      />,
      { title: t.t("helpdesk.title") },
    );
  }

  routes.get(helpdeskSettingsPath, admin, (c) => render(c));

  routes.post(helpdeskSettingsPath, admin, async (c) => {
    const input = readHelpdeskSettings(await c.req.parseBody());
    const result = await saveHelpdeskSettings(deps, actingUserOf(c), input);
    if (result.kind === "invalid") {
      c.status(422);
      return render(c, { input, errors: result.errors });
    }
    return c.redirect(`${helpdeskSettingsPath}?notice=saved#check`, 303);
  });

  routes.post(helpdeskTestPath, admin, async (c) => {
    await testHelpdeskConnection(deps, actingUserOf(c));
    return c.redirect(`${helpdeskSettingsPath}#check`, 303);
  });

  routes.post(`${helpdeskSettingsPath}/writes/:id{[0-9a-fA-F-]{36}}/resend`, admin, async (c) => {
    try {
      await resendHelpdeskWrite(deps, { actor: webActorOf(c), writeId: c.req.param("id") });
    } catch (error) {
      if (error instanceof HelpdeskWriteError) return renderNotFound(c);
      throw error;
    }
    return c.redirect(`${helpdeskSettingsPath}?notice=resent#writes`, 303);
  });

  routes.post(helpdeskRemovePath, admin, async (c) => {
    await removeHelpdeskConnection(deps, actingUserOf(c));
    return c.redirect(`${helpdeskSettingsPath}?notice=removed`, 303);
  });

  routes.route("/", createHelpdeskTemplateRoutes(deps));

  const app = new Hono<AppEnv>();
  app.route("/", routes);
  return app;
}

function actingUserOf(c: PageContext): ActingUser {
  return { ...webActorOf(c), userId: c.get("user").id };
}

/**
 * The operator's page (issue #25, docs/adr/0046-operator-api-and-keys.md):
 *
 *   GET  /operator/sign-in                       the sign-in form (an operator key)
 *   POST /operator/sign-in                       opens an operator browser session
 *   POST /operator/sign-out                      ends it
 *   GET  /operator                               the organisations and the create form
 *   POST /operator/organisations                 create, with its first admin
 *   POST /operator/organisations/:id/rename      rename
 *   POST /operator/organisations/:id/disable     disable (data kept)
 *   POST /operator/organisations/:id/enable      enable
 *
 * Forms carry the CSRF token like every other (src/identity/csrf.ts); the session cookie is
 * HttpOnly and SameSite=Strict, and belongs to no organisation: an organisation's sign-in does
 * not open these pages, and this session opens none of theirs. The use cases are the operator
 * API's and `attendant orgs`' (src/operator/manage-organisations.ts).
 */
import { type Context, Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../http/app-deps.js";
import { type CookiePolicy, readCookie, removeCookie, writeCookie } from "../../identity/session-cookie.js";
import {
  createOrganisationAsOperator,
  listOrganisationsAsOperator,
  type OperatorDeps,
  renameOrganisationAsOperator,
  switchOrganisationAsOperator,
} from "../manage-organisations.js";
import type { OperatorPrincipal } from "../operator-keys.js";
import { operatorRefusalOf } from "../operator-refusal.js";
import {
  endOperatorSession,
  operatorSessionLifetimeMs,
  resolveOperatorSession,
  startOperatorSession,
} from "../operator-sessions.js";
import {
  OperatorPage,
  type OperatorPageState,
  OperatorSignInPage,
  operatorOrganisationsPath,
  operatorPath,
  operatorSignInPath,
  operatorSignOutPath,
} from "./operator-page.js";

interface OperatorWebEnv {
  Variables: AppEnv["Variables"] & { operator: OperatorPrincipal };
}

const operatorCookie = "attendant_operator";
const title = "Operator";

/** Read from a parsed form: a missing field is an empty one, which the use cases refuse. */
async function fieldsOf(c: Context, names: readonly string[]): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(
    names.map((name) => {
      const value = body[name];
      return [name, typeof value === "string" ? value : ""];
    }),
  );
}

export function createOperatorRoutes(deps: AppDeps & { cookiePolicy: CookiePolicy }): Hono<AppEnv> {
  const routes = new Hono<OperatorWebEnv>();
  const operatorDeps: OperatorDeps = {
    db: deps.database.db,
    clock: deps.clock,
    publicUrl: deps.config.publicUrl,
  };
  const sessionDeps = { db: deps.database.db, clock: deps.clock };

  // Nothing here may be kept by a browser or a proxy: it shows the operator's view.
  const noStore = createMiddleware(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });
  routes.use(operatorPath, noStore);
  routes.use(`${operatorPath}/*`, noStore);

  const requireOperator = createMiddleware<OperatorWebEnv>(async (c, next) => {
    const token = readCookie(c, deps.cookiePolicy, operatorCookie);
    const operator = token === undefined ? undefined : await resolveOperatorSession(sessionDeps, token);
    if (operator === undefined) return c.redirect(operatorSignInPath, 303);
    c.set("operator", operator);
    await next();
  });

  const render = async (
    c: Context<OperatorWebEnv>,
    state: OperatorPageState,
    status: ContentfulStatusCode = 200,
  ) => {
    const organisations = await listOrganisationsAsOperator(operatorDeps);
    c.status(status);
    return c.render(
      <OperatorPage
        t={c.get("t")}
        organisations={organisations}
        operatorLabel={c.get("operator").label}
        state={state}
      />,
      { title },
    );
  };

  /** Runs a change; a refusal is shown on the page with its status, saying what to change. */
  const change = async (
    c: Context<OperatorWebEnv>,
    run: () => Promise<OperatorPageState>,
    refusedState: OperatorPageState = {},
  ) => {
    try {
      return await render(c, await run());
    } catch (error) {
      const refusal = operatorRefusalOf(
        error,
        "There is no organisation with this id; the list below shows them.",
      );
      if (refusal === undefined) throw error;
      return render(c, { ...refusedState, error: refusal.detail }, refusal.status);
    }
  };

  routes.get(operatorSignInPath, (c) => c.render(<OperatorSignInPage t={c.get("t")} />, { title }));

  routes.post(operatorSignInPath, async (c) => {
    const { operatorKey = "" } = await fieldsOf(c, ["operatorKey"]);
    const started = await startOperatorSession(sessionDeps, operatorKey);
    if (started === undefined) {
      c.get("logger").warn("refused an operator sign-in with a key that is not a live operator key");
      c.status(401);
      return c.render(
        <OperatorSignInPage
          t={c.get("t")}
          error="This is not a valid operator key, or it has been revoked. An organisation's API key does not sign in here."
        />,
        { title },
      );
    }
    writeCookie(c, deps.cookiePolicy, operatorCookie, started.token, {
      maxAgeSeconds: operatorSessionLifetimeMs / 1000,
      sameSite: "Strict",
    });
    return c.redirect(operatorPath, 303);
  });

  routes.post(operatorSignOutPath, async (c) => {
    const token = readCookie(c, deps.cookiePolicy, operatorCookie);
    if (token !== undefined) await endOperatorSession(sessionDeps, token);
    removeCookie(c, deps.cookiePolicy, operatorCookie, { sameSite: "Strict" });
    return c.redirect(operatorSignInPath, 303);
  });

  routes.get(operatorPath, requireOperator, (c) => render(c, {}));

  routes.post(operatorOrganisationsPath, requireOperator, async (c) => {
    const fields = await fieldsOf(c, ["name", "adminEmail", "adminName"]);
    const values = {
      name: fields.name ?? "",
      adminEmail: fields.adminEmail ?? "",
      adminName: fields.adminName ?? "",
    };
    return change(
      c,
      async () => {
        const created = await createOrganisationAsOperator(operatorDeps, c.get("operator"), {
          name: values.name,
          adminEmail: values.adminEmail,
          adminName: values.adminName.trim() === "" ? undefined : values.adminName,
          fieldNames: { adminEmail: "First admin's e-mail address", adminName: "First admin's name" },
        });
        return {
          created: {
            name: created.organisation.name,
            adminEmail: created.admin.email,
            signInUrl: created.signInUrl,
            minutes: created.signInLinkLifetimeMinutes,
          },
        };
      },
      { createValues: values },
    );
  });

  routes.post(`${operatorOrganisationsPath}/:id/rename`, requireOperator, async (c) => {
    const { name = "" } = await fieldsOf(c, ["name"]);
    return change(c, async () => {
      const { organisation, previousName } = await renameOrganisationAsOperator(
        operatorDeps,
        c.get("operator"),
        {
          id: c.req.param("id"),
          name,
        },
      );
      return {
        notice:
          previousName === organisation.name
            ? `“${organisation.name}” already has this name; nothing changed.`
            : `Renamed “${previousName}” to “${organisation.name}”.`,
      };
    });
  });

  for (const disable of [true, false]) {
    const verb = disable ? "disable" : "enable";
    routes.post(`${operatorOrganisationsPath}/:id/${verb}`, requireOperator, (c) =>
      change(c, async () => {
        const result = await switchOrganisationAsOperator(operatorDeps, c.get("operator"), {
          id: c.req.param("id"),
          disable,
        });
        const { name } = result.organisation;
        if (!result.changed) return { notice: `“${name}” is already ${verb}d; nothing changed.` };
        return {
          notice: disable
            ? `Disabled “${name}”: its users, API keys, widget and join links are refused and its jobs pause; its data is kept.${result.otherEnabledCount === 0 ? " No organisation is enabled now." : ""}`
            : `Enabled “${name}” again.`,
        };
      }),
    );
  }

  const app = new Hono<AppEnv>();
  app.route("/", routes);
  return app;
}

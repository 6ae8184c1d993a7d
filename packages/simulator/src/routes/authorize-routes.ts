import type { Hono } from "hono";
import { html } from "hono/html";
import { htmlResponse, type Markup, renderMessagePage, renderPage } from "../html/page-layout.js";
import {
  type AuthorizeRequest,
  approve,
  checkAuthorizeRequest,
  deny,
  findAutoApproveAccount,
} from "../oauth/authorize-request.js";
import type { SimulatorState } from "../state/simulator-state.js";
import type { Account } from "../state/world.js";

const PRODUCT = "TeamViewer sign-in";
const FORWARDED_PARAMS = [
  "response_type",
  "client_id",
  "redirect_uri",
  "state",
  "code_challenge",
  "code_challenge_method",
] as const;

/**
 * The login-and-consent page (docs/teamviewer-api.md §7): pick or type a simulated account, then Allow or
 * Deny. With auto-approve on, the browser is sent straight back with a code.
 */
export function registerAuthorizeRoutes(app: Hono, state: SimulatorState): void {
  app.get("/oauth2/authorize", async (c) => {
    const params = new URL(c.req.url).searchParams;
    const check = checkAuthorizeRequest(state, params);
    if (check.kind === "show-error")
      return htmlResponse(renderMessagePage("Sign-in error", PRODUCT, check.message), 400);
    if (check.kind === "redirect") return c.redirect(check.location, 302);
    const account = findAutoApproveAccount(state, state.settings.autoApprove);
    if (account) return c.redirect(approve(state, check.request, account), 302);
    return htmlResponse(renderConsentPage(state, check.request, params));
  });

  app.post("/oauth2/authorize", async (c) => {
    const form = new URLSearchParams(await c.req.text());
    const check = checkAuthorizeRequest(state, form);
    if (check.kind === "show-error")
      return htmlResponse(renderMessagePage("Sign-in error", PRODUCT, check.message), 400);
    if (check.kind === "redirect") return c.redirect(check.location, 302);
    if (form.get("decision") !== "allow") return c.redirect(deny(check.request), 302);
    const email = form.get("email")?.trim();
    const account = email
      ? state.world.findAccountByEmail(email)
      : state.world.accounts.get(form.get("account") ?? "");
    if (!account) {
      const problem = email
        ? `No simulated account uses ${email}.`
        : "Choose an account or type its e-mail address.";
      return htmlResponse(renderConsentPage(state, check.request, form, problem), 400);
    }
    return c.redirect(approve(state, check.request, account), 302);
  });
}

function renderConsentPage(
  state: SimulatorState,
  request: AuthorizeRequest,
  params: URLSearchParams,
  problem?: string,
) {
  const accounts = [...state.world.accounts.values()];
  const hidden = FORWARDED_PARAMS.map((name) => {
    const value = params.get(name);
    return value === null ? "" : html`<input type="hidden" name="${name}" value="${value}" />`;
  });
  const body = html`
    ${problem ? html`<div class="card error"><p>${problem}</p></div>` : ""}
    <div class="card">
      <p><strong>${request.app.name}</strong> wants to use your TeamViewer account.</p>
      <p class="note">It asks for: ${[...request.app.permissions].join(", ").replaceAll("_", " ")}.</p>
    </div>
    <form method="post" action="/oauth2/authorize" class="card">
      ${hidden}
      <p>Sign in as one of the simulated accounts:</p>
      ${accounts.map((account, index) => renderAccountChoice(account, index === 0))}
      <label>…or type its e-mail address:
        <input type="email" name="email" autocomplete="off" placeholder="kenji@example.com" /></label>
      <p>
        <button class="primary" type="submit" name="decision" value="allow">Allow</button>
        <button type="submit" name="decision" value="deny">Deny</button>
      </p>
    </form>`;
  return renderPage({ title: "Sign in", product: PRODUCT, body });
}

function renderAccountChoice(account: Account, isChecked: boolean): Markup {
  return html`<label><input type="radio" name="account" value="${account.userid}" ${isChecked ? "checked" : ""} />
    ${account.name} &lt;${account.email}&gt; <span class="note">${account.userid}</span></label>`;
}

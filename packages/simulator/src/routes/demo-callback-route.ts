import type { Hono } from "hono";
import { html } from "hono/html";
import { DEMO } from "../demo-data.js";
import { htmlResponse, renderPage } from "../html/page-layout.js";
import type { SimulatorState } from "../state/simulator-state.js";

/**
 * The demo app's redirect URI: it shows the code (or the error) and the curl command that
 * exchanges it, so the README walk-through needs nothing but a browser and curl.
 */
export function registerDemoCallbackRoute(app: Hono, state: SimulatorState): void {
  app.get("/demo/callback", (c) => {
    const code = c.req.query("code");
    const error = c.req.query("error");
    const origin = state.settings.publicOrigin;
    const demoApp = state.oauth.apps.get(DEMO.app.clientId);
    const curl = demoApp
      ? `curl -s -X POST ${origin}/api/v1/oauth2/token \\
  -d grant_type=authorization_code -d code=${code ?? ""} \\
  --data-urlencode redirect_uri=${demoApp.redirectUri} \\
  -d client_id=${demoApp.clientId} -d client_secret=${demoApp.clientSecret}`
      : "";
    const body = code
      ? html`<div class="card"><p>Authorization code:</p><pre>${code}</pre>
          <p>state: <code>${c.req.query("state") ?? ""}</code></p></div>
          <div class="card"><p>Exchange it within 10 minutes:</p><pre>${curl}</pre></div>`
      : html`<div class="card error"><p>The authorization ended with <code>${error ?? "no code"}</code>.</p></div>`;
    return htmlResponse(renderPage({ title: "Demo callback", product: "Demo app", body }));
  });
}

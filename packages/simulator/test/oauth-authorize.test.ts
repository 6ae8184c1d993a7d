import { describe, expect, it } from "vitest";
import { DEMO, type Simulator } from "../src/index.js";
import { type Answer, call, startSimulator } from "./support.js";

const redirectUri = `http://localhost:4010/demo/callback`;
const authorizeQuery = (extra: Record<string, string> = {}) =>
  new URLSearchParams({
    response_type: "code",
    client_id: DEMO.app.clientId,
    redirect_uri: redirectUri,
    state: "st4te",
    ...extra,
  });

/** Redeems the code of an authorize redirect and answers the account the token speaks for. */
async function accountBehind(sim: Simulator, redirect: Answer) {
  const code = new URL(redirect.headers.get("location") ?? "").searchParams.get("code") ?? "";
  const tokens = await call(sim, "POST", "/api/v1/oauth2/token", {
    form: {
      grant_type: "authorization_code",
      code,
      client_id: DEMO.app.clientId,
      client_secret: DEMO.app.clientSecret,
    },
  });
  return (await call(sim, "GET", "/api/v1/account", { token: tokens.body.access_token })).body;
}

describe("consent page (docs/teamviewer-api.md §1, 7)", () => {
  it("shows the accounts to pick with Allow and Deny", async () => {
    const sim = startSimulator();
    const page = await call(sim, "GET", `/oauth2/authorize?${authorizeQuery()}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.text).toContain("Kenji Sato");
    expect(page.text).toContain('value="allow"');
    expect(page.text).toContain('value="deny"');
    expect(page.text).toContain('name="email"');
  });

  it("redirects with a code and the state when the user allows", async () => {
    const sim = startSimulator();
    const answer = await call(sim, "POST", "/oauth2/authorize", {
      form: { ...Object.fromEntries(authorizeQuery()), account: "u7006", decision: "allow" },
    });
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get("state")).toBe("st4te");
    expect(location.searchParams.get("code")).toMatch(/^[A-Za-z0-9]{40}$/);
  });

  it("signs in by typed e-mail address", async () => {
    const sim = startSimulator();
    const allowed = await call(sim, "POST", "/oauth2/authorize", {
      form: { ...Object.fromEntries(authorizeQuery()), email: "ANA@example.com", decision: "allow" },
    });
    expect((await accountBehind(sim, allowed)).userid).toBe("u7006");
  });

  it("re-asks for an unknown e-mail address instead of redirecting", async () => {
    const sim = startSimulator();
    const answer = await call(sim, "POST", "/oauth2/authorize", {
      form: { ...Object.fromEntries(authorizeQuery()), email: "nobody@example.com", decision: "allow" },
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("No simulated account uses nobody@example.com");
  });

  it("redirects with access_denied and the state when the user denies", async () => {
    const sim = startSimulator();
    const answer = await call(sim, "POST", "/oauth2/authorize", {
      form: { ...Object.fromEntries(authorizeQuery()), account: "u7005", decision: "deny" },
    });
    const location = new URL(answer.headers.get("location") ?? "");
    expect(answer.status).toBe(302);
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("st4te");
    expect(location.searchParams.has("code")).toBe(false);
  });

  it("shows an error page and never redirects for an unknown client", async () => {
    const sim = startSimulator();
    const answer = await call(
      sim,
      "GET",
      `/oauth2/authorize?${authorizeQuery({ client_id: "999999-XXXXXXXXXXXXXXXXXXXX" })}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.headers.get("location")).toBeNull();
    expect(answer.text).toContain("Unknown client_id");
  });

  it("shows an error page and never redirects for a foreign redirect URI", async () => {
    const sim = startSimulator();
    const answer = await call(
      sim,
      "GET",
      `/oauth2/authorize?${authorizeQuery({ redirect_uri: "https://evil.example/cb" })}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.headers.get("location")).toBeNull();
  });

  it("answers unsupported_response_type through the redirect", async () => {
    const sim = startSimulator();
    const answer = await call(sim, "GET", `/oauth2/authorize?${authorizeQuery({ response_type: "token" })}`);
    expect(new URL(answer.headers.get("location") ?? "").searchParams.get("error")).toBe(
      "unsupported_response_type",
    );
  });

  it("auto-approves as the first account, or a configured one", async () => {
    const sim = startSimulator({ autoApprove: true });
    const answer = await call(sim, "GET", `/oauth2/authorize?${authorizeQuery()}`);
    expect(answer.status).toBe(302);
    expect(new URL(answer.headers.get("location") ?? "").searchParams.get("code")).toBeTruthy();
    sim.admin.configure({ autoApprove: { email: "ana@example.com" } });
    const second = await call(sim, "GET", `/oauth2/authorize?${authorizeQuery()}`);
    expect((await accountBehind(sim, second)).email).toBe("ana@example.com");
  });

  it("shows the code and the curl command on the demo callback", async () => {
    const sim = startSimulator();
    const page = await call(sim, "GET", "/demo/callback?code=abc123&state=s");
    expect(page.text).toContain("abc123");
    expect(page.text).toContain("grant_type=authorization_code");
  });
});

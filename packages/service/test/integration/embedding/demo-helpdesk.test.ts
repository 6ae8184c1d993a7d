/**
 * Trying the ticket widget in demo mode without a helpdesk (issue 23): the demo integration made
 * at demo start and /demo/helpdesk-ticket, which frames the widget for the signed-in user through
 * the real entry route. Outside demo mode the page does not exist.
 */
import { describe, expect, it } from "vitest";
import { listEmbeddingIntegrations } from "../../../src/db/repositories/embedding-integrations.js";
import { ensureDemoIntegration } from "../../../src/embedding/demo-helpdesk.js";
import { deleteIntegration } from "../../../src/embedding/manage-embedding-integrations.js";
import { usePgliteEngine } from "../../support/engines.js";
import { createPagesHarness, type PagesHarness } from "../session-pages/pages-harness.js";

const engine = usePgliteEngine();
const publicUrl = "http://localhost:3000";

function frameSourceIn(html: string): string | undefined {
  const src = /<iframe id="attendant-widget" src="([^"]+)"/.exec(html)?.[1];
  return src?.replaceAll("&amp;", "&");
}

async function demoWithIntegration(): Promise<PagesHarness> {
  const h = await createPagesHarness(engine, { demo: true });
  await ensureDemoIntegration(h.deps, { organisationId: h.organisationId, publicUrl });
  return h;
}

describe("the demo helpdesk ticket", () => {
  it("is created at demo start once, and only Attendant's own origin may frame it", async () => {
    const h = await demoWithIntegration();
    await ensureDemoIntegration(h.deps, { organisationId: h.organisationId, publicUrl });
    const integrations = await listEmbeddingIntegrations(h.database.db, h.organisationId);
    expect(integrations).toHaveLength(1);
    expect(integrations[0]?.allowedOrigins).toEqual([publicUrl]);
    expect(integrations[0]?.kind).toBe("hmac");
  });

  it("follows the demo to another address: a restart on another port moves the allowed origin there", async () => {
    const h = await demoWithIntegration();
    await ensureDemoIntegration(h.deps, {
      organisationId: h.organisationId,
      publicUrl: "http://localhost:3100",
    });
    const integrations = await listEmbeddingIntegrations(h.database.db, h.organisationId);
    expect(integrations.map((integration) => integration.allowedOrigins)).toEqual([
      ["http://localhost:3100"],
    ]);
  });

  it("frames the widget for the signed-in user, opened through the entry route with a one-time assertion", async () => {
    const h = await demoWithIntegration();
    const supporter = await h.addUser("supporter");
    const browser = await h.signIn(supporter);
    const page = await browser.get("/demo/helpdesk-ticket");
    expect(page.status).toBe(200);
    // This page may frame our own pages and nothing else; it is itself never framed.
    expect(page.headers.get("content-security-policy")).toContain("frame-src 'self'");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const html = await page.text();
    expect(html).toContain("Printer in room 2.14 prints blank pages");
    const src = frameSourceIn(html) ?? "";
    expect(src.startsWith(`${publicUrl}/embed/ticket?assertion=`)).toBe(true);

    const [integration] = await listEmbeddingIntegrations(h.database.db, h.organisationId);
    const opened = await h.app.request(src, {
      headers: { "sec-fetch-site": "same-origin", "sec-fetch-dest": "iframe" },
    });
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toMatch(
      new RegExp(`^/embed/widget/${integration?.id}#token=[A-Za-z0-9_-]{43}$`),
    );
    const again = await h.app.request(src, { headers: { "sec-fetch-dest": "iframe" } });
    expect(again.status).not.toBe(303);
  });

  it("sends a visitor who is not signed in to the sign-in page first", async () => {
    const h = await demoWithIntegration();
    const response = await h.visitor().get("/demo/helpdesk-ticket");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/login\?/);
  });

  it("answers not found once an admin deleted the demo integration", async () => {
    const h = await demoWithIntegration();
    const admin = await h.addUser("admin");
    const [integration] = await listEmbeddingIntegrations(h.database.db, h.organisationId);
    await deleteIntegration(h.deps, { actor: h.actorOf(admin), integrationId: integration?.id ?? "" });
    const response = await (await h.signIn(admin)).get("/demo/helpdesk-ticket");
    expect(response.status).toBe(404);
  });

  it("does not exist outside demo mode, and other pages frame nothing", async () => {
    const h = await createPagesHarness(engine);
    await ensureDemoIntegration(h.deps, { organisationId: h.organisationId, publicUrl });
    const admin = await h.addUser("admin");
    const browser = await h.signIn(admin);
    const response = await browser.get("/demo/helpdesk-ticket");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-security-policy")).not.toContain("frame-src");
    expect((await browser.get("/")).headers.get("content-security-policy")).not.toContain("frame-src");
  });
});

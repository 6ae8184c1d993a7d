import { describe, expect, it } from "vitest";
import { findUserByEmail, listUsers } from "../../src/db/repositories/users.js";
import { oneTimeLogins } from "../../src/db/schema.js";
import { demoAdminEmail, prepareFirstStart } from "../../src/identity/first-start.js";
import { oneTimeLoginLifetimeMs } from "../../src/identity/one-time-login.js";
import { useWebHarnesses } from "../web/web-harness.js";

const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

describe("demo mode's one-time sign-in link", { timeout: 60_000 }, () => {
  const harnesses = useWebHarnesses();

  it("creates a demo admin on first start and signs in with the link exactly once", async () => {
    const harness = await harnesses.create();
    const { demoSignInUrl } = await prepareFirstStart(harness, {
      isDemoMode: true,
      publicUrl: harness.origin,
    });
    expect(demoSignInUrl).toMatch(/^http:\/\/localhost:3000\/login\/link\?token=[\w-]{43}$/);
    const link = pathOf(demoSignInUrl ?? "");
    const browser = harness.browser();
    const first = await browser.get(link);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/");
    expect(await (await browser.get("/")).text()).toContain(demoAdminEmail);

    const again = await harness.browser().get(link);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("already been used or has expired");
  });

  it("stores only the token's hash", async () => {
    const harness = await harnesses.create();
    const { demoSignInUrl } = await prepareFirstStart(harness, {
      isDemoMode: true,
      publicUrl: harness.origin,
    });
    const token = new URL(demoSignInUrl ?? "").searchParams.get("token") ?? "";
    const rows = await harness.db.select().from(oneTimeLogins);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("refuses the link after it expires", async () => {
    const harness = await harnesses.create();
    const { demoSignInUrl } = await prepareFirstStart(harness, {
      isDemoMode: true,
      publicUrl: harness.origin,
    });
    harness.clock.advance(oneTimeLoginLifetimeMs);
    expect((await harness.browser().get(pathOf(demoSignInUrl ?? ""))).status).toBe(410);
  });

  it("refuses a made-up or missing token", async () => {
    const harness = await harnesses.create();
    await prepareFirstStart(harness, { isDemoMode: true, publicUrl: harness.origin });
    expect((await harness.browser().get("/login/link?token=made-up")).status).toBe(410);
    expect((await harness.browser().get("/login/link")).status).toBe(410);
  });

  it("issues a fresh link for the same demo admin on the next start", async () => {
    const harness = await harnesses.create();
    const first = await prepareFirstStart(harness, { isDemoMode: true, publicUrl: harness.origin });
    const second = await prepareFirstStart(harness, { isDemoMode: true, publicUrl: harness.origin });
    expect(second.demoSignInUrl).not.toBe(first.demoSignInUrl);
    expect(await listUsers(harness.db, harness.organisation.id)).toHaveLength(1);
  });

  it("never adds a demo admin to an organisation that already has users, nor outside demo mode", async () => {
    const harness = await harnesses.create();
    const outside = await prepareFirstStart(harness, { isDemoMode: false, publicUrl: harness.origin });
    expect(outside.demoSignInUrl).toBeUndefined();
    await harness.addUser("admin");
    const inside = await prepareFirstStart(harness, { isDemoMode: true, publicUrl: harness.origin });
    expect(inside.demoSignInUrl).toBeUndefined();
    expect(await findUserByEmail(harness.db, harness.organisation.id, demoAdminEmail)).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import {
  maxFailuresPerAccount,
  maxFailuresPerAddress,
  throttleWindowMs,
} from "../../src/identity/sign-in.js";
import { testPassword, useWebHarnesses, type WebHarness } from "../web/web-harness.js";

async function failLogin(harness: WebHarness, email: string, ip?: string) {
  const browser = harness.browser(ip === undefined ? {} : { ip });
  return browser.submit("/login", "/login", { email, password: "definitely wrong" });
}

describe("login throttle", { timeout: 120_000 }, () => {
  const harnesses = useWebHarnesses();

  it("refuses an account after repeated failures with 429 and a clear message, even with the right password", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    for (let attempt = 0; attempt < maxFailuresPerAccount; attempt++) {
      expect((await failLogin(harness, "admin@example.com")).status).toBe(401);
    }
    const throttled = await harness
      .browser()
      .submit("/login", "/login", { email: "admin@example.com", password: testPassword });
    expect(throttled.status).toBe(429);
    expect(await throttled.text()).toContain("Please wait 15 minutes");
  });

  it("lifts by itself after the window, even if the attacker kept trying meanwhile", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    for (let attempt = 0; attempt < maxFailuresPerAccount; attempt++)
      await failLogin(harness, "admin@example.com");
    harness.clock.advance(throttleWindowMs / 2);
    expect((await failLogin(harness, "admin@example.com")).status).toBe(429);
    harness.clock.advance(throttleWindowMs / 2 + 1);
    const browser = harness.browser();
    expect((await browser.signIn("admin@example.com")).status).toBe(303);
  });

  it("refuses an IP address that failed for many different accounts", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    for (let attempt = 0; attempt < maxFailuresPerAddress; attempt++) {
      await failLogin(harness, `guess${attempt}@example.com`, "203.0.113.9");
    }
    const fromAttacker = await harness
      .browser({ ip: "203.0.113.9" })
      .submit("/login", "/login", { email: "admin@example.com", password: testPassword });
    expect(fromAttacker.status).toBe(429);
    const fromElsewhere = await harness.browser({ ip: "198.51.100.4" }).signIn("admin@example.com");
    expect(fromElsewhere.status).toBe(303);
  });
});

describe("login throttle behind a trusted reverse proxy", { timeout: 120_000 }, () => {
  const harnesses = useWebHarnesses();

  it("throttles the client named by the trusted proxy, not the proxy itself, so one attacker cannot lock out everyone", async () => {
    const harness = await harnesses.create({ env: { ATTENDANT_TRUSTED_PROXIES: "10.0.0.0/8" } });
    await harness.addUser("admin");
    const viaProxy = (client: string) => ({ ip: "10.1.2.3", forwardedFor: client });
    for (let attempt = 0; attempt < maxFailuresPerAddress; attempt++) {
      await harness
        .browser(viaProxy("203.0.113.9"))
        .submit("/login", "/login", { email: `guess${attempt}@example.com`, password: "definitely wrong" });
    }
    const attacker = await harness
      .browser(viaProxy("203.0.113.9"))
      .submit("/login", "/login", { email: "admin@example.com", password: testPassword });
    expect(attacker.status).toBe(429);
    expect((await harness.browser(viaProxy("198.51.100.4")).signIn("admin@example.com")).status).toBe(303);
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
    const harness = await harnesses.create({ env: { ATTENDANT_TRUSTED_PROXIES: "10.0.0.0/8" } });
    await harness.addUser("admin");
    for (let attempt = 0; attempt < maxFailuresPerAddress; attempt++) {
      // Each request claims another client, but comes straight from the same untrusted peer.
      await harness
        .browser({ ip: "203.0.113.9", forwardedFor: `198.51.100.${attempt}` })
        .submit("/login", "/login", { email: `guess${attempt}@example.com`, password: "definitely wrong" });
    }
    const forged = await harness
      .browser({ ip: "203.0.113.9", forwardedFor: "198.51.100.200" })
      .submit("/login", "/login", { email: "admin@example.com", password: testPassword });
    expect(forged.status).toBe(429);
  });
});

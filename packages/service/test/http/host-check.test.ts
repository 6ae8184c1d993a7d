/**
 * Only the configured public host is served (ADR 0018): a page on another name that a DNS
 * rebinding attack pointed at this service must not reach `/setup` or any other route, and the
 * CSRF check trusts only the configured origin.
 */
import { describe, expect, it } from "vitest";
import { listUsers } from "../../src/db/repositories/users.js";
import { useWebHarnesses } from "../web/web-harness.js";

const setupForm = {
  displayName: "Mallory",
  email: "mallory@evil.example",
  password: "a long enough passphrase",
  passwordConfirmation: "a long enough passphrase",
};

describe("the public host check", { timeout: 60_000 }, () => {
  const harnesses = useWebHarnesses();

  it("refuses a page for a rebound host name with 421 naming the public address, so /setup cannot be taken", async () => {
    const harness = await harnesses.create();
    const rebound = harness.browser({ origin: "http://rebound.example:3000" });
    const page = await rebound.get("/setup");
    expect(page.status).toBe(421);
    const text = await page.text();
    expect(text).toContain("http://localhost:3000");
    expect(text).toContain("ATTENDANT_PUBLIC_URL");
    const post = await rebound.post("/setup", setupForm);
    expect(post.status).toBe(421);
    expect(await listUsers(harness.db, harness.organisation.id)).toEqual([]);
    expect(harness.logs.text()).toContain("refused a request for another host");
  });

  it("answers the API for another host name with 421 problem+json", async () => {
    const harness = await harnesses.create({ publicUrl: "https://support.example.com" });
    const response = await harness.app.request("https://rebound.example/api/v1/sessions");
    expect(response.status).toBe(421);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe("wrong-host");
    expect(problem.detail).toContain("https://support.example.com");
  });

  it("answers the health probes whatever host they name, for load balancers that probe by address", async () => {
    const harness = await harnesses.create({ publicUrl: "https://support.example.com" });
    expect((await harness.app.request("http://10.0.0.7:3000/healthz")).status).toBe(200);
    expect((await harness.app.request("http://10.0.0.7:3000/readyz")).status).toBe(200);
  });

  it.each([
    ["https://support.example.com", false, "https://support.example.com", 200],
    ["https://support.example.com", false, "http://support.example.com:3000", 200],
    ["https://support.example.com", false, "https://SUPPORT.example.com", 200],
    ["https://support.example.com", false, "https://support.example.com.evil.example", 421],
    ["https://support.example.com", false, "http://localhost:3000", 421],
    ["https://support.example.com", false, "http://127.0.0.1:3000", 421],
    ["https://support.example.com", true, "http://localhost:3000", 200],
    ["https://support.example.com", true, "http://127.0.0.1:3000", 200],
    ["https://support.example.com", true, "http://[::1]:3000", 200],
    ["https://support.example.com", true, "http://rebound.example:3000", 421],
    ["http://localhost:3000", false, "http://127.0.0.1:3000", 200],
    ["http://localhost:3000", false, "http://10.0.0.7:3000", 421],
  ])(
    "with public URL %s (demo %s), serves a page requested at %s with %s",
    async (publicUrl, isDemo, origin, status) => {
      const harness = await harnesses.create({ publicUrl, isDemo });
      const response = await harness.browser({ origin }).get("/login");
      expect(response.status === 421 ? 421 : 200).toBe(status);
    },
  );

  it("refuses a form post whose Origin is the request's own host but not the public origin", async () => {
    const harness = await harnesses.create({ publicUrl: "https://support.example.com" });
    await harness.addUser("admin");
    const otherPort = harness.browser({ origin: "https://support.example.com:8443" });
    const token = await otherPort.csrfTokenFrom("/login");
    const response = await otherPort.post("/login", {
      _csrf: token,
      email: "admin@example.com",
      password: "correct horse battery staple",
    });
    expect(response.status).toBe(403);
  });
});

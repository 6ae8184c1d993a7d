import { describe, expect, it } from "vitest";
import { useWebHarnesses } from "../web/web-harness.js";

/** Well-formed, so only the characters around it decide how the request is refused. */
const joinToken = "Tok3n-of-a-join-address_43-characters-long0";

describe("request logging", { timeout: 60_000 }, () => {
  const harnesses = useWebHarnesses();

  it.each([
    ["a join address followed by a NUL character", "GET", `/join/${joinToken}%00`],
    [
      "a join address with a NUL character inside",
      "GET",
      `/join/${joinToken.slice(0, 20)}%00${joinToken.slice(20)}`,
    ],
    ["a join address posted without a CSRF token", "POST", `/join/${joinToken}`],
    ["a plain join address", "GET", `/join/${joinToken}`],
  ])("never logs the token of %s, whichever middleware writes the line", async (_, method, path) => {
    const harness = await harnesses.create();
    const response = await harness.app.request(`http://localhost:3000${path}`, { method });
    expect(response.status).toBeGreaterThanOrEqual(400);
    const logged = harness.logs.text();
    expect(logged).toContain('"path":"/join/[redacted]"');
    expect(logged).not.toContain(joinToken.slice(0, 20));
    expect(logged).not.toContain(joinToken.slice(20));
  });

  it.each([
    ["a doubled slash", `//join/${joinToken}`],
    ["capitals", `/JOIN/${joinToken}`],
    ["a trailing segment", `/join/${joinToken}/more`],
  ])("never logs a join token in an address that misses the join page by %s", async (_, path) => {
    const harness = await harnesses.create();
    const response = await harness.app.request(`http://localhost:3000${path}`);
    expect(response.status).toBe(404);
    const logged = harness.logs.text();
    expect(logged).toContain("[redacted]");
    expect(logged).not.toContain(joinToken.slice(0, 20));
  });
});

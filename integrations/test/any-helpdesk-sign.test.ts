import { execFile } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const folder = fileURLToPath(new URL("../any-helpdesk/", import.meta.url));
const settings = {
  ATTENDANT_URL: "https://attendant.example.com/",
  ATTENDANT_INTEGRATION_ID: "7c6d5f0e-1d2b-4c1e-9d3f-0a1b2c3d4e5f",
  ATTENDANT_INTEGRATION_SECRET: randomBytes(32).toString("base64url"),
};

type Signer = "sign.sh" | "sign.ts";

async function sign(signer: Signer, args: string[], env: Record<string, string> = settings) {
  const [command, commandArgs] =
    signer === "sign.sh"
      ? ["bash", [`${folder}sign.sh`, ...args]]
      : [process.execPath, ["--import", "tsx", `${folder}sign.ts`, ...args]];
  return run(command, commandArgs, { env: { PATH: process.env.PATH ?? "", ...env } }).then(
    ({ stdout }) => ({ ok: true as const, url: stdout.trim() }),
    (error: { code: number; stderr: string }) => ({
      ok: false as const,
      code: error.code,
      stderr: error.stderr,
    }),
  );
}

/** Checks the address against the HMAC assertion of the contract, with node:crypto only. */
function verifiedClaims(url: string): Record<string, unknown> {
  const prefix = "https://attendant.example.com/embed/ticket?assertion=";
  expect(url.startsWith(prefix)).toBe(true);
  const [header, payload, signature, ...rest] = url.slice(prefix.length).split(".");
  expect(rest).toEqual([]);
  const expected = createHmac("sha256", Buffer.from(settings.ATTENDANT_INTEGRATION_SECRET, "utf8"))
    .update(`${header}.${payload}`)
    .digest("base64url");
  expect(signature).toBe(expected);
  expect(JSON.parse(Buffer.from(header ?? "", "base64url").toString("utf8"))).toEqual({
    alg: "HS256",
    typ: "JWT",
  });
  return JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8"));
}

const ticketArgs = [
  "--agent",
  "agent@example.com",
  "--ticket-id",
  "RT-42",
  "--title",
  'Drucker "brennt" \\ 印刷機',
  "--ticket-url",
  "https://rt.example.com/Ticket/Display.html",
  "--requester-name",
  "Ada Lovelace",
  "--requester-email",
  "ada@example.com",
  "--theme",
  "dark",
  "--lang",
  "ja",
];

describe.each<Signer>(["sign.sh", "sign.ts"])("%s", (signer) => {
  it("prints a widget address whose assertion is an HS256 JWT of the contract, signed with the secret's text", async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await sign(signer, [...ticketArgs, "--ttl", "300"]);
    if (!result.ok) throw new Error(result.stderr);
    const claims = verifiedClaims(result.url);
    expect(claims).toMatchObject({
      iss: settings.ATTENDANT_INTEGRATION_ID,
      aud: "attendant-embed",
      agent_email: "agent@example.com",
      ticket: {
        id: "RT-42",
        title: 'Drucker "brennt" \\ 印刷機',
        url: "https://rt.example.com/Ticket/Display.html",
        requester_name: "Ada Lovelace",
        requester_email: "ada@example.com",
      },
      theme: "dark",
      lang: "ja",
    });
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(300);
    expect(claims.jti).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
  });

  it("leaves optional claims out rather than sending them empty", async () => {
    const result = await sign(signer, ["--agent", "a@example.com", "--ticket-id", "7", "--title", "t"]);
    if (!result.ok) throw new Error(result.stderr);
    const claims = verifiedClaims(result.url);
    expect(Object.keys(claims)).toEqual(["iss", "aud", "iat", "exp", "jti", "agent_email", "ticket"]);
    expect(claims.ticket).toEqual({ id: "7", title: "t" });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(120);
  });

  it.each([
    [["--ttl", "301"], "--ttl must be a whole number of seconds, 1–300."],
    [["--title", "line\nbreak"], "--title must not contain control characters"],
    [["--title", "tab\there"], "--title must not contain control characters"],
    [["--theme", "blue"], "--theme must be light or dark."],
    [["--lang", "fr"], "--lang must be en, de or ja."],
    [["--nonce", "short"], "--nonce must be 16–128 characters"],
    [["--agent", "not-an-address"], "--agent must be the agent's e-mail address."],
  ])("refuses %j with a message naming the option", async (bad, message) => {
    const result = await sign(signer, [...ticketArgs, ...bad]);
    expect(result).toMatchObject({ ok: false, code: 2 });
    expect(result.ok ? "" : result.stderr).toContain(message);
  });

  it("refuses a secret that is not the 43-character base64url text Attendant shows", async () => {
    const result = await sign(signer, ticketArgs, { ...settings, ATTENDANT_INTEGRATION_SECRET: "c2VjcmV0" });
    expect(result).toMatchObject({ ok: false, code: 2 });
    expect(result.ok ? "" : result.stderr).toContain(
      "ATTENDANT_INTEGRATION_SECRET must be the secret exactly",
    );
  });
});

it("sign.sh and sign.ts print the same address for the same ticket, time and nonce", async () => {
  const fixed = [...ticketArgs, "--issued-at", "1765108800", "--nonce", "same-nonce-for-both-1"];
  const [shell, typescript] = await Promise.all([sign("sign.sh", fixed), sign("sign.ts", fixed)]);
  expect(shell.ok && typescript.ok).toBe(true);
  expect(shell).toEqual(typescript);
  expect(verifiedClaims(shell.ok ? shell.url : "")).toMatchObject({ iat: 1765108800, exp: 1765108920 });
});

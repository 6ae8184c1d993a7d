/**
 * Prints the address that opens Attendant's ticket widget for one agent and one ticket, signed
 * with an embedding integration's secret (the HMAC assertion of docs/embedding.md). Uses only
 * node:crypto, so it can be copied into any Node or TypeScript helpdesk backend. Run it with
 *
 *   ATTENDANT_URL=https://attendant.example.com ATTENDANT_INTEGRATION_ID=<id> \
 *   ATTENDANT_INTEGRATION_SECRET=<secret> npx tsx sign.ts --agent agent@example.com \
 *   --ticket-id 42 --title "Printer on fire"
 *
 * It does the same as sign.sh beside it; the two agree byte for byte.
 */
import { createHmac, randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

export interface SignSettings {
  /** Attendant's public address, e.g. `https://attendant.example.com`. */
  attendantUrl: string;
  integrationId: string;
  /** The secret exactly as Attendant showed it (43 base64url characters). */
  secret: string;
}

export interface SignedTicket {
  agentEmail: string;
  id: string;
  title: string;
  url?: string | undefined;
  requesterName?: string | undefined;
  requesterEmail?: string | undefined;
  theme?: string | undefined;
  lang?: string | undefined;
  /** Seconds the assertion stays valid, 1–300 (default 120). */
  ttlSeconds?: number | undefined;
  /** Unix seconds of signing; defaults to now. */
  issuedAt?: number | undefined;
  /** The one-time id; defaults to 32 random base64url characters. */
  nonce?: string | undefined;
}

/** Builds the widget address, or throws an Error that says which input is wrong and why. */
export function widgetUrl(settings: SignSettings, ticket: SignedTicket): string {
  const base = checkedUrl(settings.attendantUrl, "ATTENDANT_URL");
  if (
    !/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(
      settings.integrationId,
    )
  ) {
    throw new Error("ATTENDANT_INTEGRATION_ID must be the integration's id, a UUID.");
  }
  if (!/^[A-Za-z0-9_-]{43}$/.test(settings.secret)) {
    throw new Error(
      "ATTENDANT_INTEGRATION_SECRET must be the secret exactly as Attendant showed it: 43 base64url characters.",
    );
  }
  const ttl = ticket.ttlSeconds ?? 120;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > 300)
    throw new Error("--ttl must be a whole number of seconds, 1–300.");
  const issuedAt = ticket.issuedAt ?? Math.floor(Date.now() / 1000);
  if (!Number.isInteger(issuedAt) || issuedAt < 0) throw new Error("--issued-at must be Unix seconds.");
  const nonce = ticket.nonce ?? randomBytes(24).toString("base64url");
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(nonce))
    throw new Error("--nonce must be 16–128 characters of A-Z a-z 0-9 _ -.");
  if (!/^[^\s@]+@[^\s@]+$/.test(ticket.agentEmail))
    throw new Error("--agent must be the agent's e-mail address.");
  if (ticket.theme !== undefined && ticket.theme !== "light" && ticket.theme !== "dark") {
    throw new Error("--theme must be light or dark.");
  }
  if (ticket.lang !== undefined && !["en", "de", "ja"].includes(ticket.lang))
    throw new Error("--lang must be en, de or ja.");
  const claims = {
    iss: settings.integrationId,
    aud: "attendant-embed",
    iat: issuedAt,
    exp: issuedAt + ttl,
    jti: nonce,
    agent_email: text(ticket.agentEmail, "--agent"),
    ticket: {
      id: text(ticket.id, "--ticket-id"),
      title: text(ticket.title, "--title"),
      url: ticket.url === undefined ? undefined : checkedUrl(ticket.url, "--ticket-url"),
      requester_name:
        ticket.requesterName === undefined ? undefined : text(ticket.requesterName, "--requester-name"),
      requester_email:
        ticket.requesterEmail === undefined ? undefined : text(ticket.requesterEmail, "--requester-email"),
    },
    theme: ticket.theme,
    lang: ticket.lang,
  };
  const signingInput = `${base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${base64url(JSON.stringify(claims))}`;
  const signature = createHmac("sha256", Buffer.from(settings.secret, "utf8"))
    .update(signingInput)
    .digest("base64url");
  return `${base}/embed/ticket?assertion=${signingInput}.${signature}`;
}

function base64url(json: string): string {
  return Buffer.from(json, "utf8").toString("base64url");
}

/** Control characters are refused (not escaped) so that sign.sh can build the same JSON without jq. */
function text(value: string, option: string): string {
  if (value.length === 0) throw new Error(`${option} must not be empty.`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value))
    throw new Error(`${option} must not contain control characters (tabs, line breaks).`);
  return value;
}

function checkedUrl(value: string, option: string): string {
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(value)) {
    throw new Error(
      `${option} must be an http(s) address without query or fragment, e.g. https://attendant.example.com.`,
    );
  }
  return value.replace(/\/+$/, "");
}

function main(): void {
  const { values } = parseArgs({
    options: {
      agent: { type: "string" },
      "ticket-id": { type: "string" },
      title: { type: "string" },
      "ticket-url": { type: "string" },
      "requester-name": { type: "string" },
      "requester-email": { type: "string" },
      theme: { type: "string" },
      lang: { type: "string" },
      ttl: { type: "string" },
      "issued-at": { type: "string" },
      nonce: { type: "string" },
    },
  });
  const { agent, "ticket-id": id, title } = values;
  if (agent === undefined || id === undefined || title === undefined) {
    throw new Error("--agent, --ticket-id and --title are required.");
  }
  const url = widgetUrl(
    {
      attendantUrl: process.env.ATTENDANT_URL ?? "",
      integrationId: process.env.ATTENDANT_INTEGRATION_ID ?? "",
      secret: process.env.ATTENDANT_INTEGRATION_SECRET ?? "",
    },
    {
      agentEmail: agent,
      id,
      title,
      url: values["ticket-url"],
      requesterName: values["requester-name"],
      requesterEmail: values["requester-email"],
      theme: values.theme,
      lang: values.lang,
      ttlSeconds: values.ttl === undefined ? undefined : Number(values.ttl),
      issuedAt: values["issued-at"] === undefined ? undefined : Number(values["issued-at"]),
      nonce: values.nonce,
    },
  );
  process.stdout.write(`${url}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`sign.ts: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}

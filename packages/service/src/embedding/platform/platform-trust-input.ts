/**
 * What an admin types to trust a helpdesk platform's own signed tokens (issue 23, ADR 0041):
 * Zendesk's app key or Atlassian's Forge keys, the account or site, the installation, and the
 * map of platform user ids to Attendant e-mails. Every field is checked the way the verifiers in
 * zendesk-token.ts and forge-token.ts will use it, so a configuration that is accepted here never
 * fails later for a reason the admin could have been told now: a PEM that jose cannot import, a key
 * set without keys, an agents line that is not `id = e-mail`.
 */
import { importJWK, importSPKI, type JSONWebKeySet, type JWK } from "jose";
import { z } from "zod";
import { checkAllowedOrigins } from "../allowed-origins.js";
import type { ForgeTrust } from "./forge-token.js";
import type { ZendeskTrust } from "./zendesk-token.js";

/** The stored configuration: the trust without the integration id, which the row already has. */
export type ZendeskConfig = Omit<ZendeskTrust, "integrationId">;
export type ForgeConfig = Omit<ForgeTrust, "integrationId">;

/** As typed on the settings page or sent to the API: the keys and the agents as text. */
export interface ZendeskConfigInput {
  accountUrl: string;
  installationId: string;
  publicKeyPem: string;
  /** One `platform user id = e-mail` per line. */
  agents: string;
}

export interface ForgeConfigInput {
  appId: string;
  installationId: string;
  siteUrl: string;
  /** The JSON Web Key Set as JSON text. */
  jwks: string;
  agents: string;
}

export type PlatformConfigField = keyof ZendeskConfigInput | keyof ForgeConfigInput;

export type PlatformConfigProblem =
  | "url-invalid"
  | "installation-id-invalid"
  | "app-id-invalid"
  | "public-key-invalid"
  | "jwks-not-json"
  | "jwks-without-keys"
  | "jwks-key-invalid"
  | "jwks-private-key"
  | "agents-line-invalid"
  | "agents-duplicate-id"
  | "too-long";

export interface PlatformConfigFieldProblem {
  field: PlatformConfigField;
  problem: PlatformConfigProblem;
  /** The offending entry: the agents line, or the key's position in the set. */
  value?: string;
}

export type PlatformConfigCheck<T> =
  | { config: T; problems: [] }
  | { config: undefined; problems: PlatformConfigFieldProblem[] };

/** A public key or key set is a few kB; far above that is a paste of something else. */
const maxKeyTextLength = 65_536;
const maxAgentsTextLength = 65_536;
const maxIdLength = 200;

/** Zendesk numbers its users and installations. */
const zendeskIdPattern = /^[1-9][0-9]{0,19}$/;
/** Atlassian account ids: `5b10ac8d82e05b22cc7d4ef5` or `557058:f58131cb-…`. */
const atlassianAccountIdPattern = /^[A-Za-z0-9:_-]{1,128}$/;
const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const forgeAppIdPattern = new RegExp(`^ari:cloud:ecosystem::app/${uuid}$`, "i");
const forgeInstallationIdPattern = new RegExp(`^ari:cloud:ecosystem::installation/${uuid}$`, "i");
const email = z.email().max(254);

export async function checkZendeskConfig(
  input: ZendeskConfigInput,
): Promise<PlatformConfigCheck<ZendeskConfig>> {
  const problems: PlatformConfigFieldProblem[] = [];
  const accountUrl = checkedOrigin(input.accountUrl, "accountUrl", problems);
  const installationId = input.installationId.trim();
  if (!zendeskIdPattern.test(installationId)) {
    problems.push({ field: "installationId", problem: "installation-id-invalid" });
  }
  const publicKeyPem = input.publicKeyPem.trim();
  if (!(await isRsaPublicKeyPem(publicKeyPem))) {
    problems.push({ field: "publicKeyPem", problem: "public-key-invalid" });
  }
  const agents = checkedAgents(input.agents, zendeskIdPattern, problems);
  if (problems.length > 0 || accountUrl === undefined) return { config: undefined, problems };
  return { config: { accountUrl, installationId, publicKeyPem, agents }, problems: [] };
}

export async function checkForgeConfig(input: ForgeConfigInput): Promise<PlatformConfigCheck<ForgeConfig>> {
  const problems: PlatformConfigFieldProblem[] = [];
  const appId = input.appId.trim();
  if (!forgeAppIdPattern.test(appId)) problems.push({ field: "appId", problem: "app-id-invalid" });
  const installationId = input.installationId.trim();
  if (!forgeInstallationIdPattern.test(installationId)) {
    problems.push({ field: "installationId", problem: "installation-id-invalid" });
  }
  const siteUrl = checkedOrigin(input.siteUrl, "siteUrl", problems);
  const jwks = await checkedJwks(input.jwks, problems);
  const agents = checkedAgents(input.agents, atlassianAccountIdPattern, problems);
  if (problems.length > 0 || siteUrl === undefined || jwks === undefined) {
    return { config: undefined, problems };
  }
  return { config: { appId, installationId, siteUrl, jwks, agents }, problems: [] };
}

/** The agents map back as the text the admin edits, one `id = e-mail` per line. */
export function agentsAsText(agents: Readonly<Record<string, string>>): string {
  return Object.entries(agents)
    .map(([id, agentEmail]) => `${id} = ${agentEmail}`)
    .join("\n");
}

/** The same rules as the allowed origins: https (plain http on loopback only), no path. */
function checkedOrigin(
  value: string,
  field: "accountUrl" | "siteUrl",
  problems: PlatformConfigFieldProblem[],
): string | undefined {
  const checked = checkAllowedOrigins([value]);
  const [origin] = checked.origins;
  if (checked.problems.length > 0 || origin === undefined) {
    problems.push({ field, problem: "url-invalid", value: value.trim() });
    return undefined;
  }
  return origin;
}

/** Exactly what verifyZendeskToken imports: an SPKI `BEGIN PUBLIC KEY` block holding an RSA key. */
async function isRsaPublicKeyPem(pem: string): Promise<boolean> {
  if (pem.length > maxKeyTextLength) return false;
  try {
    await importSPKI(pem, "RS256");
    return true;
  } catch {
    return false;
  }
}

async function checkedJwks(
  text: string,
  problems: PlatformConfigFieldProblem[],
): Promise<JSONWebKeySet | undefined> {
  if (text.length > maxKeyTextLength) {
    problems.push({ field: "jwks", problem: "too-long" });
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.push({ field: "jwks", problem: "jwks-not-json" });
    return undefined;
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) {
    problems.push({ field: "jwks", problem: "jwks-without-keys" });
    return undefined;
  }
  let isValid = true;
  for (const [index, key] of keys.entries()) {
    const problem = await problemOfJwk(key);
    if (problem !== undefined) {
      problems.push({ field: "jwks", problem, value: String(index + 1) });
      isValid = false;
    }
  }
  return isValid ? { keys: keys as JWK[] } : undefined;
}

async function problemOfJwk(key: unknown): Promise<"jwks-key-invalid" | "jwks-private-key" | undefined> {
  if (typeof key !== "object" || key === null || Array.isArray(key)) return "jwks-key-invalid";
  const jwk = key as JWK;
  // A private key pasted by mistake would sit in the database as if it were public.
  if (jwk.d !== undefined) return "jwks-private-key";
  if (jwk.kty !== "RSA") return "jwks-key-invalid";
  try {
    await importJWK(jwk, "RS256");
    return undefined;
  } catch {
    return "jwks-key-invalid";
  }
}

/** `id = e-mail` per line; blank lines are skipped; an id may appear once. */
function checkedAgents(
  text: string,
  idPattern: RegExp,
  problems: PlatformConfigFieldProblem[],
): Record<string, string> {
  // A Map, so that an id such as `__proto__` is an entry like any other.
  const agents = new Map<string, string>();
  if (text.length > maxAgentsTextLength) {
    problems.push({ field: "agents", problem: "too-long" });
    return {};
  }
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === "") continue;
    const match = /^([^=\s]+)\s*=\s*(\S+)$/.exec(line);
    const id = match?.[1];
    const agentEmail = match?.[2];
    if (
      id === undefined ||
      agentEmail === undefined ||
      id.length > maxIdLength ||
      !idPattern.test(id) ||
      !email.safeParse(agentEmail).success
    ) {
      problems.push({ field: "agents", problem: "agents-line-invalid", value: line.slice(0, 300) });
    } else if (agents.has(id)) {
      problems.push({ field: "agents", problem: "agents-duplicate-id", value: id });
    } else {
      agents.set(id, agentEmail);
    }
  }
  return Object.fromEntries(agents);
}

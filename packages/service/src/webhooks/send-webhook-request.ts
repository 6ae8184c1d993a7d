/**
 * One webhook POST, with the safety rules of issue 7:
 * - the host name is resolved here and every address it yields must be permitted
 *   (network-address.ts); the connection then goes to that checked address, so a DNS answer
 *   that changes between check and connect (rebinding) cannot redirect it;
 * - plain http only to allowed (non-public) networks;
 * - redirects are never followed: a 3xx is a failed attempt;
 * - one deadline for the whole attempt (connect, send, answer);
 * - only the first bytes of the answer are kept.
 * node:http is used rather than fetch because it lets us supply the DNS lookup.
 */
import { lookup as dnsLookup } from "node:dns/promises";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { performance } from "node:perf_hooks";
import {
  type AddressCategory,
  classifyAddress,
  isAddressPermitted,
  isInNetwork,
  type Network,
  parseIpAddress,
} from "./network-address.js";

/** Resolves a host name to its addresses (tests pass their own to simulate rebinding). */
export type ResolveHost = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemResolveHost: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowedNetworks: readonly Network[];
  resolveHost?: ResolveHost | undefined;
}

export interface WebhookResponseOutcome {
  /** The receiver's status, or null when none came. */
  status: number | null;
  /** Why the attempt failed, short and free of secrets; null for a 2xx. */
  error: string | null;
  durationMs: number;
  /** The first bytes of the answer (text), or null. */
  excerpt: string | null;
}

export const maxExcerptBytes = 1024;

class RefusedTargetError extends Error {}

/** Never throws: every failure is an outcome to record. */
export async function sendWebhookRequest(request: WebhookRequest): Promise<WebhookResponseOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { status: null, error: "the URL is not valid", durationMs: 0, excerpt: null };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { status: null, error: `${url.protocol} URLs are not supported`, durationMs: 0, excerpt: null };
  }
  const isHttps = url.protocol === "https:";
  const checkAddress = (address: string): string | undefined => {
    const parsed = parseIpAddress(address);
    if (parsed === undefined) return `${address} is not an IP address`;
    const category = classifyAddress(parsed);
    if (!isAddressPermitted(parsed, request.allowedNetworks)) {
      return `refused: ${address} is a ${describeCategory(category)} address (allow it with ATTENDANT_WEBHOOK_ALLOWED_PRIVATE_NETWORKS)`;
    }
    const isAllowedNetwork = request.allowedNetworks.some((network) => isInNetwork(parsed, network));
    if (!isHttps && !isAllowedNetwork) return `refused: plain http to ${address}; use https`;
    return undefined;
  };

  const literal = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  if (parseIpAddress(literal) !== undefined) {
    const problem = checkAddress(literal);
    if (problem !== undefined) return { status: null, error: problem, durationMs: elapsed(), excerpt: null };
  }

  const resolveHost = request.resolveHost ?? systemResolveHost;
  const lookup: LookupFunction = (hostname, options, callback) => {
    resolveHost(hostname).then(
      (addresses) => {
        // Every address must pass: the socket may try any of them.
        const problems = addresses.map((entry) => checkAddress(entry.address));
        const problem = problems.find((entry) => entry !== undefined);
        if (addresses.length === 0 || problem !== undefined) {
          callback(new RefusedTargetError(problem ?? `${hostname} has no address`), "", 4);
          return;
        }
        if (options.all === true) {
          (callback as unknown as (error: null, addresses: { address: string; family: number }[]) => void)(
            null,
            addresses,
          );
          return;
        }
        const first = addresses[0] as { address: string; family: number };
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 4),
    );
  };

  return new Promise<WebhookResponseOutcome>((resolve) => {
    let isSettled = false;
    const settle = (outcome: Omit<WebhookResponseOutcome, "durationMs">) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(deadline);
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const send = isHttps ? httpsRequest : httpRequest;
    const outgoing = send(
      url,
      {
        method: "POST",
        headers: { ...request.headers, "content-length": String(Buffer.byteLength(request.body)) },
        lookup,
        // A fresh connection per attempt: a pooled socket would skip the address check.
        agent: false,
      },
      (response) => {
        readExcerpt(response).then((excerpt) => settle(outcomeOf(response, excerpt)));
      },
    );
    const deadline = setTimeout(() => {
      settle({ status: null, error: `timeout after ${formatSeconds(request.timeoutMs)}`, excerpt: null });
      outgoing.destroy();
    }, request.timeoutMs);
    outgoing.on("error", (error: NodeJS.ErrnoException) => {
      settle({ status: null, error: describeNetworkError(error, url.host), excerpt: null });
    });
    outgoing.end(request.body);
  });
}

function outcomeOf(response: IncomingMessage, excerpt: string): Omit<WebhookResponseOutcome, "durationMs"> {
  const status = response.statusCode ?? 0;
  const kept = excerpt === "" ? null : excerpt;
  if (status >= 200 && status < 300) return { status, error: null, excerpt: kept };
  if (status >= 300 && status < 400) {
    const location = String(response.headers.location ?? "").slice(0, 200);
    return {
      status,
      error: `redirect not followed${location === "" ? "" : ` (Location: ${location})`}; register the final URL`,
      excerpt: kept,
    };
  }
  return { status, error: `the receiver answered ${status}`, excerpt: kept };
}

/** Reads at most maxExcerptBytes of the answer, then lets the rest go. */
function readExcerpt(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = () => resolve(Buffer.concat(chunks).subarray(0, maxExcerptBytes).toString("utf8"));
    response.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= maxExcerptBytes) {
        response.destroy();
        finish();
      }
    });
    response.on("end", finish);
    response.on("error", finish);
    response.on("close", finish);
  });
}

function describeNetworkError(error: NodeJS.ErrnoException, host: string): string {
  if (error instanceof RefusedTargetError) return error.message;
  switch (error.code) {
    case "ECONNREFUSED":
      return `connection refused by ${host}`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `${host} could not be resolved`;
    case "ECONNRESET":
      return `connection reset by ${host}`;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `${host} is unreachable`;
    default:
      if (error.code?.startsWith("ERR_TLS") || error.code?.includes("CERT")) {
        return `TLS failed: ${error.code}`;
      }
      return `request failed: ${error.code ?? error.message}`.slice(0, 200);
  }
}

function describeCategory(category: AddressCategory): string {
  return category === "cgnat" ? "carrier-grade NAT" : category;
}

function formatSeconds(milliseconds: number): string {
  return milliseconds % 1000 === 0 ? `${milliseconds / 1000} s` : `${milliseconds} ms`;
}

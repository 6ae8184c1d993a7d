/**
 * The origins allowed to frame the widget: exact origins, because they end up verbatim in
 * `Content-Security-Policy: frame-ancestors` (src/http/security-headers.ts), where a path, a
 * wildcard or a stray character would either widen the list or break the header. Plain http is
 * for loopback only (a helpdesk on the admin's own machine); anything else must be https.
 */
import { isLoopbackHost } from "../http/loopback-host.js";

export const maxAllowedOrigins = 20;

export type OriginProblem =
  | "origins-missing"
  | "too-many-origins"
  | "origin-not-a-url"
  | "origin-not-https"
  | "origin-has-path"
  | "origin-has-credentials";

export interface OriginCheck {
  origins: string[];
  problems: { origin: string; problem: OriginProblem }[];
}

/** Normalises each entry to its origin (`https://rt.example.com`), in order, without repeats. */
export function checkAllowedOrigins(entries: readonly string[]): OriginCheck {
  const origins: string[] = [];
  const problems: OriginCheck["problems"] = [];
  const given = entries.map((entry) => entry.trim()).filter((entry) => entry !== "");
  if (given.length === 0) problems.push({ origin: "", problem: "origins-missing" });
  if (given.length > maxAllowedOrigins) problems.push({ origin: "", problem: "too-many-origins" });
  for (const entry of given) {
    const problem = problemOf(entry);
    if (problem !== undefined) problems.push({ origin: entry, problem });
    else {
      const origin = new URL(entry).origin;
      if (!origins.includes(origin)) origins.push(origin);
    }
  }
  return { origins, problems };
}

function problemOf(entry: string): OriginProblem | undefined {
  // Characters that could end or extend the CSP directive never reach the URL parser.
  if (/[\s;,'"*]/.test(entry) || !URL.canParse(entry)) return "origin-not-a-url";
  const url = new URL(entry);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    return "origin-not-https";
  }
  if (url.username !== "" || url.password !== "") return "origin-has-credentials";
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "" || entry.endsWith("/"))
    return "origin-has-path";
  return undefined;
}

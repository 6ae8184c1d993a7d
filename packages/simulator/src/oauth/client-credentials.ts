import { timingSafeEqual } from "node:crypto";
import type { OAuthApp } from "../state/oauth-registry.js";
import type { SimulatorState } from "../state/simulator-state.js";

/** The app behind a token call: HTTP Basic (RFC 6749 §2.3.1) or `client_id`/`client_secret` in the body. */
export type ClientCheck =
  | { app: OAuthApp }
  | { error: "invalid_request" | "invalid_client"; description: string };

export function authenticateClient(
  state: SimulatorState,
  request: Request,
  params: URLSearchParams,
): ClientCheck {
  const basic = readBasicCredentials(request);
  const clientId = basic?.clientId ?? params.get("client_id") ?? undefined;
  const clientSecret = basic?.clientSecret ?? params.get("client_secret") ?? undefined;
  if (!clientId) return { error: "invalid_request", description: "client_id is required." };
  const app = state.oauth.apps.get(clientId);
  if (!app || clientSecret === undefined || !isSameSecret(clientSecret, app.clientSecret)) {
    return { error: "invalid_client", description: "The client credentials are wrong." };
  }
  return { app };
}

export function isSameSecret(given: string, expected: string): boolean {
  const givenBytes = Buffer.from(given);
  const expectedBytes = Buffer.from(expected);
  return givenBytes.length === expectedBytes.length && timingSafeEqual(givenBytes, expectedBytes);
}

function readBasicCredentials(request: Request): { clientId: string; clientSecret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  // RFC 6749 §2.3.1: both parts are form-urlencoded before being joined.
  return {
    clientId: decodeURIComponent(decoded.slice(0, colon).replaceAll("+", " ")),
    clientSecret: decodeURIComponent(decoded.slice(colon + 1).replaceAll("+", " ")),
  };
}

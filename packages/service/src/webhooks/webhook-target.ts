/**
 * Whether a URL may receive webhooks. Checked twice: when an admin saves the URL (its form: an
 * absolute https URL without credentials; an IP literal must be public), and again for every
 * attempt against the addresses the name resolves to at that moment (send-webhook-request.ts),
 * because DNS can change between the two (DNS rebinding).
 *
 * Plain http is allowed only to networks the operator listed in
 * ATTENDANT_WEBHOOK_ALLOWED_PRIVATE_NETWORKS (a receiver on the same host or LAN); anything on
 * the internet must use https.
 */
import { isAddressPermitted, type Network, parseIpAddress } from "./network-address.js";

export const maxWebhookUrlLength = 2000;

export type WebhookUrlProblem =
  | "invalid-url"
  | "unsupported-scheme"
  | "credentials-in-url"
  | "https-required"
  | "private-address";

export type WebhookUrlCheck = { isValid: true; url: URL } | { isValid: false; problem: WebhookUrlProblem };

/** The form of a webhook URL, and its address when it is an IP literal. */
export function checkWebhookUrl(text: string, allowedNetworks: readonly Network[]): WebhookUrlCheck {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { isValid: false, problem: "invalid-url" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { isValid: false, problem: "unsupported-scheme" };
  if (text.length > maxWebhookUrlLength || url.hostname === "")
    return { isValid: false, problem: "invalid-url" };
  if (url.username !== "" || url.password !== "") return { isValid: false, problem: "credentials-in-url" };
  const literal = parseIpAddress(url.hostname);
  if (literal !== undefined && !isAddressPermitted(literal, allowedNetworks)) {
    return { isValid: false, problem: "private-address" };
  }
  // Plain http only where the operator allowed a network; the attempt checks the actual address.
  if (url.protocol === "http:" && allowedNetworks.length === 0)
    return { isValid: false, problem: "https-required" };
  url.hash = "";
  return { isValid: true, url };
}

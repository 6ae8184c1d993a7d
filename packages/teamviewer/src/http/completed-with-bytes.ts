import type { CompletedExchange } from "./send-request.js";
/**
 * The exchange for a body read as bytes: a success keeps them, anything else is text for the
 * error mapping, like every other answer.
 */
export function completedWithBytes(status: number, headers: Headers, bytes: Uint8Array): CompletedExchange {
  if (status >= 200 && status < 300) return { status, headers, bodyText: "", bodyBytes: bytes };
  return { status, headers, bodyText: new TextDecoder().decode(bytes) };
}

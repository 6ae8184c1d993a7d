import type { CompletedExchange } from "./send-request.js";
/**
 * The exchange for a body read as bytes: a success keeps them, anything else is text for the
 * error mapping, like every other answer.
 */
export function completedWithBytes(status: number, headers: Headers, bytes: Uint8Array): CompletedExchange {
  // A copy: a Node Buffer may be a view into a shared pool, whose `.buffer` holds other data too.
  if (status >= 200 && status < 300)
    return { status, headers, bodyText: "", bodyBytes: new Uint8Array(bytes) };
  return { status, headers, bodyText: new TextDecoder().decode(bytes) };
}

import type { ApiTransport } from "../http/api-transport.js";

/**
 * Base of the resource classes: each holds the client's transport and nothing else, so a resource
 * method is one call to `this.transport` or `listPages`.
 *
 * @example
 * ```ts
 * class PingResource extends ApiResource {
 *   ping() { return this.transport.request({ method: "GET", path: "/ping" }); }
 * }
 * ```
 */
export abstract class ApiResource {
  protected readonly transport: ApiTransport;

  constructor(transport: ApiTransport) {
    this.transport = transport;
  }
}

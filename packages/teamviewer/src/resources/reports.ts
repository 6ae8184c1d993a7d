import type { ApiTransport } from "../http/api-transport.js";
import { ConnectionReportsResource } from "./connection-reports.js";

/**
 * `client.reports`: TeamViewer's reports; only connection reports are used here.
 *
 * @example
 * ```ts
 * const page = await client.reports.connections.list({ has_code: true });
 * ```
 */
export class ReportsResource {
  /** One record per ended connection. */
  readonly connections: ConnectionReportsResource;

  constructor(transport: ApiTransport) {
    this.connections = new ConnectionReportsResource(transport);
  }
}

import type { ApiTransport } from "../http/api-transport.js";
import { ConnectionExtrasResource } from "./connection-extras.js";
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
  /** What a connection's report carries beyond the record: chat, summaries, screenshots. */
  readonly connectionExtras: ConnectionExtrasResource;

  constructor(transport: ApiTransport) {
    this.connections = new ConnectionReportsResource(transport);
    this.connectionExtras = new ConnectionExtrasResource(transport);
  }
}

/** The connector for each kind of helpdesk. A new helpdesk adds its folder and one entry here. */
import type { HelpdeskConnector, HelpdeskKind, HelpdeskSettings } from "./helpdesk-connector.js";
import { createRequestTrackerConnector } from "./request-tracker/rt-connector.js";

const connectorFactories: Record<HelpdeskKind, (settings: HelpdeskSettings) => HelpdeskConnector> = {
  "request-tracker": createRequestTrackerConnector,
};

export function connectorFor(settings: HelpdeskSettings): HelpdeskConnector {
  return connectorFactories[settings.kind](settings);
}

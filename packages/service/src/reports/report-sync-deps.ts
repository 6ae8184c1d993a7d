/** What the report sync and the report use-cases need; `createApp` and the CLI build it. */
import type { TeamViewerClientFactory } from "../teamviewer/client-factory.js";
import type { TokenStoreDeps } from "../teamviewer/token-store.js";

export type ReportSyncDeps = TokenStoreDeps & {
  /** Clients for a sync account: the organisation's script token or a user's own grant. */
  teamViewer: TeamViewerClientFactory;
};

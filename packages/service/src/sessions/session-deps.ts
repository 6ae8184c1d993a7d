/** What the support-session use cases need; `createApp` builds it from AppDeps. */
import type { AppDeps } from "../http/app-deps.js";
import type { TeamViewerClientFactory } from "../teamviewer/client-factory.js";

export type SessionDeps = Pick<
  AppDeps,
  // The last three: a session created through the demo app names the brand's QuickSupport module.
  "database" | "vault" | "clock" | "logger" | "config" | "demoTeamViewerApp" | "saveDemoQuickSupportModule"
> & {
  /** Gives each supporter a client acting through their own TeamViewer grant. */
  teamViewer: TeamViewerClientFactory;
  /** Waits out a short TeamViewer rate limit; tests pass one that moves a fake clock instead. */
  sleep?: (milliseconds: number) => Promise<void>;
};

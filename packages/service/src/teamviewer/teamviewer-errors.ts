/**
 * What can stand between a user and a working TeamViewer client. Routes turn each into a page
 * that says what to do ("Connect TeamViewer", "Reconnect TeamViewer", "ask an admin"); later
 * features (sessions, report sync) catch them the same way.
 */

/** The organisation has no TeamViewer app registered (and no demo simulator stands in). */
export class TeamViewerNotConfiguredError extends Error {
  override name = "TeamViewerNotConfiguredError";

  constructor(readonly organisationId: string) {
    super("No TeamViewer app is configured for this organisation; an admin must enter it under Settings.");
  }
}

/** The user never connected a TeamViewer account, or disconnected it. */
export class TeamViewerNotConnectedError extends Error {
  override name = "TeamViewerNotConnectedError";

  constructor(readonly userId: string) {
    super("This user has not connected a TeamViewer account.");
  }
}

/**
 * TeamViewer refused the stored grant (`invalid_grant` and its relatives, docs/teamviewer-api.md §1):
 * only the user can fix it by connecting again. Never retried automatically.
 */
export class TeamViewerReconnectRequiredError extends Error {
  override name = "TeamViewerReconnectRequiredError";

  constructor(readonly userId: string) {
    super("TeamViewer no longer accepts this user's connection; they must reconnect TeamViewer.");
  }
}

/**
 * Fetches what each connection on a ticket left behind (docs/teamviewer-api.md §4: chat transcript, AI
 * summary, augmented session summary, the screenshots' list), once per report, in its sync
 * account's turn and with the turn's own call budget: every call here is one of the calls the
 * turn may make (run-account-turn.ts), so these fetches never add to what the sync sends
 * TeamViewer per turn.
 *
 * TeamViewer documents no answer but 200 for these; 403 (the licence lacks them) and 404 (the
 * connection has none) are stored as `not_available` and never asked again, and so is an answer
 * that is not the documented shape. Rate limits, dead tokens, 5xx and timeouts are thrown to the
 * turn, which pauses or backs off the whole account (sync-failures.ts): the same budget, the
 * same respect.
 */
import {
  type AiSummary,
  type AugmentedSessionSummary,
  type ChatTranscriptMessage,
  NotFoundError,
  PermissionDeniedError,
  type ScreenshotInfo,
  type TeamViewerClient,
  UnexpectedResponseError,
} from "@attendant/teamviewer";
import {
  findReportsAwaitingExtras,
  type ReportAwaitingExtras,
  saveConnectionReportExtra,
} from "../db/repositories/connection-report-extras.js";
import type { SyncAccount } from "../db/repositories/report-sync-accounts.js";
import { type ConnectionExtraKind, connectionExtraKinds } from "../db/schema.js";
import type {
  AiSummaryView,
  AugmentedSummaryView,
  ChatMessageView,
  ExtraContent,
  ScreenshotView,
} from "./connection-extras-view.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import { createSyncClient } from "./sync-sources.js";

export interface ExtrasFetchResult {
  /** Calls made to TeamViewer. */
  calls: number;
}

/** At most this many reports are looked at per turn; the budget usually ends the turn first. */
const reportsPerTurn = 50;

export async function fetchConnectionExtras(
  deps: ReportSyncDeps,
  options: { account: SyncAccount; budget: number },
): Promise<ExtrasFetchResult> {
  let calls = 0;
  if (options.budget < 1) return { calls };
  const awaiting = await findReportsAwaitingExtras(deps.database.db, options.account.id, reportsPerTurn);
  if (awaiting.length === 0) return { calls };
  const client = await createSyncClient(deps, options.account);
  for (const report of awaiting) {
    for (const kind of missingKinds(report)) {
      if (calls >= options.budget) return { calls };
      calls += 1;
      const fetched = await fetchExtra(client, kind, report.teamViewerReportId);
      await saveConnectionReportExtra(deps.database.db, {
        connectionReportId: report.id,
        kind,
        ...fetched,
        fetchedAt: deps.clock.now(),
      });
    }
  }
  return { calls };
}

function missingKinds(report: ReportAwaitingExtras): ConnectionExtraKind[] {
  return connectionExtraKinds.filter((kind) => !report.storedKinds.includes(kind));
}

type Fetched =
  | { state: "available"; content: ExtraContent[ConnectionExtraKind] }
  | { state: "not_available"; content: null };

async function fetchExtra(
  client: TeamViewerClient,
  kind: ConnectionExtraKind,
  reportId: string,
): Promise<Fetched> {
  const extras = client.reports.connectionExtras;
  try {
    switch (kind) {
      case "chat_transcript":
        return available(toChatMessages(await extras.chatTranscript(reportId)));
      case "ai_summary":
        return available(toAiSummary(await extras.aiSummary(reportId)));
      case "augmented_session_summary":
        return available(toAugmentedSummary(await extras.augmentedSessionSummary(reportId)));
      case "screenshots":
        return available(toScreenshots(await extras.screenshots(reportId)));
    }
  } catch (error) {
    if (isNotAvailable(error)) return { state: "not_available", content: null };
    throw error;
  }
}

const available = (content: ExtraContent[ConnectionExtraKind]): Fetched => ({ state: "available", content });

function isNotAvailable(error: unknown): boolean {
  return (
    error instanceof NotFoundError ||
    error instanceof PermissionDeniedError ||
    error instanceof UnexpectedResponseError
  );
}

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

function toChatMessages(messages: ChatTranscriptMessage[]): ChatMessageView[] {
  return messages
    .filter((message) => typeof message.Content === "string")
    .map((message) => ({
      sender:
        text(message.Sender?.Name) ??
        (message.Sender?.TeamViewerId == null ? null : String(message.Sender.TeamViewerId)),
      isFromSupporter: typeof message.IsOutgoing === "boolean" ? message.IsOutgoing : null,
      writtenAt: text(message.WrittenAtTimestamp),
      content: message.Content ?? "",
    }));
}

function toAiSummary(summary: AiSummary): AiSummaryView {
  return {
    summary: text(summary.Summary),
    title: text(summary.Name),
    issueTypes: texts(summary.IssueTypeLabels),
    applications: texts(summary.ApplicationLabels),
    steps: (Array.isArray(summary.Steps) ? summary.Steps : []).map((step) => ({
      application: text(step?.Application),
      action: text(step?.Action),
      commands: typeof step?.Commands === "string" ? [step.Commands] : texts(step?.Commands),
    })),
  };
}

function toAugmentedSummary(summary: AugmentedSessionSummary): AugmentedSummaryView {
  return { summary: text(summary.summary), title: text(summary.title) };
}

function toScreenshots(screenshots: ScreenshotInfo[]): ScreenshotView[] {
  return screenshots.map((screenshot) => ({
    screenshotId: screenshot.screenshotId,
    fileName: text(screenshot.fileName),
    mimeType: text(screenshot.mimeType),
    takenAt: text(screenshot.takenAt),
  }));
}

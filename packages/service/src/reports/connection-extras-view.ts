/**
 * What a connection left behind (docs/teamviewer-api.md §4), as Attendant stores and shows it: our own
 * camelCase shapes, made from TeamViewer's mixed-case answers when they are fetched
 * (fetch-connection-extras.ts). Each kind is `pending` until its sync account's turn has asked,
 * then `available` or `not_available` (TeamViewer answered 403 or 404) for good.
 */
import type { ConnectionExtraKind, ConnectionExtraState } from "../db/schema.js";

export interface ChatMessageView {
  sender: string | null;
  /** Seen from the supporter's side: true for what the supporter wrote. */
  isFromSupporter: boolean | null;
  writtenAt: string | null;
  content: string;
}

export interface AiSummaryView {
  summary: string | null;
  title: string | null;
  issueTypes: string[];
  applications: string[];
  steps: { application: string | null; action: string | null; commands: string[] }[];
}

export interface AugmentedSummaryView {
  summary: string | null;
  title: string | null;
}

export interface ScreenshotView {
  screenshotId: string;
  fileName: string | null;
  mimeType: string | null;
  takenAt: string | null;
}

export interface ExtraContent {
  chat_transcript: ChatMessageView[];
  ai_summary: AiSummaryView;
  augmented_session_summary: AugmentedSummaryView;
  screenshots: ScreenshotView[];
}

export type ExtraView<T> =
  | { state: "pending" | "not_available"; content: null }
  | { state: "available"; content: T };

export interface ConnectionExtrasView {
  chatTranscript: ExtraView<ChatMessageView[]>;
  aiSummary: ExtraView<AiSummaryView>;
  augmentedSessionSummary: ExtraView<AugmentedSummaryView>;
  screenshots: ExtraView<ScreenshotView[]>;
}

/** The stored rows of one report, keyed by kind, as the report list query aggregates them. */
export type StoredExtras = Partial<
  Record<ConnectionExtraKind, { state: ConnectionExtraState; content: unknown }>
>;

export function toConnectionExtrasView(stored: StoredExtras | null): ConnectionExtrasView {
  return {
    chatTranscript: extraOf(stored?.chat_transcript) as ExtraView<ChatMessageView[]>,
    aiSummary: extraOf(stored?.ai_summary) as ExtraView<AiSummaryView>,
    augmentedSessionSummary: extraOf(stored?.augmented_session_summary) as ExtraView<AugmentedSummaryView>,
    screenshots: extraOf(stored?.screenshots) as ExtraView<ScreenshotView[]>,
  };
}

function extraOf(row: { state: ConnectionExtraState; content: unknown } | undefined): ExtraView<unknown> {
  if (row === undefined) return { state: "pending", content: null };
  if (row.state === "available" && row.content !== null) return { state: "available", content: row.content };
  return { state: "not_available", content: null };
}

import { UnexpectedResponseError } from "../errors.js";
import type { RequestOptions } from "../http/api-transport.js";
import { encodePath } from "../http/wire-encoding.js";
import { expectObject, type JsonObject } from "../wire.js";
import { ApiResource } from "./api-resource.js";

/**
 * One side of a chat, as the chat transcript names it (PascalCase, as TeamViewer's schema spells it).
 *
 * @example
 * ```ts
 * const who = message.Sender?.Name ?? message.Sender?.TeamViewerId ?? "unknown";
 * ```
 */
export interface ChatParticipant {
  TeamViewerId?: string | number | null;
  Name?: string | null;
  [extra: string]: unknown;
}

/**
 * One message of a connection's chat transcript. `IsOutgoing` is seen from the report's side
 * (the supporter). Optional fields may be missing or `null`; unknown fields are kept.
 *
 * @example
 * ```ts
 * const line = `${message.WrittenAtTimestamp} ${message.Sender?.Name}: ${message.Content}`;
 * ```
 */
export interface ChatTranscriptMessage {
  Sender?: ChatParticipant | null;
  Recipients?: ChatParticipant[] | null;
  WrittenAtTimestamp?: string | null;
  IsOutgoing?: boolean | null;
  Content?: string | null;
  [extra: string]: unknown;
}

/**
 * A connection's AI summary (PascalCase, as TeamViewer's schema spells it).
 *
 * @example
 * ```ts
 * const { Summary, Steps } = await client.reports.connectionExtras.aiSummary(id);
 * ```
 */
export interface AiSummary {
  Summary?: string | null;
  Name?: string | null;
  IssueTypeLabels?: string[] | null;
  ApplicationLabels?: string[] | null;
  Steps?:
    | { Application?: string | null; Action?: string | null; Commands?: unknown; [extra: string]: unknown }[]
    | null;
  [extra: string]: unknown;
}

/**
 * A connection's augmented session summary (camelCase here, unlike the AI summary).
 *
 * @example
 * ```ts
 * const { title, summary } = await client.reports.connectionExtras.augmentedSessionSummary(id);
 * ```
 */
export interface AugmentedSessionSummary {
  summary?: string | null;
  title?: string | null;
  [extra: string]: unknown;
}

/**
 * One screenshot taken during a connection; the image itself comes from `screenshot`.
 *
 * @example
 * ```ts
 * const names = (await client.reports.connectionExtras.screenshots(id)).map((shot) => shot.fileName);
 * ```
 */
export interface ScreenshotInfo {
  screenshotId: string;
  fileName?: string | null;
  mimeType?: string | null;
  takenAt?: string | null;
  [extra: string]: unknown;
}

/**
 * A screenshot's image as TeamViewer sent it.
 *
 * @example
 * ```ts
 * const { bytes, contentType } = await client.reports.connectionExtras.screenshot(id, shot.screenshotId);
 * ```
 */
export interface ScreenshotImage {
  bytes: Uint8Array;
  /** The answer's `Content-Type`, when it had one. */
  contentType: string | null;
}

/**
 * `client.reports.connectionExtras`: what a connection's report carries beyond the record
 * (docs/teamviewer-api.md §4). TeamViewer documents no answer but 200; a connection without them, or an
 * account whose licence lacks them, answers 403 (`PermissionDeniedError`) or 404
 * (`NotFoundError`): treat both as "not available".
 *
 * @example
 * ```ts
 * const chat = await client.reports.connectionExtras.chatTranscript(reportId).catch((error) =>
 *   error instanceof NotFoundError || error instanceof PermissionDeniedError ? [] : Promise.reject(error),
 * );
 * ```
 */
export class ConnectionExtrasResource extends ApiResource {
  /**
   * The chat between supporter and customer, oldest message first.
   *
   * @example
   * ```ts
   * for (const message of await client.reports.connectionExtras.chatTranscript(id)) console.log(message.Content);
   * ```
   */
  chatTranscript(reportId: string, options?: RequestOptions): Promise<ChatTranscriptMessage[]> {
    return this.#getList(
      encodePath`/reports/connections/${reportId}/chat-transcript`,
      "a chat transcript",
      options,
    );
  }

  /**
   * The AI summary of the connection.
   *
   * @example
   * ```ts
   * const summary = await client.reports.connectionExtras.aiSummary(id);
   * ```
   */
  aiSummary(reportId: string, options?: RequestOptions): Promise<AiSummary> {
    return this.#getObject(encodePath`/reports/connections/${reportId}/ai-summary`, "an AI summary", options);
  }

  /**
   * The augmented session summary of the connection.
   *
   * @example
   * ```ts
   * const { summary } = await client.reports.connectionExtras.augmentedSessionSummary(id);
   * ```
   */
  augmentedSessionSummary(reportId: string, options?: RequestOptions): Promise<AugmentedSessionSummary> {
    const path = encodePath`/reports/connections/${reportId}/augmented-session-summary`;
    return this.#getObject(path, "an augmented session summary", options);
  }

  /**
   * The screenshots taken during the connection; entries without a `screenshotId` are left out,
   * as no image could be asked for them.
   *
   * @example
   * ```ts
   * const shots = await client.reports.connectionExtras.screenshots(id);
   * ```
   */
  async screenshots(reportId: string, options?: RequestOptions): Promise<ScreenshotInfo[]> {
    const path = encodePath`/reports/connections/${reportId}/screenshots`;
    const items = await this.#getList<JsonObject>(path, "a list of screenshots", options);
    return items.filter((item): item is ScreenshotInfo => typeof item.screenshotId === "string");
  }

  /**
   * One screenshot's image bytes.
   *
   * @example
   * ```ts
   * const { bytes, contentType } = await client.reports.connectionExtras.screenshot(id, screenshotId);
   * ```
   */
  async screenshot(
    reportId: string,
    screenshotId: string,
    options?: RequestOptions,
  ): Promise<ScreenshotImage> {
    const path = encodePath`/reports/connections/${reportId}/${screenshotId}/screenshot`;
    const response = await this.transport.request({ method: "GET", path, expectsBytes: true }, options);
    const bytes = response.body instanceof Uint8Array ? response.body : new Uint8Array();
    return { bytes, contentType: response.headers.get("content-type") };
  }

  async #getObject<T>(path: string, expected: string, options: RequestOptions | undefined): Promise<T> {
    const response = await this.transport.request({ method: "GET", path }, options);
    return expectObject(response.body, expected, `GET ${path}`) as T;
  }

  async #getList<T>(path: string, expected: string, options: RequestOptions | undefined): Promise<T[]> {
    const response = await this.transport.request({ method: "GET", path }, options);
    if (!Array.isArray(response.body)) {
      throw new UnexpectedResponseError(
        `TeamViewer answered GET ${path} with something that is not ${expected}. ` +
          "The API may have changed; please report this to the maintainers of @attendant/teamviewer.",
      );
    }
    return response.body.filter((item) => typeof item === "object" && item !== null) as T[];
  }
}

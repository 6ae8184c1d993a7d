/**
 * What a connection leaves behind beyond its report record (docs/teamviewer-api.md §4, "What a connection's
 * report can carry beyond the record"): the chat of the simulated apps, screenshots the supporter
 * took, and the summaries derived from them. Kept per report id; a connection without any has no
 * entry, and its calls answer 404.
 */

/** One side of a connection as the chat transcript names it. */
export interface ChatParty {
  teamViewerId: string;
  name: string;
}

export interface ChatLine {
  isFromSupporter: boolean;
  writtenAt: number;
  content: string;
}

export interface Screenshot {
  screenshotId: string;
  fileName: string;
  mimeType: "image/png";
  takenAt: number;
}

export interface ConnectionExtras {
  supporter: ChatParty;
  customer: ChatParty;
  /** The session's description: the summaries' title. */
  title: string | undefined;
  sessionNote: string | undefined;
  chat: ChatLine[];
  screenshots: Screenshot[];
}

export class ConnectionExtrasStore {
  readonly #byReportId = new Map<string, ConnectionExtras>();

  set(reportId: string, extras: ConnectionExtras): void {
    this.#byReportId.set(reportId, extras);
  }

  get(reportId: string): ConnectionExtras | undefined {
    return this.#byReportId.get(reportId);
  }

  /** By report id, as plain JSON (state/state-snapshot.ts). */
  toSnapshot(): [string, ConnectionExtras][] {
    return [...this.#byReportId];
  }

  restore(snapshot: readonly [string, ConnectionExtras][]): void {
    for (const [reportId, extras] of snapshot) this.#byReportId.set(reportId, extras);
  }
}

/**
 * Every simulated screenshot is this 2×2 PNG: the bytes matter to the client and the service
 * (served on demand, never as a TeamViewer URL), not what they show.
 */
export const SCREENSHOT_PNG = Uint8Array.from(
  atob(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAF0lEQVR4nGOQy7/5//9/hv///8vl3wQAPAIIx4go41UAAAAASUVORK5CYII=",
  ),
  (character) => character.charCodeAt(0),
);

/**
 * A byte counter on stderr for downloads (`attendant reports export`) when stderr is a
 * terminal. The export is streamed, so its size is unknown up front: the bar shows what has
 * arrived rather than a percentage. Nothing is drawn for pipes, CI or `--json`.
 */
import cliProgress from "cli-progress";

export interface DownloadProgress {
  update(bytes: number): void;
  stop(): void;
}

export function createDownloadProgress(isEnabled: boolean): DownloadProgress {
  if (!isEnabled) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: "Exporting… {kilobytes} KiB", hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(0, 0, { kilobytes: "0" });
  return {
    update: (bytes) => bar.update(bytes, { kilobytes: (bytes / 1024).toFixed(0) }),
    stop: () => bar.stop(),
  };
}

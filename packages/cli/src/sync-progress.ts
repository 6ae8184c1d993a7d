/**
 * A progress bar for `attendant reports sync` on a terminal: one bar per account, records
 * stored against records stored plus TeamViewer's `records_remaining` (an upper bound until the
 * pass's last page: TeamViewer counts past the pass's stop point, ADR 0022). Nothing is drawn when
 * stderr is not a terminal (pipes, CI, `--json`), so scripts only ever see the summary.
 */
import type { SyncPassProgress } from "@attendant/service";
import cliProgress from "cli-progress";

export interface SyncProgressDisplay {
  update(progress: SyncPassProgress): void;
  stop(): void;
}

export function createSyncProgressDisplay(isEnabled: boolean): SyncProgressDisplay {
  if (!isEnabled) return { update: () => undefined, stop: () => undefined };
  const bars = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format: "{account} [{bar}] {value}/{total} records, {pages} pages",
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const byAccount = new Map<string, cliProgress.SingleBar>();
  return {
    update(progress) {
      // TeamViewer may leave `records_remaining` out; then the bar's end moves with the count.
      const total = progress.received + (progress.remaining ?? 0);
      const payload = { account: progress.syncAccountId.slice(0, 8), pages: progress.pages };
      const bar = byAccount.get(progress.syncAccountId);
      if (bar === undefined) {
        byAccount.set(progress.syncAccountId, bars.create(total, progress.received, payload));
      } else {
        bar.setTotal(total);
        bar.update(progress.received, payload);
      }
    },
    stop: () => bars.stop(),
  };
}

/**
 * The process the SIGKILL test kills: what `attendant reports sync` does (syncReportsNow on the
 * configuration in the environment), but with a short sync lease. On PGlite a restart releases
 * the dead run's leases at once (src/db/release-dead-leases.ts); on PostgreSQL, where other
 * instances may be alive, the next run has to wait for the lease to expire, and the short lease
 * makes that seconds rather than the default two minutes. A run that finds the lease still held
 * ("busy") tries again until it gets it. Prints the summary as one JSON line when the pass
 * completed. It imports the service by its package name only, so the test runs it on the compiled
 * build (scripts/support/compiled-child.ts), as `attendant reports sync` runs in a deployment.
 */
import { setTimeout as delay } from "node:timers/promises";
import { createLogger, loadConfig, syncReportsNow } from "@attendant/service";

const leaseTtlMs = Number(process.env.ATTENDANT_TEST_LEASE_TTL_MS ?? 1_500);

for (;;) {
  const result = await syncReportsNow(loadConfig(), {
    logger: createLogger("silent"),
    syncOptions: { leaseTtlMs, pageTimeoutMs: 10_000 },
  });
  if (result.accounts.some((account) => account.outcome === "busy")) {
    await delay(leaseTtlMs / 3);
    continue;
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  break;
}

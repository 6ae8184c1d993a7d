import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Tests import workspace packages through their "@attendant/source" export condition,
// so they run against TypeScript sources without a build step.
const sourceConditions = ["@attendant/source", "import", "module", "node", "default"];
// Node adds "import"/"require" by itself; forcing "import" would make `require()` inside dual
// packages (pg → pg-pool) load their ESM build and crash.
const nodeConditions = ["@attendant/source", "module", "node", "default"];

const packages = ["teamviewer", "webhooks", "simulator", "service", "cli"] as const;

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: nodeConditions, externalConditions: nodeConditions } },
  test: {
    // Many tests spend their time waiting on child processes (the CLI, service instances,
    // PostgreSQL, Chromium) rather than computing, so one worker per core leaves cores idle:
    // at least three workers, even on a two-core machine.
    maxWorkers: Math.max(availableParallelism(), 3),
    projects: [
      ...packages.map((name) => ({
        extends: true as const,
        test: {
          name: `${name}:unit`,
          include: [`packages/${name}/test/**/*.test.ts`],
          exclude: [
            `packages/${name}/test/e2e/**`,
            `packages/${name}/test/integration/**`,
            `packages/${name}/test/helpdesk/**`,
          ],
        },
      })),
      ...packages.map((name) => ({
        extends: true as const,
        test: {
          name: `${name}:integration`,
          include: [`packages/${name}/test/integration/**/*.test.ts`],
          // The CLI's tests and the service's fault tests spawn the compiled `attendant`.
          ...(name === "cli" || name === "service"
            ? { globalSetup: ["scripts/support/compiled-cli.ts"] }
            : {}),
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      })),
      {
        extends: true as const,
        // The helpdesk apps and signing examples under integrations/ and their build.
        test: { name: "integrations", include: ["integrations/test/**/*.test.ts"] },
      },
      {
        extends: true as const,
        test: {
          // Against one real Request Tracker that the global setup starts for the whole run.
          name: "helpdesk",
          include: ["packages/*/test/helpdesk/**/*.test.ts"],
          globalSetup: [
            "packages/service/test/support/request-tracker-setup.ts",
            // Its SIGKILL test spawns the compiled `attendant serve`.
            "scripts/support/compiled-cli.ts",
          ],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true as const,
        test: {
          name: "e2e",
          include: ["packages/*/test/e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

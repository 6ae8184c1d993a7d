/**
 * The import rules of the codebase (issue #19), checked by `npm run lint:imports` inside
 * `npm test`. Each rule says which direction an import may not go. The imports that broke a
 * rule when it was written are listed in .dependency-cruiser-known-violations.json: they are
 * tolerated until moved, and any new one fails. docs/ARCHITECTURE.md explains the layers.
 */
const service = "^packages/service/src/";
const notDb = `${service}(?!db/)`;

module.exports = {
  forbidden: [
    {
      name: "no-cycles-in-the-service",
      comment: "A cycle hides which feature depends on which; break it by moving the shared piece down.",
      severity: "error",
      from: { path: service },
      to: { circular: true },
    },
    {
      name: "db-stays-below-the-features",
      comment: "db/ holds the SQL and knows no feature: features call repositories, never the reverse.",
      severity: "error",
      from: { path: `${service}db/` },
      to: {
        path: service,
        // The shared kernel below every feature: configuration, the clock, logging, the vault
        // and the list of languages.
        pathNot: [
          `${service}db/`,
          `${service}vault/`,
          `${service}config/`,
          `${service}clock\\.ts$`,
          `${service}logging/`,
          `${service}i18n/locales\\.ts$`,
        ],
      },
    },
    {
      name: "sql-only-in-db",
      comment: "Only db/ builds SQL; a feature that needs data asks a repository for it.",
      severity: "error",
      from: { path: notDb },
      to: { path: "node_modules/drizzle-orm/" },
    },
    {
      name: "nothing-imports-the-composition-root",
      comment:
        "server.ts and the app's assembly wire the features together; no feature reaches back into them.",
      severity: "error",
      from: { path: service, pathNot: `${service}(server|index)\\.ts$` },
      to: { path: `${service}(server\\.ts|http/create-app\\.ts)$` },
    },
    {
      name: "routes-call-use-cases",
      comment:
        "A route reads the request, calls a use case and renders its answer; data comes through the use case.",
      severity: "error",
      from: { path: `${service}.*(-routes\\.tsx?|/api/[^/]+\\.ts)$` },
      to: { path: `${service}db/repositories/` },
    },
    {
      name: "teamviewer-client-stands-alone",
      comment:
        "The TeamViewer client is a library of its own: it knows nothing of the service or the simulator.",
      severity: "error",
      from: { path: "^packages/teamviewer/src/" },
      to: { path: "^packages/(service|simulator|cli|webhooks)/" },
    },
    {
      name: "simulator-independent-of-the-client",
      comment:
        "ADR 0003: the simulator follows the API page, not our client, so it can catch the client's mistakes.",
      severity: "error",
      from: { path: "^packages/simulator/src/" },
      to: { path: "^packages/(teamviewer|service|cli)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["@attendant/source", "import", "types", "default"],
      extensions: [".ts", ".tsx", ".js"],
    },
    combinedDependencies: true,
  },
};

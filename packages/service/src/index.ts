// The public surface of @attendant/service. See README.md, "How the service is put together".
export * from "./audit/audit-events.js";
export { redactDetails } from "./audit/redact-details.js";
export * from "./clock.js";
export * from "./config/config-schema.js";
export * from "./config/load-config.js";
export * from "./db/data-folder-lock.js";
export * from "./db/migrate.js";
export * from "./db/open-database.js";
export * as schema from "./db/schema.js";
export * from "./db/transaction.js";
export { heapGrowingPercent, limitHeapGrowth } from "./heap-growth.js";
export type { AppDeps, AppEnv, Mailer } from "./http/app-deps.js";
export { createApp } from "./http/create-app.js";
export { type Problem, problemResponse } from "./http/problem.js";
export * from "./identity/passwords.js";
export { createLogger, type Logger } from "./logging/logger.js";
export { isSensitiveKey } from "./logging/sensitive-keys.js";
export * from "./operations/api-key-commands.js";
export { CommandInputError, CommandRefusedError } from "./operations/command-database.js";
export * from "./operations/create-admin-account.js";
export * from "./operations/operator-key-commands.js";
export * from "./operations/organisation-commands.js";
export type { SyncPassAccountResult, SyncPassProgress, SyncPassSummary } from "./reports/run-sync-pass.js";
export {
  type SyncReportsNowResult,
  syncReportsNow,
  UnknownOrganisationError,
} from "./reports/sync-reports-now.js";
export * from "./server.js";
export { assertKeyringCoversStoredSecrets } from "./vault/check-stored-key-ids.js";
export { resolveKeyring } from "./vault/demo-keyring.js";
export * from "./vault/keyring.js";
export * from "./vault/rewrap-secrets.js";
export * from "./vault/run-rewrap.js";
export * from "./vault/secret-box.js";

export type { ReportSeedInput } from "./admin/seed-reports.js";
export type {
  AccountView,
  AppCredentials,
  CustomModuleView,
  GroupView,
  ScriptTokenView,
  SeedInput,
  SeedResult,
  SessionPresence,
  SettingsChange,
  SimulatorAdmin,
} from "./admin/simulator-admin.js";
export { AdminError } from "./admin/simulator-admin.js";
export type { CustomerJoinOptions, EndConnectionOptions } from "./apps/session-runtime.js";
export type { ReportPageMeasurement } from "./bench/measure-report-pages.js";
export { measureReportPages } from "./bench/measure-report-pages.js";
export type { ControllableClock, SimulatorClock } from "./clock.js";
export { createFakeClock, createSystemClock, DEFAULT_CLOCK_START } from "./clock.js";
export { DEMO } from "./demo-data.js";
export type { FaultKind, FaultPlan, PlannedFault } from "./http/fault-planner.js";
export type { DispatchResult } from "./http/front-door.js";
export type { RateLimitRule } from "./http/rate-limiter.js";
export type { JournalEntry } from "./http/request-journal.js";
export type { AutoApprove, SimulatorOptions, SimulatorQuirks } from "./options.js";
export { DEFAULT_QUIRKS } from "./options.js";
export type { ConnectionReport, ReportFeedback } from "./reports/connection-report.js";
export type { SimulatorServer, SimulatorServerOptions } from "./server.js";
export { isLoopbackHost, startSimulatorServer } from "./server.js";
export type { DemoCredentials, Simulator } from "./simulator.js";
export { createSimulator } from "./simulator.js";
export type { AppInput, IssuedTokens, ScriptTokenInput } from "./state/oauth-registry.js";
export type { Permission } from "./state/permissions.js";
export { PERMISSIONS } from "./state/permissions.js";
export type { SimulatorSnapshot } from "./state/simulator-snapshot.js";
export type { AccountInput, CustomModuleInput, GroupInput } from "./state/world.js";

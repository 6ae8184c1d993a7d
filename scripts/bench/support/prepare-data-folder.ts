/**
 * Creates and migrates an embedded (PGlite) data folder, then exits. Run in its own process by
 * bench-service.ts: PGlite's initdb leaves ~500 MB resident in the process that ran it, which a
 * restarted service does not carry, so a measured case starts on a folder made elsewhere.
 *
 * Usage: prepare-data-folder.ts <data folder>
 */
import { loadConfig, migrate, openDatabase } from "@attendant/service";
import { generateBenchKeys } from "./bench-service.js";

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error("usage: prepare-data-folder.ts <data folder>");
const database = await openDatabase(
  loadConfig({
    env: { ATTENDANT_DATA_DIR: dataDir, ATTENDANT_KEYS: generateBenchKeys(), ATTENDANT_DEMO: "false" },
  }),
);
await migrate(database);
await database.close();

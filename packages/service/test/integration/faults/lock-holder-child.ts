/**
 * A process that takes a data folder's lock the way Attendant does at start-up
 * (open-database.ts), prints "locked" and keeps it until it is killed. When the folder is locked
 * by someone else it prints the refusal to stderr and exits with 1.
 */
import { acquireDataFolderLock, DataFolderLockedError } from "../../../src/db/data-folder-lock.js";

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error("usage: lock-holder-child.ts <data folder>");
try {
  await acquireDataFolderLock(dataDir);
} catch (error) {
  if (!(error instanceof DataFolderLockedError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
process.stdout.write("locked\n");
setInterval(() => undefined, 60_000);

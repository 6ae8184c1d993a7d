/**
 * The version `attendant --version` prints: the CLI package's own, read from its package.json,
 * which sits one folder up from both src/ (tests) and dist/ (the built command).
 */
import { readFileSync } from "node:fs";

export function readPackageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  if (typeof manifest !== "object" || manifest === null || !("version" in manifest)) {
    throw new Error("packages/cli/package.json has no version.");
  }
  return String(manifest.version);
}

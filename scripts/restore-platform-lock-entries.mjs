/**
 * Keeps package-lock.json installable with `npm ci` on every platform.
 *
 * Biome ships one binary package per platform as optional dependencies. The npm registry that
 * our machines reach serves only the Linux ones, so `npm install` here silently leaves the other
 * platforms out of the lockfile — and `npm ci` then refuses the lockfile as out of sync. This
 * script writes the missing entries back (no download needed: npm ci skips packages whose os/cpu
 * do not match). Run it after any `npm install` that touched the lockfile:
 *
 *   node scripts/restore-platform-lock-entries.mjs
 */
import { readFileSync, writeFileSync } from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const biome = lock.packages["node_modules/@biomejs/biome"];
if (!biome) throw new Error("@biomejs/biome is not in package-lock.json");

/** `@biomejs/cli-<os>-<cpu>[-musl]` → the platform fields npm records for it. */
function platformOf(name) {
  const match = /^@biomejs\/cli-(android|darwin|linux|win32)-(arm64|x64)(-musl)?$/.exec(name);
  if (!match) throw new Error(`unexpected optional dependency ${name}`);
  const [, os, cpu, musl] = match;
  return { cpu: [cpu], ...(os === "linux" ? { libc: [musl ? "musl" : "glibc"] } : {}), os: [os] };
}

let added = 0;
for (const [name, version] of Object.entries(biome.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) continue;
  const { cpu, libc, os } = platformOf(name);
  lock.packages[key] = {
    version,
    cpu,
    dev: true,
    ...(libc ? { libc } : {}),
    license: biome.license,
    optional: true,
    os,
    engines: biome.engines,
  };
  added++;
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0,
  ),
);
writeFileSync(lockPath, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
console.log(
  added === 0 ? "package-lock.json already lists every platform." : `Restored ${added} platform entries.`,
);

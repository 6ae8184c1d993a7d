/**
 * Reads the configuration once at start-up: environment variables, over an optional JSON file
 * named by ATTENDANT_CONFIG_FILE whose keys are the same variable names. Fails fast with every
 * problem at once, so an operator fixes them in one go rather than one restart per typo.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { type Config, createConfigSchema, type SettingName, settingNames } from "./config-schema.js";

export class ConfigError extends Error {
  override name = "ConfigError";

  constructor(readonly problems: readonly string[]) {
    super(
      `Attendant cannot start; fix the configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`,
    );
  }
}

export interface LoadConfigOptions {
  /** Defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Relative paths (data folder, config file) resolve against this; defaults to process.cwd(). */
  cwd?: string;
}

/** @throws {ConfigError} listing every problem found. */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const file = readConfigFile(env.ATTENDANT_CONFIG_FILE, cwd);

  const merged: Partial<Record<SettingName, string>> = { ...file.values };
  for (const name of settingNames) {
    const value = env[name];
    if (value !== undefined && value !== "") merged[name] = value;
  }

  const result = createConfigSchema(cwd).safeParse(merged);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path[0];
      const fromFile = typeof name === "string" && env[name] === undefined && name in file.values;
      return fromFile ? `${issue.message} (set in ${file.path})` : issue.message;
    }),
  );
}

function readConfigFile(
  fileSetting: string | undefined,
  cwd: string,
): { path: string; values: Partial<Record<SettingName, string>> } {
  if (fileSetting === undefined || fileSetting.trim() === "") return { path: "", values: {} };
  const filePath = path.resolve(cwd, fileSetting.trim());
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(filePath, "utf8"));
  } catch (error) {
    const reason =
      error instanceof SyntaxError ? "is not valid JSON" : `cannot be read (${errorCode(error)})`;
    throw new ConfigError([
      `ATTENDANT_CONFIG_FILE names ${filePath}, which ${reason}; fix the file or unset the variable`,
    ]);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError([
      `ATTENDANT_CONFIG_FILE ${filePath} must hold a JSON object of settings, like {"ATTENDANT_PORT": 8080}`,
    ]);
  }

  const problems: string[] = [];
  const values: Partial<Record<SettingName, string>> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (!(settingNames as readonly string[]).includes(name)) {
      problems.push(
        `ATTENDANT_CONFIG_FILE ${filePath} has unknown setting "${name}"; known settings: ${settingNames.join(", ")}`,
      );
    } else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      values[name as SettingName] = String(value);
    } else {
      problems.push(`${name} in ${filePath} must be a string, number or boolean`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { path: filePath, values };
}

function errorCode(error: unknown): string {
  return error instanceof Error && "code" in error ? String(error.code) : String(error);
}

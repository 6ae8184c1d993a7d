/**
 * `--url` and `--api-key` for the commands that talk to a running service; the environment
 * (ATTENDANT_URL, ATTENDANT_API_KEY) fills them in so keys need not appear in shell history.
 * Without either address, the service on this machine is meant: `attendant serve` on
 * ATTENDANT_PORT (3000 by default), so the README's first steps work as written.
 */
import { InvalidArgumentError, Option } from "@commander-js/extra-typings";
import { CliError } from "./cli-error.js";
import { exitCodes } from "./exit-codes.js";
import { createServiceApi, type ServiceApi } from "./service-api.js";

function parseServiceUrl(value: string): string {
  if (!URL.canParse(value) || !["http:", "https:"].includes(new URL(value).protocol)) {
    throw new InvalidArgumentError(
      `expected the service's address like https://support.example.com, got "${value}".`,
    );
  }
  return value;
}

const defaultPort = 3000;

/** `--url`, from ATTENDANT_URL when not given, else the local service (`localServiceUrl`). */
export function urlOption() {
  return new Option(
    "--url <url>",
    `address of the running Attendant (default: http://localhost:<ATTENDANT_PORT or ${defaultPort}>)`,
  )
    .env("ATTENDANT_URL")
    .argParser(parseServiceUrl);
}

/** `--api-key`, from ATTENDANT_API_KEY when not given (keeps the key out of shell history). */
export function apiKeyOption() {
  return new Option("--api-key <key>", "API key, atd_…").env("ATTENDANT_API_KEY");
}

export function serviceApiFrom(options: {
  url?: string | undefined;
  apiKey?: string | undefined;
}): ServiceApi {
  if (options.apiKey === undefined || options.apiKey.trim() === "") {
    throw new CliError(
      "Give an API key with --api-key or ATTENDANT_API_KEY (create one on the API keys page or with `attendant api-keys create`).",
      exitCodes.usage,
    );
  }
  return createServiceApi({
    url: options.url ?? localServiceUrl(process.env),
    apiKey: options.apiKey.trim(),
  });
}

/** Where `attendant serve` listens on this machine: the port it reads, ATTENDANT_PORT, or 3000. */
export function localServiceUrl(env: NodeJS.ProcessEnv): string {
  const port = env.ATTENDANT_PORT?.trim();
  if (port === undefined || port === "") return `http://localhost:${defaultPort}`;
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65_535) {
    throw new CliError(
      `ATTENDANT_PORT must be a port number between 1 and 65535 to reach the local service, got "${port}". Fix it, or give the address with --url or ATTENDANT_URL.`,
      exitCodes.configuration,
    );
  }
  return `http://localhost:${Number(port)}`;
}

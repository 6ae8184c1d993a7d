/**
 * `--url` and `--api-key` for the commands that talk to a running service; the environment
 * (ATTENDANT_URL, ATTENDANT_API_KEY) fills them in so keys need not appear in shell history.
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

/** `--url`, from ATTENDANT_URL when not given. */
export function urlOption() {
  return new Option("--url <url>", "address of the running Attendant")
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
  if (options.url === undefined) {
    throw new CliError("Give the service's address with --url or ATTENDANT_URL.", exitCodes.usage);
  }
  if (options.apiKey === undefined || options.apiKey.trim() === "") {
    throw new CliError(
      "Give an API key with --api-key or ATTENDANT_API_KEY (create one on the API keys page or with `attendant api-keys create`).",
      exitCodes.usage,
    );
  }
  return createServiceApi({ url: options.url, apiKey: options.apiKey.trim() });
}

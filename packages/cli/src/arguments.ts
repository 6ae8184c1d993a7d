import { InvalidArgumentError } from "@commander-js/extra-typings";

/** A whole number given on the command line; commander reports the message with the option name. */
export function parseInteger(value: string): number {
  if (!/^\d+$/.test(value.trim())) {
    throw new InvalidArgumentError(`expected a whole number, got "${value}".`);
  }
  return Number(value);
}

export function parsePort(value: string): number {
  const port = parseInteger(value);
  if (port > 65_535) throw new InvalidArgumentError(`expected a port between 0 and 65535, got ${port}.`);
  return port;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id of ours (organisations, users, …): a UUID. */
export function parseUuid(value: string): string {
  const trimmed = value.trim();
  if (!uuidPattern.test(trimmed))
    throw new InvalidArgumentError(`expected an id like 3f2b…-…, got "${value}".`);
  return trimmed.toLowerCase();
}

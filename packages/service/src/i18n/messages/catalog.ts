import { apiKeys } from "./api-keys.js";
import { audit } from "./audit.js";
import { brand } from "./brand.js";
import { common } from "./common.js";
import { embedding } from "./embedding.js";
import { embeddingIntegrations } from "./embedding-integrations.js";
import { embeddingPlatforms } from "./embedding-platforms.js";
import { helpdesks } from "./helpdesks.js";
import { identity } from "./identity.js";
import { invitations } from "./invitations.js";
import { join } from "./join.js";
import { liveDesk } from "./live-desk.js";
import { reports } from "./reports.js";
import { sessionPages } from "./session-pages.js";
import { sessions } from "./sessions.js";
import { teamviewer } from "./teamviewer.js";
import { timeZones } from "./time-zones.js";
import { webhooks } from "./webhooks.js";

/**
 * Every feature keeps its messages in its own file here (English, German and Japanese side by
 * side, so a translator sees them together) and is listed once below. Placeholders are `{name}`.
 */
const features = [
  common,
  identity,
  teamviewer,
  sessions,
  sessionPages,
  join,
  liveDesk,
  invitations,
  reports,
  apiKeys,
  webhooks,
  helpdesks,
  embedding,
  embeddingIntegrations,
  embeddingPlatforms,
  audit,
  brand,
  timeZones,
] as const;

type Feature = (typeof features)[number];
type KeysOf<F> = F extends { en: infer E } ? keyof E : never;

/** Every message key of every feature. */
export type MessageKey = KeysOf<Feature>;

/** A catalog that lacks a key of the English one fails to compile here. */
type CompleteCatalog = Record<MessageKey, string>;

function mergeLanguage(language: "en" | "de" | "ja"): CompleteCatalog {
  return Object.assign({}, ...features.map((feature) => feature[language])) as CompleteCatalog;
}

// Compile-time completeness: each feature's German and Japanese catalogs must have exactly the
// English keys of that feature.
type SameKeys<F> = F extends { en: infer E; de: infer D; ja: infer J }
  ? [keyof E] extends [keyof D]
    ? [keyof D] extends [keyof E]
      ? [keyof E] extends [keyof J]
        ? [keyof J] extends [keyof E]
          ? true
          : false
        : false
      : false
    : false
  : false;
const everyFeatureIsComplete: SameKeys<Feature> = true;
void everyFeatureIsComplete;

export const en = mergeLanguage("en");
export const de = mergeLanguage("de");
export const ja = mergeLanguage("ja");

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value);
}

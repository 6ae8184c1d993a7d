/**
 * Checks a Zendesk app folder (ZAF v2) offline against the rules of Zendesk's manifest reference:
 * the keys a manifest needs, the products and locations ZAF knows, the parameter types, setting
 * placeholders that name declared parameters, signed URLs only on remote pages, a translation
 * per language with the same keys and a label for every parameter, and the logo sizes.
 * Returns one line per problem; an empty list means the app is fine.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The locations ZAF v2 offers per product. */
const LOCATIONS: Record<string, readonly string[]> = {
  support: [
    "ticket_sidebar",
    "new_ticket_sidebar",
    "user_sidebar",
    "organization_sidebar",
    "top_bar",
    "nav_bar",
    "ticket_editor",
    "background",
    "modal",
  ],
  chat: ["chat_sidebar", "background", "modal"],
  sell: ["person_card", "deal_card", "lead_card", "company_card", "top_bar", "background", "modal"],
};
const PARAMETER_TYPES = ["text", "password", "checkbox", "url", "number", "multiline", "hidden", "oauth"];
/** Zendesk's sizes for an app's logos, in pixels. */
const LOGOS: Record<string, number> = { "logo.png": 320, "logo-small.png": 128 };
/** The languages Attendant itself speaks (issue 23): the app ships each of them. */
export const ZENDESK_LANGUAGES = ["en", "de", "ja"] as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readJson(path: string, problems: string[], label: string): unknown {
  if (!existsSync(path)) {
    problems.push(`${label}: missing`);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    problems.push(`${label}: not valid JSON (${(error as Error).message})`);
    return undefined;
  }
}

export function zendeskAppProblems(folder: string): string[] {
  const problems: string[] = [];
  const manifest = readJson(join(folder, "manifest.json"), problems, "manifest.json");
  if (manifest === undefined) return problems;
  if (!isObject(manifest)) return ["manifest.json: must be a JSON object"];

  for (const key of ["name", "defaultLocale", "version", "frameworkVersion"]) {
    if (typeof manifest[key] !== "string" || manifest[key] === "") {
      problems.push(`manifest.json: "${key}" is required and must be a string`);
    }
  }
  if (manifest.frameworkVersion !== undefined && manifest.frameworkVersion !== "2.0") {
    problems.push(`manifest.json: "frameworkVersion" must be "2.0" for a ZAF v2 app`);
  }
  const author = manifest.author;
  if (!isObject(author) || typeof author.name !== "string" || typeof author.email !== "string") {
    problems.push(`manifest.json: "author" needs a "name" and an "email"`);
  }
  if (manifest.signedUrls !== undefined && typeof manifest.signedUrls !== "boolean") {
    problems.push(`manifest.json: "signedUrls" must be true or false`);
  }

  const parameterNames = parameterProblems(manifest.parameters, problems);
  locationProblems(manifest, parameterNames, folder, problems);
  const defaultLocale = typeof manifest.defaultLocale === "string" ? manifest.defaultLocale : "en";
  translationProblems(folder, defaultLocale, parameterNames, problems);
  logoProblems(folder, problems);
  return problems;
}

function parameterProblems(parameters: unknown, problems: string[]): Set<string> {
  const names = new Set<string>();
  if (parameters === undefined) return names;
  if (!Array.isArray(parameters)) {
    problems.push(`manifest.json: "parameters" must be a list`);
    return names;
  }
  for (const [index, parameter] of parameters.entries()) {
    if (
      !isObject(parameter) ||
      typeof parameter.name !== "string" ||
      !/^[a-z][a-z0-9_]*$/.test(parameter.name)
    ) {
      problems.push(`manifest.json: parameter ${index} needs a "name" of lower-case letters, digits and _`);
      continue;
    }
    if (names.has(parameter.name))
      problems.push(`manifest.json: parameter "${parameter.name}" is declared twice`);
    names.add(parameter.name);
    if (typeof parameter.type !== "string" || !PARAMETER_TYPES.includes(parameter.type)) {
      problems.push(
        `manifest.json: parameter "${parameter.name}" has type ${JSON.stringify(parameter.type)}; allowed: ${PARAMETER_TYPES.join(", ")}`,
      );
    }
    for (const flag of ["required", "secure"]) {
      if (parameter[flag] !== undefined && typeof parameter[flag] !== "boolean") {
        problems.push(
          `manifest.json: parameter "${parameter.name}" has a "${flag}" that is not true or false`,
        );
      }
    }
  }
  return names;
}

function locationProblems(
  manifest: Json,
  parameterNames: Set<string>,
  folder: string,
  problems: string[],
): void {
  const location = manifest.location;
  if (!isObject(location) || Object.keys(location).length === 0) {
    problems.push(`manifest.json: "location" is required and names at least one product`);
    return;
  }
  for (const [product, places] of Object.entries(location)) {
    const known = LOCATIONS[product];
    if (known === undefined) {
      problems.push(
        `manifest.json: unknown product "${product}" in "location"; known: ${Object.keys(LOCATIONS).join(", ")}`,
      );
      continue;
    }
    if (!isObject(places)) {
      problems.push(`manifest.json: "location.${product}" must map locations to pages`);
      continue;
    }
    for (const [place, page] of Object.entries(places)) {
      const where = `location.${product}.${place}`;
      if (!known.includes(place)) {
        problems.push(
          `manifest.json: unknown location "${place}" for ${product}; known: ${known.join(", ")}`,
        );
      }
      const url = typeof page === "string" ? page : isObject(page) ? page.url : undefined;
      if (typeof url !== "string" || url === "") {
        problems.push(`manifest.json: "${where}" needs a "url"`);
        continue;
      }
      if (isObject(page) && page.flexible !== undefined && typeof page.flexible !== "boolean") {
        problems.push(`manifest.json: "${where}.flexible" must be true or false`);
      }
      pageProblems(url, where, manifest.signedUrls === true, parameterNames, folder, problems);
    }
  }
}

function pageProblems(
  url: string,
  where: string,
  signed: boolean,
  parameterNames: Set<string>,
  folder: string,
  problems: string[],
): void {
  const placeholders = [...url.matchAll(/\{\{\s*setting\.([a-z0-9_]+)\s*\}\}/g)].map(
    (match) => match[1] ?? "",
  );
  for (const name of placeholders) {
    if (!parameterNames.has(name)) {
      problems.push(
        `manifest.json: "${where}" uses {{setting.${name}}} but no parameter "${name}" is declared`,
      );
    }
  }
  if (url.startsWith("assets/")) {
    if (!existsSync(join(folder, url.split(/[?#]/)[0] ?? url))) {
      problems.push(`manifest.json: "${where}" names ${url}, which is not in the app`);
    }
    if (signed) {
      problems.push(
        `manifest.json: "signedUrls" signs only remote pages, but "${where}" is the app's own ${url}`,
      );
    }
    return;
  }
  if (!url.startsWith("https://") && !url.startsWith("{{setting.")) {
    problems.push(
      `manifest.json: "${where}" must be an https:// address, a setting placeholder or a file under assets/`,
    );
  }
}

function flatKeys(value: unknown, prefix = ""): string[] {
  if (!isObject(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) =>
    flatKeys(inner, prefix === "" ? key : `${prefix}.${key}`),
  );
}

function translationProblems(
  folder: string,
  defaultLocale: string,
  parameterNames: Set<string>,
  problems: string[],
): void {
  const languages = [...new Set([defaultLocale, ...ZENDESK_LANGUAGES])];
  const keysByLanguage = new Map<string, Set<string>>();
  for (const language of languages) {
    const label = `translations/${language}.json`;
    const translation = readJson(join(folder, "translations", `${language}.json`), problems, label);
    if (translation === undefined) continue;
    const keys = new Set(flatKeys(translation));
    keysByLanguage.set(language, keys);
    if (!keys.has("app.name")) problems.push(`${label}: "app.name" is required`);
    for (const name of parameterNames) {
      if (!keys.has(`app.parameters.${name}.label`)) {
        problems.push(`${label}: parameter "${name}" has no "app.parameters.${name}.label"`);
      }
    }
  }
  const reference = keysByLanguage.get(defaultLocale);
  if (reference === undefined) return;
  for (const [language, keys] of keysByLanguage) {
    if (language === defaultLocale) continue;
    for (const key of reference) {
      if (!keys.has(key))
        problems.push(`translations/${language}.json: "${key}" is missing (it is in ${defaultLocale})`);
    }
    for (const key of keys) {
      if (!reference.has(key)) {
        problems.push(`translations/${language}.json: "${key}" is not in translations/${defaultLocale}.json`);
      }
    }
  }
}

/** Width and height from a PNG's IHDR chunk, or undefined when the file is not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (
    bytes.length < 24 ||
    !bytes.subarray(0, 8).equals(signature) ||
    bytes.toString("latin1", 12, 16) !== "IHDR"
  ) {
    return undefined;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function logoProblems(folder: string, problems: string[]): void {
  for (const [file, side] of Object.entries(LOGOS)) {
    const path = join(folder, "assets", file);
    if (!existsSync(path)) {
      problems.push(`assets/${file}: missing (a ${side}×${side} PNG)`);
      continue;
    }
    const size = pngSize(readFileSync(path));
    if (size === undefined) problems.push(`assets/${file}: not a PNG`);
    else if (size.width !== side || size.height !== side) {
      problems.push(`assets/${file}: is ${size.width}×${size.height}, must be ${side}×${side}`);
    }
  }
}

import { defaultLocale, isSupportedLocale, type Locale } from "./locales.js";

interface WeightedTag {
  tag: string;
  quality: number;
  position: number;
}

/**
 * Reads an `Accept-Language` header (RFC 9110 §12.5.4) into tags ordered by preference.
 * Malformed entries are skipped rather than rejected: browsers and proxies send odd headers
 * and a bad one must never cost the visitor their page.
 */
function parseAcceptLanguage(header: string): WeightedTag[] {
  const tags: WeightedTag[] = [];
  header.split(",").forEach((part, position) => {
    const [rawTag, ...params] = part.trim().split(";");
    const tag = rawTag?.trim().toLowerCase();
    if (!tag || !/^([a-z]{1,8}(-[a-z0-9]{1,8})*|\*)$/.test(tag)) return;
    let quality = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([01](\.\d{0,3})?)\s*$/i.exec(param);
      if (match?.[1]) quality = Number(match[1]);
    }
    if (quality > 0) tags.push({ tag, quality, position });
  });
  return tags.sort((a, b) => b.quality - a.quality || a.position - b.position);
}

export interface LocaleChoice {
  /** An explicit choice: `?lang=` on the URL, the language cookie or the user's saved setting. */
  explicit?: readonly (string | null | undefined)[];
  /** The browser's `Accept-Language` header. */
  acceptLanguage?: string | null | undefined;
  /** When nothing else matches; English unless given. */
  fallback?: Locale;
}

/**
 * Picks the page language: the first supported explicit choice wins, then the browser's
 * preferences matched by primary subtag (`de-AT` → `de`, `ja-JP` → `ja`), then the fallback.
 */
export function negotiateLocale(choice: LocaleChoice): Locale {
  for (const candidate of choice.explicit ?? []) {
    if (isSupportedLocale(candidate)) return candidate;
  }
  for (const { tag } of parseAcceptLanguage(choice.acceptLanguage ?? "")) {
    const primary = tag.split("-")[0];
    if (isSupportedLocale(primary)) return primary;
  }
  return choice.fallback ?? defaultLocale;
}

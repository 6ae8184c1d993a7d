import { describe, expect, test } from "vitest";
import { createTranslator, negotiateLocale, supportedLocales } from "../../src/i18n/index.js";
import { de, en, ja } from "../../src/i18n/messages/catalog.js";

describe("negotiateLocale", () => {
  test("an explicit supported choice wins over the browser's preference", () => {
    expect(negotiateLocale({ explicit: ["ja"], acceptLanguage: "de-DE,de;q=0.9" })).toBe("ja");
  });

  test("skips unsupported or empty explicit choices", () => {
    expect(negotiateLocale({ explicit: [undefined, "fr", null], acceptLanguage: "de" })).toBe("de");
  });

  test("matches regional browser tags by their primary language", () => {
    expect(negotiateLocale({ acceptLanguage: "ja-JP" })).toBe("ja");
    expect(negotiateLocale({ acceptLanguage: "de-AT,en;q=0.5" })).toBe("de");
  });

  test("orders by quality, then by position", () => {
    expect(negotiateLocale({ acceptLanguage: "fr, en;q=0.4, ja;q=0.8" })).toBe("ja");
    expect(negotiateLocale({ acceptLanguage: "de;q=0.5, ja;q=0.5" })).toBe("de");
  });

  test("ignores languages the browser refuses with q=0", () => {
    expect(negotiateLocale({ acceptLanguage: "ja;q=0, de;q=0.1" })).toBe("de");
  });

  test("falls back to English on malformed or missing headers", () => {
    expect(negotiateLocale({ acceptLanguage: ";;;,q=abc,<script>" })).toBe("en");
    expect(negotiateLocale({})).toBe("en");
  });

  test("falls back to the given language (the organisation's) when nothing else matches", () => {
    expect(negotiateLocale({ acceptLanguage: "fr-FR", fallback: "de" })).toBe("de");
    expect(negotiateLocale({ acceptLanguage: "ja", fallback: "de" })).toBe("ja");
  });
});

describe("catalogs", () => {
  test("every language translates every key, with no empty message", () => {
    const keys = Object.keys(en).sort();
    for (const catalog of [de, ja]) {
      expect(Object.keys(catalog).sort()).toEqual(keys);
      for (const message of Object.values(catalog)) expect(message.trim()).not.toBe("");
    }
  });

  test("translations keep the placeholders of the English message", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
      expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

describe("createTranslator", () => {
  test("fills placeholders and leaves unknown ones visible", () => {
    const { t } = createTranslator("de");
    expect(t("error.generic", { requestId: "req_42" })).toContain("req_42");
    expect(t("error.generic")).toContain("{requestId}");
  });

  test("picks the plural variant by Intl.PluralRules: 1 record, 2 records, 1 Datensatz, one form in Japanese", () => {
    const english = createTranslator("en");
    expect(english.tCount("reports.sync.records", 1)).toBe("1 record");
    expect(english.tCount("reports.sync.records", 0)).toBe("0 records");
    expect(english.tCount("reports.sync.records", 1234)).toBe("1,234 records");
    const german = createTranslator("de");
    expect(german.tCount("reports.sync.records", 1)).toBe("1 Datensatz");
    expect(german.tCount("reports.sync.records", 2)).toBe("2 Datensätze");
    expect(createTranslator("ja").tCount("reports.sync.records", 1)).toBe("1 件");
  });

  test("has no message that hedges a plural with (s) or a slash", () => {
    for (const catalog of [en, de]) {
      for (const [key, message] of Object.entries(catalog)) {
        expect(message, key).not.toMatch(/\w\(s\)|\(e\)n\b|Konto\/Konten/);
      }
    }
  });

  test("formats dates in the reader's language and time zone, naming the zone", () => {
    const instant = new Date("2026-03-02T09:14:07Z");
    expect(createTranslator("ja", "Asia/Tokyo").formatDateTime(instant)).toBe("2026/03/02 18:14 JST");
    expect(createTranslator("de", "Europe/Berlin").formatDateTime(instant)).toBe("02.03.2026, 10:14 MEZ");
    expect(createTranslator("en").formatDateTime(instant)).toBe("Mar 2, 2026, 9:14 AM UTC");
    expect(supportedLocales).toEqual(["en", "de", "ja"]);
  });
});

/** Counted nouns in the CLI's English output: "1 record", "2 records", never "1 records". */
const englishPlurals = new Intl.PluralRules("en");

export function countNoun(count: number, one: string, other: string): string {
  return `${count} ${englishPlurals.select(count) === "one" ? one : other}`;
}

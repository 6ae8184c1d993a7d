/**
 * The brand's accent colour: buttons and links on the join page carry white text on it, so it
 * must be dark enough for that text to stay readable. WCAG 2.2 asks 4.5:1 for normal text
 * (https://www.w3.org/TR/WCAG22/#contrast-minimum); a lighter colour is refused with the ratio
 * it reached rather than silently darkened into a colour the admin did not choose.
 */

export const minimumContrastWithWhite = 4.5;

const accentPattern = /^#[0-9a-f]{6}$/;

export function isAccentColour(value: string): boolean {
  return accentPattern.test(value);
}

/** WCAG relative luminance of an sRGB channel given as 0–255. */
function linearChannel(value: number): number {
  const channel = value / 255;
  return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
}

/** The contrast ratio of white text on `#rrggbb`, from 1 (white) to 21 (black). */
export function contrastWithWhite(colour: string): number {
  const [red, green, blue] = [1, 3, 5].map((at) =>
    linearChannel(Number.parseInt(colour.slice(at, at + 2), 16)),
  );
  const luminance = 0.2126 * (red ?? 0) + 0.7152 * (green ?? 0) + 0.0722 * (blue ?? 0);
  return 1.05 / (luminance + 0.05);
}

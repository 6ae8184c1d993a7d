/** Where a brand's logo and accent stylesheet are served (brand-asset-routes.ts). */

export const brandPathPrefix = "/brand/";

/** The logo's hash is in the path: a new logo is a new address, so each may be cached for good. */
export function logoPath(organisationId: string, logoHash: string): string {
  return `${brandPathPrefix}${organisationId}/logo-${logoHash}`;
}

/** The stylesheet depends on nothing but the colour, which therefore names it. */
export function accentStylesheetPath(accentColour: string): string {
  return `${brandPathPrefix}accent-${accentColour.slice(1)}.css`;
}

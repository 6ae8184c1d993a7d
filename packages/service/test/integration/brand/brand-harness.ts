/** Saving the brand form as an admin's browser does: multipart, with the page's CSRF token. */
import type { Browser } from "../../web/web-harness.js";

export const brandPath = "/settings/brand";

export const validBrand = {
  displayName: "Fabrikam Support",
  accentColour: "#6a1b9a",
  supportPhone: "+49 30 1234567",
  supportEmail: "help@fabrikam.example",
  supportUrl: "https://fabrikam.example/help",
  legalUrl: "https://fabrikam.example/imprint",
  supporterNameMode: "full",
  defaultLocale: "en",
  timeZone: "UTC",
};

export interface UploadedFile {
  bytes: Uint8Array;
  name: string;
  type: string;
}

export async function submitBrand(
  browser: Browser,
  fields: Record<string, string>,
  logo?: UploadedFile,
): Promise<Response> {
  const form = new FormData();
  form.set("_csrf", await browser.csrfTokenFrom(brandPath));
  for (const [name, value] of Object.entries({ ...validBrand, ...fields })) form.set(name, value);
  if (logo !== undefined)
    form.set("logo", new File([new Uint8Array(logo.bytes)], logo.name, { type: logo.type }));
  return browser.request(brandPath, {
    method: "POST",
    headers: { origin: "http://localhost:3000" },
    body: form,
  });
}

/** The logo's address on a page. */
export function logoPathIn(html: string): string {
  const path = /src="(\/brand\/[0-9a-f-]{36}\/logo-[0-9a-f]{16})"/.exec(html)?.[1];
  if (path === undefined) throw new Error("no logo on the page");
  return path;
}

/**
 * The only script of the pages: it shows the copy buttons (copy-button.tsx) and copies a field's
 * text on click. Inline, allowed by the CSP through the response's nonce (http/security-headers.ts),
 * so no other inline script can run. Rendered once, at the end of a page that has copy buttons.
 */
import { useRequestContext } from "hono/jsx-renderer";
import type { AppEnv } from "../http/app-deps.js";

/** Also run by the ticket widget after each panel it swaps in (src/web/page-scripts.ts). */
export const copyScript = `
for (const button of document.querySelectorAll("button[data-copy]")) {
  const field = document.getElementById(button.dataset.copy);
  if (field === null || navigator.clipboard === undefined) continue;
  const label = button.textContent;
  button.hidden = false;
  button.addEventListener("click", () => {
    navigator.clipboard.writeText(field.value).then(
      () => {
        button.textContent = button.dataset.copied;
        setTimeout(() => { button.textContent = label; }, 2000);
      },
      () => field.select(),
    );
  });
}`;

export function CopyScript() {
  const c = useRequestContext<AppEnv>();
  const nonce = c.get("secureHeadersNonce");
  if (nonce === undefined) return null;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: copyScript }} />;
}

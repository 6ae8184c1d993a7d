import { html, raw } from "hono/html";

/** Trusted markup (already escaped) or any value `html` escapes. */
export type Markup = ReturnType<typeof html>;

const STYLE = raw(`
  body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1d2430; }
  header { border-bottom: 3px solid #0e6cc4; margin-bottom: 1.5rem; padding-bottom: .5rem; }
  header small { color: #5b6675; }
  .card { border: 1px solid #d5dbe3; border-radius: 8px; padding: 1rem 1.25rem; margin: 1rem 0; }
  .error { border-color: #c62828; background: #fdecea; }
  .brand-logo { display: block; max-height: 3rem; max-width: 12rem; margin-bottom: .5rem; }
  .note { color: #5b6675; font-size: .9rem; }
  button { font-size: 1rem; padding: .5rem 1.25rem; border-radius: 6px; border: 1px solid #0e6cc4; cursor: pointer; }
  button.primary { background: #0e6cc4; color: #fff; }
  label { display: block; margin: .4rem 0; }
  input[type=text], input[type=email], textarea { font-size: 1rem; padding: .35rem; width: 100%; box-sizing: border-box; }
  code, pre { background: #f3f5f8; padding: .1rem .3rem; border-radius: 4px; overflow-wrap: anywhere; white-space: pre-wrap; }
`);

/** The shell every simulator page shares; `product` names which TeamViewer piece it imitates. */
export function renderPage(options: {
  title: string;
  product: string;
  body: Markup;
  refreshSeconds?: number;
}) {
  const refresh =
    options.refreshSeconds === undefined
      ? ""
      : html`<meta http-equiv="refresh" content="${String(options.refreshSeconds)}" />`;
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    ${refresh}
    <title>${options.title} · TeamViewer simulator</title>
    <style>${STYLE}</style>
  </head>
  <body>
    <header><strong>${options.product}</strong> <small>· simulated by Attendant's TeamViewer simulator</small></header>
    ${options.body}
  </body>
</html>`;
}

export function renderMessagePage(title: string, product: string, message: string) {
  return renderPage({ title, product, body: html`<div class="card error"><p>${message}</p></div>` });
}

/** Pages carry the referrer policy and no caching: links and forms hold secrets (docs/teamviewer-api.md §3). */
export const PAGE_HEADERS = { "cache-control": "no-store", "referrer-policy": "no-referrer" };

export async function htmlResponse(markup: Markup, status = 200): Promise<Response> {
  return new Response(String(await markup), {
    status,
    headers: { "content-type": "text/html; charset=utf-8", ...PAGE_HEADERS },
  });
}

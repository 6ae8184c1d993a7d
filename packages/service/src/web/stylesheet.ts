/**
 * The one stylesheet, served from our own origin because the CSP allows `style-src 'self'` and
 * no inline styles. The path carries a content hash so browsers may cache it for a year.
 * Code-like values (session codes, scopes such as sessions:read, event names) never break
 * mid-word; long ones (addresses, JSON, responses) carry class "long" and wrap only where they
 * would overflow.
 */
import { createHash } from "node:crypto";
import { Hono } from "hono";
import type { AppEnv } from "../http/app-deps.js";

const css = `
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #57606a; --bg: #f6f8fa; --panel: #fff;
  --line: #d0d7de; --accent: #0a5bd3; --accent-fg: #fff; --danger: #b42318; --ok: #1a7f37;
  --warn-bg: #fff8c5; --warn-line: #d4a72c; font-family: system-ui, -apple-system, "Segoe UI",
  "Hiragino Sans", "Noto Sans JP", sans-serif; line-height: 1.5; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117;
  --panel: #161b22; --line: #30363d; --accent: #4493f8; --accent-fg: #0d1117; --danger: #f85149;
  --ok: #3fb950; --warn-bg: #3b2e00; --warn-line: #9e6a03; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; }
.skip-link:focus { left: 1rem; top: 1rem; background: var(--panel); padding: .5rem; z-index: 1; }
.site-header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center;
  padding: .75rem 1.5rem; background: var(--panel); border-bottom: 1px solid var(--line); }
.brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; color: var(--fg); }
.site-header ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: 0; padding: 0; }
.site-header nav a { text-decoration: none; }
.site-header nav a[aria-current="page"] { font-weight: 600; text-decoration: underline; }
.header-tools { margin-left: auto; display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center; }
.language-switcher a[aria-current="true"] { font-weight: 600; color: var(--fg); text-decoration: none; }
.sign-out { display: flex; gap: .75rem; align-items: center; margin: 0; }
.banners { padding: 0 1.5rem; }
.banner { margin: 1rem auto 0; max-width: 60rem; padding: .75rem 1rem; border: 1px solid var(--warn-line);
  background: var(--warn-bg); border-radius: 6px; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
.card, form.panel, .table-wrap { background: var(--panel); border: 1px solid var(--line);
  border-radius: 8px; padding: 1rem 1.25rem; margin-bottom: 1rem; }
.cards { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); }
.cards .card { margin: 0; }
.card h2, form.panel h2 { font-size: 1.1rem; margin-top: 0; }
form.narrow { max-width: 28rem; }
.field { margin-bottom: 1rem; }
.field label { display: block; font-weight: 600; margin-bottom: .25rem; }
.field .hint { color: var(--muted); font-size: .9rem; margin: .15rem 0 0; }
input[type=text], input[type=email], input[type=tel], input[type=password], input[type=date], select {
  width: 100%; max-width: 28rem; padding: .5rem .6rem; font: inherit; color: inherit;
  background: var(--bg); border: 1px solid var(--line); border-radius: 6px; }
input[aria-invalid="true"], select[aria-invalid="true"] { border-color: var(--danger); }
.field-error, .form-error { color: var(--danger); margin: .25rem 0 0; }
.form-error { font-weight: 600; margin-bottom: 1rem; }
.notice-ok { color: var(--ok); font-weight: 600; }
.existing-ticket { border-left: 3px solid var(--accent); padding-left: .75rem; margin-bottom: 1rem; }
button, .button { display: inline-block; padding: .5rem 1rem; font: inherit; border-radius: 6px;
  border: 1px solid var(--accent); background: var(--accent); color: var(--accent-fg); cursor: pointer;
  text-decoration: none; }
button.secondary { background: transparent; color: var(--accent); }
button.link-button { background: none; border: none; color: var(--accent); padding: 0; text-decoration: underline; }
.inline-form { display: inline-flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 0; }
.inline-form select, .inline-form input { width: auto; }
.table-wrap { overflow-x: auto; padding: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .5rem .75rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .9rem; color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-end; }
.filters .field { margin: 0; }
.muted { color: var(--muted); }
code { font-size: .9em; white-space: nowrap; }
pre code { white-space: inherit; }
code.long { white-space: normal; overflow-wrap: anywhere; }
.audit-raw summary { color: var(--muted); font-size: .9rem; cursor: pointer; }
.audit-raw dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: .25rem 0 0; }
.audit-raw dd { margin: 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
textarea { width: 100%; padding: .5rem .6rem; font: inherit; color: inherit; background: var(--bg);
  border: 1px solid var(--line); border-radius: 6px; }
textarea[aria-invalid="true"] { border-color: var(--danger); }
.button.secondary { background: transparent; color: var(--accent); }
button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
.toolbar { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: center; }
.toolbar a[aria-current="page"] { font-weight: 600; color: var(--fg); text-decoration: none; }
.link-buttons { display: flex; flex-wrap: wrap; gap: .75rem; }
.status-badge { display: inline-block; padding: .1rem .5rem; border-radius: 999px; font-size: .85rem;
  border: 1px solid var(--line); white-space: nowrap; }
.status-badge[data-status="customer-online"] { border-color: var(--ok); color: var(--ok); font-weight: 600; }
.status-badge[data-status="expired"] { border-color: var(--warn-line); background: var(--warn-bg); }
.status-badge[data-status="closed"] { color: var(--muted); }
.join-status { padding: .5rem .75rem; border-left: 4px solid var(--accent); background: var(--panel); }
.join-status[data-status="waiting"] { border-color: var(--ok); }
.join-status[data-status="ended"] { border-color: var(--muted); }
.nav-badge { display: inline-block; min-width: 1.4rem; margin-left: .3rem; padding: 0 .4rem; border-radius: 999px;
  background: var(--danger); color: #fff; font-size: .8rem; font-weight: 600; text-align: center; }
input.copy-field { font-family: ui-monospace, monospace; font-size: .9rem; max-width: 100%; }
.copy-row { display: flex; gap: .5rem; align-items: center; }
.copy-row input.copy-field { flex: 1; }
/* The UA's [hidden] loses to the buttons' display above; copy buttons stay hidden without script. */
button[hidden] { display: none; }
.problem p { margin: 0 0 .5rem; }
.plain-list { list-style: none; padding: 0; margin: 0 0 .5rem; }
.plain-list li { margin-bottom: .35rem; }
pre.mail-text { white-space: pre-wrap; background: var(--bg); border: 1px solid var(--line);
  border-radius: 6px; padding: .75rem; font-family: inherit; }
.mail-html { border: 1px dashed var(--line); border-radius: 6px; padding: .25rem .75rem; }
.join-header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center;
  padding: .75rem 1.5rem; background: var(--panel); border-bottom: 1px solid var(--line); }
.join-header ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
.join-header .language-switcher { margin-left: auto; }
.join-main { max-width: 38rem; font-size: 1.05rem; }
.join-lead { font-size: 1.2rem; }
.join-action { margin: 1.5rem 0 2rem; }
a.join-button { font-size: 1.4rem; padding: .8rem 3rem; }
.join-header .brand { display: inline-flex; align-items: center; gap: .6rem; }
.brand-logo { max-height: 2.5rem; max-width: 10rem; }
.brand-logo-preview { max-height: 4rem; max-width: 16rem; }
.join-footer { max-width: 38rem; margin: 0 auto; padding: 0 1.5rem 1.5rem; color: var(--muted); font-size: .95rem; }
.join-steps li { margin-bottom: .4rem; }
.join-valid { color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap; }
td.number, .chart-data td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.notes { white-space: pre-wrap; }
table.reports td:nth-child(-n+2) { white-space: nowrap; }
/* A page with a report table (the list, a ticket's history) uses the screen's width, so the
   billing columns are not behind a scrollbar (issue 25). */
main:has(table.reports) { max-width: 120rem; }
.column-picker { margin: .5rem 0; }
.column-picker form { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; margin-top: .5rem; }
.charts { display: grid; gap: 1rem; }
figure.chart { margin: 0; background: var(--panel); border: 1px solid var(--line); border-radius: 8px;
  padding: 1rem 1.25rem; }
figure.chart figcaption { font-weight: 600; margin-bottom: .5rem; }
.chart-svg { width: 100%; height: auto; display: block; }
.chart-bar { fill: var(--accent); }
.chart-bar:hover { fill: var(--ok); }
.chart-grid { stroke: var(--line); stroke-width: 1; }
.chart-axis, .chart-label, .chart-value { fill: var(--muted); font-size: 12px; font-family: inherit; }
.chart-label { fill: var(--fg); }
.chart-data summary { cursor: pointer; color: var(--accent); margin-top: .5rem; }
/* The ticket widget in a helpdesk's ~350 px sidebar (src/embedding/web/): compact, and in the
   host's colour scheme when it told us one, else the browser's (the :root rules above). */
main.embed-main { padding: .5rem; max-width: none; }
.embed-panel { font-size: .95rem; }
.embed-panel h2 { font-size: 1.05rem; margin: .25rem 0 .5rem; }
.embed-panel h3 { font-size: 1rem; margin: .75rem 0 .35rem; }
.embed-panel h4, .embed-panel h5 { font-size: .95rem; margin: 0 0 .35rem; }
.embed-panel .card { padding: .6rem .7rem; margin-bottom: .6rem; }
.embed-panel form { margin-top: .5rem; }
.embed-brand .brand { display: inline-flex; align-items: center; gap: .5rem; font-size: 1rem; }
.embed-brand .brand-logo { max-height: 1.75rem; max-width: 8rem; }
.embed-panel.theme-light { color-scheme: light; --fg: #1b1f24; --muted: #57606a; --bg: #f6f8fa;
  --panel: #fff; --line: #d0d7de; --accent: #0a5bd3; --accent-fg: #fff; --danger: #b42318; --ok: #1a7f37;
  --warn-bg: #fff8c5; --warn-line: #d4a72c; }
.embed-panel.theme-dark { color-scheme: dark; --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117;
  --panel: #161b22; --line: #30363d; --accent: #4493f8; --accent-fg: #0d1117; --danger: #f85149;
  --ok: #3fb950; --warn-bg: #3b2e00; --warn-line: #9e6a03; }
.embed-panel.theme-light, .embed-panel.theme-dark { background: var(--bg); color: var(--fg);
  min-height: 100vh; margin: -.5rem; padding: .5rem; }
@media (max-width: 40rem) { .header-tools { margin-left: 0; } main { padding: 1rem; } }
`;

const hash = createHash("sha256").update(css).digest("hex").slice(0, 12);

export const stylesheetPath = `/assets/attendant-${hash}.css`;

export function createStylesheetRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get(stylesheetPath, (c) =>
    c.body(css, 200, {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
    }),
  );
  return routes;
}

/**
 * The tab icon: a small SVG served from our own origin (the CSP's `img-src 'self'` covers it).
 * Pages link it under a content-hashed name browsers may keep for a year; `/favicon.ico`, which
 * browsers and tools ask for without a link, answers the same image instead of a 404.
 */
import { createHash } from "node:crypto";
import { Hono } from "hono";
import type { AppEnv } from "../http/app-deps.js";

// An "A" on the accent blue of src/web/stylesheet.ts.
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="7" fill="#0a5bd3"/>
<path d="M9 25 16 7l7 18M11.6 19h8.8" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>
</svg>
`;

const hash = createHash("sha256").update(svg).digest("hex").slice(0, 12);

export const faviconPath = `/assets/attendant-${hash}.svg`;

const svgType = "image/svg+xml";
const oneDaySeconds = 24 * 60 * 60;

export function createFaviconRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get(faviconPath, (c) =>
    c.body(svg, 200, { "Content-Type": svgType, "Cache-Control": "public, max-age=31536000, immutable" }),
  );
  // Not hashed, so it may change with a release: cached for a day only.
  routes.get("/favicon.ico", (c) =>
    c.body(svg, 200, { "Content-Type": svgType, "Cache-Control": `public, max-age=${oneDaySeconds}` }),
  );
  return routes;
}

/**
 * Our few browser scripts, served from our own origin like the stylesheet: the CSP allows
 * `script-src 'self'` and nothing inline (src/http/security-headers.ts), so a page names a
 * script by path and passes it data through `<meta>` or `data-` attributes, never inline code.
 * Paths carry a content hash so browsers may cache them for a year. Every page works without
 * them: they only spare a reload.
 */
import { createHash } from "node:crypto";
import { Hono } from "hono";
import type { AppEnv } from "../http/app-deps.js";

/**
 * Session pages, the session list and Home: listens to the page's event stream and, on each
 * `desk` event, fetches the page again and swaps in its `data-live-region` elements (status,
 * queue, badge, connections), so what the server renders stays the only rendering. Stops when
 * the stream says the browser session ended. Waiting alerts, which the supporter switches on once
 * with Home's button (remembered in this browser's localStorage): a customer who was not in the
 * queue before brings a browser notification (if allowed) and a short tone.
 */
const liveDeskScript = `(() => {
  const stream = document.querySelector('meta[name="attendant-live-stream"]');
  const page = document.querySelector('meta[name="attendant-live-page"]');
  if (!stream || !page || !("EventSource" in window)) return;
  const refresh = async () => {
    const response = await fetch(page.content, { credentials: "same-origin", redirect: "error", headers: { Accept: "text/html" } });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const region of document.querySelectorAll("[data-live-region]")) {
      const name = CSS.escape(region.getAttribute("data-live-region"));
      const replacement = fresh.querySelector('[data-live-region="' + name + '"]');
      if (replacement) region.replaceWith(document.adoptNode(replacement));
    }
  };
  const alertsKey = "attendant.waitingAlerts";
  const isAlerting = () => localStorage.getItem(alertsKey) === "on";
  const toggle = document.getElementById("waiting-alerts");
  const showToggle = () => {
    toggle.hidden = false;
    toggle.textContent = toggle.getAttribute(isAlerting() ? "data-label-on" : "data-label-off");
    toggle.setAttribute("aria-pressed", String(isAlerting()));
  };
  if (toggle) {
    showToggle();
    toggle.addEventListener("click", async () => {
      if (isAlerting()) localStorage.removeItem(alertsKey);
      else {
        if ("Notification" in window && Notification.permission === "default") await Notification.requestPermission();
        localStorage.setItem(alertsKey, "on");
      }
      showToggle();
    });
  }
  const tone = () => {
    const audio = new AudioContext();
    const oscillator = audio.createOscillator();
    oscillator.frequency.value = 880;
    oscillator.connect(audio.destination);
    oscillator.onended = () => audio.close();
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.2);
  };
  let known;
  const alertArrivals = (data) => {
    const waiting = JSON.parse(data).waiting.map((customer) => customer.sessionId);
    const arrived = known === undefined ? [] : waiting.filter((id) => !known.has(id));
    known = new Set(waiting);
    if (arrived.length === 0 || !isAlerting()) return;
    if ("Notification" in window && Notification.permission === "granted") new Notification(stream.getAttribute("data-alert-title"));
    try { tone(); } catch {}
  };
  const source = new EventSource(stream.content);
  let queue = Promise.resolve();
  source.addEventListener("desk", (event) => {
    alertArrivals(event.data);
    queue = queue.then(refresh).catch(() => undefined);
  });
  source.addEventListener("signed-out", () => source.close());
})();
`;

/**
 * The end customer's join page: asks its status address every 5 s (the join page's own
 * throttles apply) and shows the translated status it answers; stops once the session ended.
 */
const joinStatusScript = `(() => {
  const status = document.querySelector("[data-join-status]");
  if (!status) return;
  const address = status.getAttribute("data-join-status");
  const ask = async () => {
    const response = await fetch(address, { credentials: "omit", headers: { Accept: "application/json" } });
    if (!response.ok) return response.status === 404 || response.status === 410 ? "stop" : "again";
    const answer = await response.json();
    status.textContent = answer.message;
    status.setAttribute("data-status", answer.status);
    return answer.status === "ended" ? "stop" : "again";
  };
  const loop = async () => {
    const next = await ask().catch(() => "again");
    if (next === "again") setTimeout(loop, 5000);
  };
  setTimeout(loop, 5000);
})();
`;

function assetPath(name: string, source: string): string {
  return `/assets/${name}-${createHash("sha256").update(source).digest("hex").slice(0, 12)}.js`;
}

export const liveDeskScriptPath = assetPath("live-desk", liveDeskScript);
export const joinStatusScriptPath = assetPath("join-status", joinStatusScript);

export function createPageScriptRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  for (const [path, source] of [
    [liveDeskScriptPath, liveDeskScript],
    [joinStatusScriptPath, joinStatusScript],
  ] as const) {
    routes.get(path, (c) =>
      c.body(source, 200, {
        "Content-Type": "text/javascript; charset=utf-8",
        "Cache-Control": "public, max-age=31536000, immutable",
      }),
    );
  }
  return routes;
}

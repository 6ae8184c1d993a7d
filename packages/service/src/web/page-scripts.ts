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
import { copyScript } from "./copy-script.js";

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

/**
 * The join page's validity in the customer's own time zone: rewrites each `<time data-local-time>`
 * (rendered in the organisation's zone, src/join/join-page.tsx) in the zone the browser reports,
 * in the page's format (src/i18n/zoned-time.ts, "long" style) and naming the zone.
 */
const localTimeScript = `(() => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const element of document.querySelectorAll("time[data-local-time]")) {
    const at = new Date(element.getAttribute("datetime"));
    const locale = element.getAttribute("data-locale");
    if (Number.isNaN(at.getTime()) || !locale || !zone) continue;
    const text = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: zone }).format(at);
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" })
      .formatToParts(at)
      .find((part) => part.type === "timeZoneName");
    element.textContent = text + " " + (name ? name.value : zone);
    element.setAttribute("data-time-zone", zone);
  }
})();
`;

/**
 * The ticket widget's shell (src/embedding/web/widget-shell.tsx), inside a helpdesk's iframe where
 * browsers block our cookies (docs/adr/0039-embedded-widget-transport.md): takes the embed token
 * from the address's fragment (which never reaches a server or a log), removes it from the
 * address, keeps it in memory only and sends it as the X-Attendant-Embed header with every
 * request. Loads the panel, sends its forms with fetch and swaps in the panel they answer,
 * follows the event stream with fetch (EventSource cannot send a header) and refreshes the
 * panel's live regions on each event; says so plainly when the token has run out (401). "Connect
 * TeamViewer" opens a first-party popup (src/embedding/connect-from-widget.ts); the panel reloads
 * when the popup closes or the helpdesk's window regains focus.
 */
const embedWidgetScript = `(() => {
  const root = document.getElementById("embed-panel");
  const status = document.getElementById("embed-status");
  if (!root || !status) return;
  const token = new URLSearchParams(location.hash.slice(1)).get("token");
  history.replaceState(null, "", location.pathname + location.search);
  const say = (name) => { status.textContent = status.getAttribute("data-" + name); };
  if (!token) return say("no-token");
  let isOver = false;
  const send = (address, init = {}, accept = "text/html") =>
    fetch(address, { ...init, credentials: "omit", cache: "no-store", headers: { "X-Attendant-Embed": token, Accept: accept } });
  const end = () => {
    isOver = true;
    root.replaceChildren();
    say("expired");
  };
  const show = async (response, shouldFocus) => {
    if (response.status === 401) return end();
    if (!(response.headers.get("content-type") || "").startsWith("text/html")) return say("failed");
    root.innerHTML = await response.text();
    status.textContent = "";
    ${copyScript.trim().replaceAll("\n", "\n    ")}
    const target = root.querySelector("[data-focus]");
    if (shouldFocus && target) target.focus();
  };
  const load = async () => show(await send(root.getAttribute("data-panel")), false);
  const regionNames = (scope) =>
    [...scope.querySelectorAll("[data-live-region]")].map((region) => region.getAttribute("data-live-region")).join(" ");
  const refreshLive = async () => {
    const response = await send(root.getAttribute("data-panel") + "?live=1");
    if (response.status === 401) return end();
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    if (regionNames(fresh) !== regionNames(root)) return load();
    for (const region of root.querySelectorAll("[data-live-region]")) {
      const name = CSS.escape(region.getAttribute("data-live-region"));
      const replacement = fresh.querySelector('[data-live-region="' + name + '"]');
      if (replacement) region.replaceWith(document.adoptNode(replacement));
    }
  };
  let queue = load().catch(() => say("failed"));
  const enqueue = (step) => { queue = queue.then(step).catch(() => undefined); };
  root.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || isOver) return;
    event.preventDefault();
    const body = new URLSearchParams(new FormData(form));
    // Opened now, while the click still counts as the user's: browsers block popups opened later.
    const popup = form.hasAttribute("data-popup") ? window.open("", "attendant-connect", "popup,width=640,height=760") : null;
    for (const button of form.querySelectorAll("button")) button.disabled = true;
    enqueue(async () => {
      try {
        await show(await send(form.getAttribute("action"), { method: "POST", body }), true);
        const address = root.querySelector("[data-popup-url]");
        if (popup && address) followPopup(popup, address.getAttribute("data-popup-url"));
      } catch {
        say("failed");
        for (const button of form.querySelectorAll("button")) button.disabled = false;
      }
    });
  });
  let isConnecting = false;
  const followPopup = (popup, address) => {
    isConnecting = true;
    popup.location.href = address;
    const watch = setInterval(() => {
      if (!popup.closed) return;
      clearInterval(watch);
      isConnecting = false;
      enqueue(load);
    }, 1000);
  };
  root.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("#embed-connect-link")) isConnecting = true;
  });
  // Our pages' cross-origin opener policy can hide the popup's closing from this frame; coming
  // back to the helpdesk's window is then what tells the widget to look again.
  window.addEventListener("focus", () => {
    if (!isConnecting || isOver) return;
    isConnecting = false;
    enqueue(load);
  });
  const follow = async () => {
    while (!isOver) {
      try {
        const response = await send(root.getAttribute("data-stream"), {}, "text/event-stream");
        if (response.status === 401) return end();
        if (response.ok && response.body) {
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = "";
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            buffer += value;
            for (let cut = buffer.indexOf("\\n\\n"); cut >= 0; cut = buffer.indexOf("\\n\\n")) {
              const event = /^event: (.*)$/m.exec(buffer.slice(0, cut));
              buffer = buffer.slice(cut + 2);
              if (event && event[1] === "signed-out") return end();
              if (event && event[1] === "panel") enqueue(refreshLive);
            }
          }
        }
      } catch {}
      if (!isOver) await new Promise((resolve) => setTimeout(resolve, 5000));
    }
  };
  follow();
})();
`;

/**
 * The Zendesk bridge page (src/embedding/web/zendesk-bridge.tsx): Zendesk signs who opens the app
 * but not the ticket, so the ZAF SDK asks the ticket sidebar for it, and the page posts Zendesk's
 * token with that ticket back to the same address, which then opens the widget.
 */
const zendeskBridgeScript = `(() => {
  const form = document.getElementById("zendesk-bridge");
  const status = document.getElementById("embed-status");
  if (!form) return;
  if (!window.ZAFClient) {
    status.textContent = status.getAttribute("data-failed");
    return;
  }
  const fields = ["ticket.id", "ticket.subject", "ticket.requester.name", "ticket.requester.email"];
  window.ZAFClient.init().get(fields).then((data) => {
    const text = (value) => (value === undefined || value === null ? "" : String(value));
    form.elements.ticket_id.value = text(data["ticket.id"]);
    form.elements.ticket_title.value = text(data["ticket.subject"]);
    form.elements.requester_name.value = text(data["ticket.requester.name"]);
    form.elements.requester_email.value = text(data["ticket.requester.email"]);
    form.submit();
  }, () => {
    status.textContent = status.getAttribute("data-failed");
  });
})();
`;

function assetPath(name: string, source: string): string {
  return `/assets/${name}-${createHash("sha256").update(source).digest("hex").slice(0, 12)}.js`;
}

export const liveDeskScriptPath = assetPath("live-desk", liveDeskScript);
export const joinStatusScriptPath = assetPath("join-status", joinStatusScript);
export const localTimeScriptPath = assetPath("local-time", localTimeScript);
export const embedWidgetScriptPath = assetPath("embed-widget", embedWidgetScript);
export const zendeskBridgeScriptPath = assetPath("zendesk-bridge", zendeskBridgeScript);

export function createPageScriptRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  for (const [path, source] of [
    [liveDeskScriptPath, liveDeskScript],
    [joinStatusScriptPath, joinStatusScript],
    [localTimeScriptPath, localTimeScript],
    [embedWidgetScriptPath, embedWidgetScript],
    [zendeskBridgeScriptPath, zendeskBridgeScript],
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

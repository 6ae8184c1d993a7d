import { html } from "hono/html";
import { renderPage } from "../html/page-layout.js";
import type { SupportSession } from "../state/session-store.js";
import type { SimulatorState } from "../state/simulator-state.js";
import { formatWireDate } from "../wire/dates.js";
import { supporterOf } from "./session-runtime.js";

/** HTML of the two simulated TeamViewer apps (docs/teamviewer-api.md §7). */

export const QUICKSUPPORT = "TeamViewer QuickSupport";
export const SUPPORTER_CONSOLE = "TeamViewer supporter console";
/** Pages that wait for the other side reload themselves, so two browser windows play together. */
const WAITING_REFRESH_SECONDS = 3;

/** Where the supporter console's forms post and return to. */
export interface ConsoleLinks {
  actionBase: string;
  returnTo: "app" | "webclient";
}

export function renderQuickSupportPage(state: SimulatorState, session: SupportSession, actionBase: string) {
  const supporterName = state.world.accounts.get(supporterOf(session))?.name ?? "your supporter";
  const lastReport = session.lastReportId
    ? state.reports.find(session.lastReportId, session.companyId)
    : undefined;
  let body: ReturnType<typeof html>;
  let refreshSeconds: number | undefined;
  if (session.state === "Closed") {
    body = html`<div class="card"><p>This session has been closed. You can close this window.</p></div>`;
  } else if (session.connection) {
    refreshSeconds = WAITING_REFRESH_SECONDS;
    body = html`<div class="card"><p><strong>${supporterName}</strong> is connected to your device
      <code>${session.customer?.deviceName ?? ""}</code>.</p></div>
      ${renderChat(session, { actionBase, hiddenFields: html``, ownSide: "customer" })}`;
  } else if (session.customer) {
    refreshSeconds = WAITING_REFRESH_SECONDS;
    body = html`<div class="card">
        <p>${session.waitingMessage ?? "Please wait, your supporter will connect shortly."}</p>
        <p class="note">Your ID: <code>${session.customer.deviceId}</code> · device <code>${session.customer.deviceName}</code></p>
      </div>
      <form method="post" action="${actionBase}/leave"><button type="submit">Leave</button></form>`;
  } else if (lastReport && !lastReport.feedback) {
    body = html`<div class="card"><p>The connection has ended. How did it go?</p>
      <form method="post" action="${actionBase}/feedback">
        ${[5, 4, 3, 2, 1].map(
          (rating) =>
            html`<label><input type="radio" name="session_rating" value="${String(rating)}" ${rating === 5 ? "checked" : ""} /> ${"★".repeat(rating)}</label>`,
        )}
        <label>Comment <input type="text" name="user_comment" /></label>
        <button class="primary" type="submit">Send feedback</button>
      </form></div>`;
  } else {
    body = html`<div class="card">
        <p>Session <code>${session.code}</code> with <strong>${supporterName}</strong>.</p>
        ${session.description ? html`<p class="note">${session.description}</p>` : ""}
        ${lastReport ? html`<p class="note">Thank you for your feedback.</p>` : ""}
      </div>
      <form method="post" action="${actionBase}/join" class="card">
        <label>Your device name <input type="text" name="device_name" value="ERIKA-LAPTOP" /></label>
        <button class="primary" type="submit">Join the session</button>
      </form>`;
  }
  return renderPage({
    title: session.code,
    product: QUICKSUPPORT,
    body: html`${renderModuleBrand(state, session)}${body}`,
    ...(refreshSeconds && { refreshSeconds }),
  });
}

/** The company's customised QuickSupport (`custom_module_id`): its name and logo above the rest. */
function renderModuleBrand(state: SimulatorState, session: SupportSession) {
  const module = state.world.customModuleOf(session.companyId, session.customModuleId);
  if (!module) return "";
  return html`<div class="card brand">
      ${module.logoUrl ? html`<img class="brand-logo" src="${module.logoUrl}" alt="" />` : ""}
      <strong>${module.displayName}</strong>
    </div>`;
}

export function renderSupporterConsole(state: SimulatorState, session: SupportSession, links: ConsoleLinks) {
  const group = state.world.groups.get(session.groupid);
  const hiddenReturn = html`<input type="hidden" name="return_to" value="${links.returnTo}" />`;
  let status: ReturnType<typeof html>;
  let refreshSeconds: number | undefined;
  if (session.state === "Closed") {
    status = html`<p>This session is closed.</p>`;
  } else if (session.connection) {
    status = html`<p>Connected to <code>${session.customer?.deviceName ?? ""}</code>
        (ID <code>${session.customer?.deviceId ?? ""}</code>) since ${formatWireDate(session.connection.startedAt)}.</p>
      <form method="post" action="${links.actionBase}/end">${hiddenReturn}
        <label>Session note <textarea name="session_note" rows="3"
          placeholder="What you did, for the connection report"></textarea></label>
        <button class="primary" type="submit">End connection</button></form>
      ${renderChat(session, { actionBase: links.actionBase, hiddenFields: hiddenReturn, ownSide: "supporter" })}
      <form method="post" action="${links.actionBase}/screenshot">${hiddenReturn}
        <button type="submit">Take screenshot</button>
        ${session.connection.screenshots.length > 0 ? html`<span class="note">${session.connection.screenshots.length} taken</span>` : ""}
      </form>`;
  } else if (session.customer) {
    status = html`<p>The customer is waiting on <code>${session.customer.deviceName}</code>.</p>
      <form method="post" action="${links.actionBase}/connect">${hiddenReturn}
        <button class="primary" type="submit">Connect</button></form>`;
  } else {
    refreshSeconds = WAITING_REFRESH_SECONDS;
    status = html`<p>Waiting for the customer to join with the end-customer link…</p>`;
  }
  const body = html`<div class="card">
      <p>Session <code>${session.code}</code> · ${session.state} · group ${group?.name ?? session.groupid}</p>
      ${session.description ? html`<p class="note">${session.description}</p>` : ""}
      ${session.endCustomer?.name ? html`<p class="note">Customer: ${session.endCustomer.name}</p>` : ""}
    </div>
    <div class="card">${status}</div>
    ${session.lastReportId ? html`<p class="note">Last connection report: <code>${session.lastReportId}</code></p>` : ""}`;
  return renderPage({
    title: session.code,
    product: SUPPORTER_CONSOLE,
    body,
    ...(refreshSeconds && { refreshSeconds }),
  });
}

/** The chat of a running connection, with a form to write to the other side. */
function renderChat(
  session: SupportSession,
  options: { actionBase: string; hiddenFields: ReturnType<typeof html>; ownSide: "supporter" | "customer" },
) {
  const lines = session.connection?.chat ?? [];
  const isOwn = (isFromSupporter: boolean) => isFromSupporter === (options.ownSide === "supporter");
  return html`<div class="card" id="chat">
      <h2>Chat</h2>
      ${lines.map(
        (line) =>
          html`<p class="chat-line"><strong>${isOwn(line.isFromSupporter) ? "You" : line.isFromSupporter ? "Supporter" : "Customer"}:</strong> ${line.content}</p>`,
      )}
      <form method="post" action="${options.actionBase}/chat">${options.hiddenFields}
        <label>Message <input type="text" name="message" maxlength="1000" /></label>
        <button type="submit">Send</button>
      </form>
    </div>`;
}

/** A session's status as a person reads it, with a data attribute for styling and tests. */
import type { MessageKey, Translator } from "../../i18n/index.js";
import type { SupportSessionStatus } from "../support-session-view.js";

export const statusLabels: Record<SupportSessionStatus, MessageKey> = {
  waiting: "sessionPages.status.waiting",
  "customer-online": "sessionPages.status.customerOnline",
  expired: "sessionPages.status.expired",
  closed: "sessionPages.status.closed",
};

export function StatusBadge(props: { t: Translator; status: SupportSessionStatus }) {
  return (
    <span class="status-badge" data-status={props.status}>
      {props.t.t(statusLabels[props.status])}
    </span>
  );
}

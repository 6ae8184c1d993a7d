/** The one-line outcome of sending an invitation, as the session page and the ticket widget show it. */
import type { Translator } from "../i18n/index.js";
import type { SentInvitation } from "./send-invitation.js";

export function invitationNotice(tr: Translator, sent: SentInvitation): string {
  const email = sent.invitation.recipientEmail;
  if (sent.invitation.status === "captured") return tr.t("invitations.captured", { email });
  if (sent.invitation.status === "sending") return tr.t("invitations.sending", { email });
  return tr.t("invitations.sent", { email });
}

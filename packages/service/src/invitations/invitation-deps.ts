/** What invitations and join addresses need: the session use cases' deps, the public URL and the mail delivery. */
import type { AppDeps } from "../http/app-deps.js";
import type { MailDelivery } from "../mail/mail-delivery.js";
import type { SessionDeps } from "../sessions/session-deps.js";

export type InvitationDeps = SessionDeps & Pick<AppDeps, "config"> & { mail: MailDelivery };

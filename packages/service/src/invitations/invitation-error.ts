/** Why an invitation or join address could not be issued; each reason has a message saying what to do. */
import type { MessageKey } from "../i18n/index.js";

export const invitationErrorReasons = [
  "session-ended",
  "mail-off",
  "delivery-failed",
  "invitation-not-found",
  "form-outdated",
] as const;
export type InvitationErrorReason = (typeof invitationErrorReasons)[number];

const messageKeys: Record<InvitationErrorReason, MessageKey> = {
  "session-ended": "invitations.error.sessionEnded",
  "mail-off": "invitations.error.mailOff",
  "delivery-failed": "invitations.error.deliveryFailed",
  "invitation-not-found": "invitations.error.notFound",
  "form-outdated": "invitations.error.formOutdated",
};

export class InvitationError extends Error {
  override name = "InvitationError";
  readonly messageKey: MessageKey;

  constructor(
    readonly reason: InvitationErrorReason,
    options: { detail?: string; cause?: unknown } = {},
  ) {
    super(options.detail ?? reason, options.cause === undefined ? {} : { cause: options.cause });
    this.messageKey = messageKeys[reason];
  }
}

/** Invitations only make sense while the customer can still join. */
export function assertSessionJoinable(session: { state: string; validUntil: Date }, now: Date): void {
  if (session.state === "closed" || session.validUntil.getTime() <= now.getTime()) {
    throw new InvitationError("session-ended");
  }
}

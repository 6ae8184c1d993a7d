/**
 * Connects an organisation to a Request Tracker as its admin would on the Helpdesk page: the
 * address, the token and the session field the RT harness set up (scripts/support/request-tracker.ts),
 * notes in English, the session code field and connection notes on, the rest off unless asked.
 */
import { sessionFieldName } from "../../../../scripts/support/request-tracker.js";
import type { User } from "../../src/db/repositories/users.js";
import {
  type HelpdeskDeps,
  type HelpdeskSettingsInput,
  saveHelpdeskSettings,
} from "../../src/helpdesks/helpdesk-connection-settings.js";

export function connectRequestTracker(
  deps: HelpdeskDeps,
  admin: Pick<User, "id" | "organisationId" | "email">,
  server: { url: string; token: string },
  settings: Partial<HelpdeskSettingsInput> = {},
) {
  return saveHelpdeskSettings(
    deps,
    { userId: admin.id, organisationId: admin.organisationId, label: admin.email, ip: null, userAgent: null },
    {
      kind: "request-tracker",
      baseUrl: server.url,
      token: server.token,
      sessionField: sessionFieldName,
      noteLocale: "en",
      writesSessionField: true,
      writesSessionNotes: false,
      writesConnectionNotes: true,
      writesInvitationReplies: false,
      ...settings,
    },
  );
}

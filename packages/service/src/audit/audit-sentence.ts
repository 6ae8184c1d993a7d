/**
 * An audit entry as a sentence in the reader's language ("Kenji Sato created session
 * s123-456-789 for ticket 4711"), for the audit log page. The entry itself (action code and
 * details) stays as stored; auditors still see it raw beside the sentence.
 */
import { isMessageKey, type MessageParams, type Translator } from "../i18n/index.js";
import { roleLabelKeys } from "../web/role-labels.js";
import type { AuditEvent } from "./audit-events.js";

/** Details that hold one of our user ids, shown by that user's name. */
const userIdDetails = ["to", "from", "userId"] as const;

/**
 * @param userNames display names by user id, for the actor and any user the entry names; an id
 *   not in it (a deleted user) is shown as stored.
 */
export function describeAuditEvent(
  t: Translator,
  event: AuditEvent,
  userNames: ReadonlyMap<string, string>,
): string {
  const params: MessageParams = { action: event.action };
  for (const [name, value] of Object.entries(event.details)) {
    if (typeof value === "string" || typeof value === "number") params[name] = value;
  }
  for (const name of userIdDetails) {
    const value = event.details[name];
    if (typeof value === "string") params[name] = userNames.get(value) ?? value;
  }
  const role = event.details.role;
  if (typeof role === "string" && role in roleLabelKeys) {
    params.role = t.t(roleLabelKeys[role as keyof typeof roleLabelKeys]);
  }
  const actorId = event.actor.userId;
  params.actor = (actorId === undefined ? undefined : userNames.get(actorId)) ?? event.actor.label;
  if (event.target?.type === "user" && event.target.id !== undefined) {
    params.target = userNames.get(event.target.id) ?? event.target.id;
  }
  const key = `audit.sentence.${event.action}`;
  // An older entry may lack a detail its sentence names: the plain form says what is known.
  if (!isMessageKey(key) || !placeholdersOf(t.t(key)).every((name) => name in params)) {
    return t.t("audit.sentence.other", params);
  }
  return t.t(key, params);
}

function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
}

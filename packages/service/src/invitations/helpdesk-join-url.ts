/**
 * The join address an invitation keeps, sealed, for the helpdesk's public reply (issue 22): the
 * join token is a credential of which only the hash is kept otherwise (src/join/join-links.ts),
 * so the address is sealed with the keyring, bound to its invitation, and dropped once the reply
 * is on the ticket.
 */
import { bindingFor, secretColumns } from "../db/repositories/stored-secrets.js";
import type { SecretBox } from "../vault/secret-box.js";

const bindingOf = (invitationId: string) => bindingFor(secretColumns.invitationHelpdeskJoinUrl, invitationId);

export function sealJoinUrlForHelpdesk(vault: SecretBox, invitationId: string, joinUrl: string): string {
  return vault.encrypt(joinUrl, bindingOf(invitationId));
}

export function openJoinUrlForHelpdesk(vault: SecretBox, invitationId: string, sealed: string): string {
  return vault.decrypt(sealed, bindingOf(invitationId));
}

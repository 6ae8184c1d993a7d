/**
 * Why a host's request to open the widget was refused. Each reason has its own page text (in
 * src/i18n/messages/embedding.ts) telling the agent or the admin what to fix, and its own log line.
 */
export const embedRefusalReasons = [
  "missing-assertion",
  "garbled-assertion",
  "invalid-claims",
  "unknown-integration",
  "integration-disabled",
  "organisation-disabled",
  "bad-signature",
  "expired",
  "not-yet-valid",
  "replayed",
  "unknown-agent",
] as const;
export type EmbedRefusalReason = (typeof embedRefusalReasons)[number];

export class EmbedRefusal extends Error {
  override readonly name = "EmbedRefusal";

  constructor(
    readonly reason: EmbedRefusalReason,
    /** Known once the assertion named an integration that exists: its origins may frame the refusal. */
    readonly integrationId?: string,
    /** The platform's explanation of a refused token, for the admin reading the log; never shown. */
    readonly detail?: string,
  ) {
    super(`embed refused: ${reason}`);
  }
}

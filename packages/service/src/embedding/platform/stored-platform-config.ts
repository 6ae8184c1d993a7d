/**
 * The configuration of a Zendesk or Forge integration as stored. It is written only after
 * platform-trust-input.ts accepted it (src/embedding/manage-embedding-integrations.ts), and a check
 * constraint ties it to the kind, so reading it back is a matter of its type.
 */
import type { EmbeddingIntegrationRecord } from "../manage-embedding-integrations.js";
import type { ForgeConfig, ZendeskConfig } from "./platform-trust-input.js";

type StoredConfigOf = Pick<EmbeddingIntegrationRecord, "kind" | "platformConfig">;

export function zendeskConfigOf(integration: StoredConfigOf): ZendeskConfig | undefined {
  return integration.kind === "zendesk" && integration.platformConfig !== null
    ? (integration.platformConfig as unknown as ZendeskConfig)
    : undefined;
}

export function forgeConfigOf(integration: StoredConfigOf): ForgeConfig | undefined {
  return integration.kind === "forge" && integration.platformConfig !== null
    ? (integration.platformConfig as unknown as ForgeConfig)
    : undefined;
}

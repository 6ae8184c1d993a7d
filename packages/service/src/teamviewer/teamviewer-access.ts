/**
 * One per app instance (built by `createApp`): the token store with its in-process single
 * flight, and the client factory later features use. Sharing one instance is what makes
 * concurrent requests of this process share one refresh.
 */
import { createTeamViewerClientFactory, type TeamViewerClientFactory } from "./client-factory.js";
import { createTokenStore, type TokenStore, type TokenStoreDeps } from "./token-store.js";

export interface TeamViewerAccess extends TeamViewerClientFactory {
  tokenStore: TokenStore;
}

export function createTeamViewerAccess(deps: TokenStoreDeps): TeamViewerAccess {
  const tokenStore = createTokenStore(deps);
  return { ...createTeamViewerClientFactory(deps, tokenStore), tokenStore };
}

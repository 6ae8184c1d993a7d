/** The Hono environment of `/api/v1` routes: every handler behind `requireApiKey` knows its caller. */
import type { ApiPrincipal } from "../api-keys/authenticate-api-key.js";
import type { AppEnv } from "../http/app-deps.js";

export interface ApiEnv {
  Variables: AppEnv["Variables"] & {
    apiPrincipal: ApiPrincipal;
    /**
     * Set by `idempotentPost` when the request carries an Idempotency-Key: the correlation id a
     * create sends to TeamViewer, and whether an earlier attempt under this key may have made
     * something already (src/api/idempotency.ts).
     */
    idempotencyClaim?: { correlationId: string; isResumed: boolean };
  };
}

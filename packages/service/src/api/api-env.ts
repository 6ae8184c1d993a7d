/** The Hono environment of `/api/v1` routes: every handler behind `requireApiKey` knows its caller. */
import type { ApiPrincipal } from "../api-keys/authenticate-api-key.js";
import type { AppEnv } from "../http/app-deps.js";

export interface ApiEnv {
  Variables: AppEnv["Variables"] & { apiPrincipal: ApiPrincipal };
}

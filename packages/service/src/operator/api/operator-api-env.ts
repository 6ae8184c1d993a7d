/** The Hono environment of `/api/operator/v1`: every handler behind `requireOperatorKey` knows its caller. */
import type { AppEnv } from "../../http/app-deps.js";
import type { OperatorPrincipal } from "../operator-keys.js";

export interface OperatorApiEnv {
  Variables: AppEnv["Variables"] & { operator: OperatorPrincipal };
}

/** A TeamViewer app registration as the service uses it: its endpoints and its client credentials. */
import type { AppEndpoints } from "./app-endpoints.js";

export interface TeamViewerAppSettings extends AppEndpoints {
  clientId: string;
  clientSecret: string;
}

import { TeamViewerError } from "../errors.js";

/**
 * Checks a configured URL and returns it without a trailing slash. Plain `http://` is refused unless
 * the caller opts in loudly with `allowInsecureRequests` (design convention 7): bearer tokens and
 * client secrets must not cross the network in clear text by accident.
 *
 * @example
 * ```ts
 * requireSecureUrl("http://127.0.0.1:4010/api/v1", { allowInsecureRequests: true, option: "baseUrl" });
 * ```
 */
export function requireSecureUrl(
  url: string,
  settings: { readonly allowInsecureRequests: boolean; readonly option: string },
): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TeamViewerError(
      `${settings.option} "${url}" is not a URL. Use e.g. https://webapi.teamviewer.com/api/v1.`,
    );
  }
  if (parsed.protocol === "http:" && !settings.allowInsecureRequests) {
    throw new TeamViewerError(
      `${settings.option} "${url}" uses plain http, which would send tokens unencrypted. Use https, or pass ` +
        "allowInsecureRequests: true when talking to a local simulator or test server.",
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new TeamViewerError(`${settings.option} "${url}" must be an https URL.`);
  }
  return url.replace(/\/+$/, "");
}

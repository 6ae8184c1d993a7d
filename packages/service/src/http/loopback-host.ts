/**
 * Whether a URL's host name is this machine: `localhost`, 127.0.0.0/8 or `::1`, as the WHATWG URL
 * parser writes them (lower case, IPv4 normalised, IPv6 in brackets). Used for the plain-http
 * rule of TeamViewer addresses and for the host names the service answers to.
 */
export function isLoopbackHost(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare);
}

/** The REST API lives under /api/: there errors are problem+json and callers carry bearer keys. */
export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

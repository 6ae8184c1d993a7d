/**
 * The permissions an app or script token is given in the Management Console (docs/teamviewer-api.md §1:
 * "ticked permissions"; section 5: "user management: view"). One switch per API area.
 */
export const PERMISSIONS = [
  "session_management",
  "account_management",
  "connection_reporting",
  "group_management",
  "user_management",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && (PERMISSIONS as readonly string[]).includes(value);
}

export function toPermissionSet(values: readonly string[] | undefined): Set<Permission> {
  if (values === undefined) return new Set(PERMISSIONS);
  const unknown = values.filter((value) => !isPermission(value));
  if (unknown.length > 0) throw new Error(`Unknown permissions: ${unknown.join(", ")}`);
  return new Set(values as Permission[]);
}

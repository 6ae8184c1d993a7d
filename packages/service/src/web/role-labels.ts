import type { UserRole } from "../db/schema.js";
import type { MessageKey } from "../i18n/index.js";

export const roleLabelKeys: Record<UserRole, MessageKey> = {
  admin: "roles.admin",
  supporter: "roles.supporter",
  auditor: "roles.auditor",
};

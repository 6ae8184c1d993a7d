/**
 * What a password must be: at least 12 characters (NIST SP 800-63B §3.1.1.2 allows 8; a
 * helpdesk console that reaches customers' machines deserves more), at most 256 so the hash
 * input stays bounded. No composition rules, as NIST advises.
 */
import { z } from "zod";

export const minPasswordLength = 12;
export const maxPasswordLength = 256;

/** Error messages are message keys; the form renderer translates them. */
export const newPasswordSchema = z
  .string()
  .min(minPasswordLength, { error: "forms.passwordTooShort" })
  .max(maxPasswordLength, { error: "forms.passwordTooLong" });

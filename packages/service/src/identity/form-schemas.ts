/** Field rules shared by the identity forms; messages are message keys. */
import { z } from "zod";
import { userRoles } from "../db/schema.js";

// Deliberately loose: the only real test of an address is mail arriving there.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const emailSchema = z
  .string()
  .trim()
  .min(1, { error: "common.required" })
  .max(254, { error: "forms.tooLong" })
  .regex(emailPattern, { error: "forms.emailInvalid" });

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, { error: "common.required" })
  .max(120, { error: "forms.tooLong" });

export const roleSchema = z.enum(userRoles, { error: "forms.invalid" });

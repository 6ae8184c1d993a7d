import type { RequestOptions } from "../http/api-transport.js";
import { expectObject } from "../wire.js";
import { ApiResource } from "./api-resource.js";

/**
 * The account that owns the token. Optional fields may be missing or `null`; unknown fields are kept.
 *
 * @example
 * ```ts
 * const { name, email, company_name } = await client.account.retrieve();
 * ```
 */
export interface Account {
  /** `u` + digits. */
  userid?: string | null;
  name?: string | null;
  email?: string | null;
  company_name?: string | null;
  email_validated?: boolean | null;
  /** `de`, `en`, `auto`, … */
  email_language?: string | null;
  license?: { type?: string | null; isactive?: boolean | null; [extra: string]: unknown } | null;
  profilepicture_url?: string | null;
  available_licenses?: unknown[] | null;
  [extra: string]: unknown;
}

/**
 * `client.account`: the token owner's account (needs "account management: view").
 *
 * @example
 * ```ts
 * const account = await client.account.retrieve();
 * ```
 */
export class AccountResource extends ApiResource {
  /**
   * Fetches the account.
   *
   * @example
   * ```ts
   * const { userid } = await client.account.retrieve({ signal });
   * ```
   */
  retrieve(options?: RequestOptions): Promise<Account> {
    return this.transport
      .request({ method: "GET", path: "/account" }, options)
      .then((response) => expectObject(response.body, "an account", "GET /account") as Account);
  }
}

import type { RequestOptions } from "../http/api-transport.js";
import { listPages, type PagePromise } from "../pagination.js";
import { expectObjectWithId } from "../wire.js";
import { ApiResource } from "./api-resource.js";

/**
 * A user of the company. `full_list: true` adds `permissions`, `active`, `last_access_date`, …;
 * unknown fields are kept.
 *
 * @example
 * ```ts
 * const { items } = await client.users.list({ email: "kenji@example.com" });
 * ```
 */
export interface User {
  /** `u` + digits. */
  id: string;
  name?: string | null;
  email?: string | null;
  permissions?: string | null;
  active?: boolean | null;
  last_access_date?: string | null;
  [extra: string]: unknown;
}

/**
 * Filters of `client.users.list` (needs a company token with "user management: view").
 *
 * @example
 * ```ts
 * const params: UserListParams = { name: "Kenji", full_list: true };
 * ```
 */
export interface UserListParams {
  email?: string | undefined;
  name?: string | undefined;
  full_list?: boolean | undefined;
}

/**
 * `client.users`: the company's TeamViewer users, e.g. to pick `assigned_userid`.
 *
 * @example
 * ```ts
 * for await (const user of client.users.list()) console.log(user.id, user.email);
 * ```
 */
export class UsersResource extends ApiResource {
  /**
   * Lists users. TeamViewer does not page this list, so the first page is the whole list.
   *
   * @example
   * ```ts
   * const { items } = await client.users.list({ full_list: true });
   * ```
   */
  list(params: UserListParams = {}, options?: RequestOptions): PagePromise<User> {
    return listPages(
      this.transport,
      { path: "/users", query: params, itemsKey: "users", toItem: toUser },
      options,
    );
  }
}

function toUser(raw: unknown, label: string): User {
  return expectObjectWithId(raw, "id", "a user", label) as User;
}

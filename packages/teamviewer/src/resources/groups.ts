import type { RequestOptions } from "../http/api-transport.js";
import { listPages, type PagePromise } from "../pagination.js";
import { expectObjectWithId } from "../wire.js";
import { ApiResource } from "./api-resource.js";

/**
 * A group of devices and sessions. Unknown fields are kept.
 *
 * @example
 * ```ts
 * const { items: [helpdesk] } = await client.groups.list({ name: "Helpdesk" });
 * ```
 */
export interface Group {
  /** `g` + digits. */
  id: string;
  name?: string | null;
  /** `owned`, `read`, `readwrite`, … */
  permissions?: string | null;
  policy_id?: string | null;
  shared_with?: unknown[] | null;
  owner?: { userid?: string | null; name?: string | null; [extra: string]: unknown } | null;
  [extra: string]: unknown;
}

/**
 * Filters of `client.groups.list`.
 *
 * @example
 * ```ts
 * const params: GroupListParams = { name: "Help", shared: false };
 * ```
 */
export interface GroupListParams {
  /** Part of the name. */
  name?: string | undefined;
  /** `true`: only groups shared with the user; `false`: only the user's own. */
  shared?: boolean | undefined;
}

/**
 * Parameters of `client.groups.create`.
 *
 * @example
 * ```ts
 * const params: GroupCreateParams = { name: "Helpdesk" };
 * ```
 */
export interface GroupCreateParams {
  name: string;
}

/**
 * `client.groups`: what session creation needs to know about groups.
 *
 * @example
 * ```ts
 * const group = await client.groups.create({ name: "Helpdesk" });
 * ```
 */
export class GroupsResource extends ApiResource {
  /**
   * Lists groups. TeamViewer does not page this list, so the first page is the whole list.
   *
   * @example
   * ```ts
   * for await (const group of client.groups.list({ name: "Help" })) console.log(group.id, group.name);
   * ```
   */
  list(params: GroupListParams = {}, options?: RequestOptions): PagePromise<Group> {
    return listPages(
      this.transport,
      { path: "/groups", query: params, itemsKey: "groups", toItem: toGroup },
      options,
    );
  }

  /**
   * Creates a group. Never retried automatically, since a repeat would create a second group.
   *
   * @example
   * ```ts
   * const { id } = await client.groups.create({ name: "Helpdesk" });
   * ```
   */
  create(params: GroupCreateParams, options?: RequestOptions): Promise<Group> {
    return this.transport
      .request({ method: "POST", path: "/groups", body: params }, options)
      .then((response) => toGroup(response.body, "POST /groups"));
  }
}

function toGroup(raw: unknown, label: string): Group {
  return expectObjectWithId(raw, "id", "a group", label) as Group;
}

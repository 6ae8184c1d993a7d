import { UnexpectedResponseError } from "./errors.js";
import type { ApiTransport, RequestOptions } from "./http/api-transport.js";
import { expectObject, readNumber, readString } from "./wire.js";

/**
 * One page of a list.
 *
 * @example
 * ```ts
 * const page = await client.sessions.list({ full_list: true });
 * console.log(page.items.length, page.remaining, page.nextOffset);
 * ```
 */
export interface Page<Item> {
  readonly items: Item[];
  /** The cursor of the next page (`next_offset`), or `null` on the last page. */
  readonly nextOffset: string | null;
  /** How many items follow this page (`sessions_remaining`, `records_remaining`), when TeamViewer says. */
  readonly remaining: number | null;
}

/** Fetches the page that starts at `cursor`; `null` means "the first page the caller asked for". */
export type FetchPage<Item> = (cursor: string | null) => Promise<Page<Item>>;

/**
 * What every list method returns. `await` it for the first page; `for await` it for every item
 * across all pages; or walk `.pages()` to handle one page at a time (a sync that saves its cursor
 * after each page). Nothing is requested until one of these is used, and the first page is
 * requested only once however it is consumed.
 *
 * @example
 * ```ts
 * const firstPage = await client.reports.connections.list({ from_date: "2026-03-01" });
 *
 * for await (const report of client.reports.connections.list({ from_date: "2026-03-01" })) {
 *   console.log(report.id, report.end_date);
 * }
 *
 * for await (const page of client.reports.connections.list({ has_code: true }).pages()) {
 *   await db.transaction(async (tx) => { await tx.saveReports(page.items); await tx.saveCursor(page.nextOffset); });
 * }
 * ```
 */
export class PagePromise<Item> implements PromiseLike<Page<Item>>, AsyncIterable<Item> {
  readonly #fetchPage: FetchPage<Item>;
  #firstPage: Promise<Page<Item>> | undefined;

  constructor(fetchPage: FetchPage<Item>) {
    this.#fetchPage = fetchPage;
  }

  // biome-ignore lint/suspicious/noThenProperty: being awaitable is the point of a PagePromise.
  then<Result = Page<Item>, Failure = never>(
    onFulfilled?: ((page: Page<Item>) => Result | PromiseLike<Result>) | null,
    onRejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null,
  ): Promise<Result | Failure> {
    return this.#loadFirstPage().then(onFulfilled, onRejected);
  }

  /** Every page in order, from the first to the one without `nextOffset`. */
  async *pages(): AsyncGenerator<Page<Item>, void, undefined> {
    let page = await this.#loadFirstPage();
    const seenCursors = new Set<string>();
    yield page;
    while (page.nextOffset !== null) {
      // A server that hands out the same cursor twice would keep us paging forever.
      if (seenCursors.has(page.nextOffset)) {
        throw new UnexpectedResponseError(
          `TeamViewer returned the cursor "${page.nextOffset}" twice while paging; stopping to avoid a loop.`,
        );
      }
      seenCursors.add(page.nextOffset);
      page = await this.#fetchPage(page.nextOffset);
      yield page;
    }
  }

  /** Every item of every page, fetching the next page only when the current one is used up. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  #loadFirstPage(): Promise<Page<Item>> {
    this.#firstPage ??= this.#fetchPage(null);
    return this.#firstPage;
  }
}

/** Where a list endpoint puts its parts, and how it is asked for the next page. */
export interface ListEndpoint<Item> {
  readonly path: string;
  readonly query: object;
  /** The query parameter that carries `next_offset` (`offset`, `offset_id`); omitted for unpaged lists. */
  readonly cursorParam?: string;
  /** The array key (`sessions`, `records`, `groups`, `users`). */
  readonly itemsKey: string;
  /** The count key (`sessions_remaining`, `records_remaining`), when the endpoint has one. */
  readonly remainingKey?: string;
  /** Turns one wire item into the item type, keeping unknown fields. */
  readonly toItem: (raw: unknown, label: string) => Item;
}

/**
 * The paging logic of the whole client: every list method is a call to this function.
 *
 * @example
 * ```ts
 * return listPages(transport, { path: "/sessions", query: params, cursorParam: "offset", itemsKey: "sessions", remainingKey: "sessions_remaining", toItem: toSession }, options);
 * ```
 */
export function listPages<Item>(
  transport: ApiTransport,
  endpoint: ListEndpoint<Item>,
  options?: RequestOptions,
): PagePromise<Item> {
  return new PagePromise(async (cursor) => {
    const query =
      cursor === null || endpoint.cursorParam === undefined
        ? endpoint.query
        : { ...endpoint.query, [endpoint.cursorParam]: cursor };
    const response = await transport.request({ method: "GET", path: endpoint.path, query }, options);
    return readPage(response.body, endpoint);
  });
}

function readPage<Item>(body: unknown, endpoint: ListEndpoint<Item>): Page<Item> {
  const label = `GET ${endpoint.path}`;
  const object = expectObject(body, `a list with "${endpoint.itemsKey}"`, label);
  // A missing array means an empty list: TeamViewer has been seen to leave out empty collections.
  const rawItems = object[endpoint.itemsKey] ?? [];
  if (!Array.isArray(rawItems)) {
    throw new UnexpectedResponseError(
      `TeamViewer answered ${label} with "${endpoint.itemsKey}" that is not a list.`,
    );
  }
  const nextOffset = endpoint.cursorParam === undefined ? null : readString(object, "next_offset");
  return {
    items: rawItems.map((raw: unknown) => endpoint.toItem(raw, label)),
    nextOffset: nextOffset === "" ? null : nextOffset,
    remaining: endpoint.remainingKey === undefined ? null : readNumber(object, endpoint.remainingKey),
  };
}

import { parseWireDate } from "../wire/dates.js";
import type { ConnectionReport, ReportEdit } from "./connection-report.js";
import { createArrayList, createRangeList, EMPTY_LIST, type IndexList } from "./index-list.js";
import { type LiveReport, matchesLiveReport } from "./live-report-filter.js";
import { dateWindows, type ReportDateFilter, type ReportQuery } from "./report-query.js";
import { type SeededBatchInput, SeededReportBatch } from "./seeded-report-batch.js";
import { compileSeededPredicate } from "./seeded-report-filter.js";

/**
 * All connection reports: one seeded batch (generated on demand, see SeededReportBatch), an
 * overlay of edits and deletions on it, and the reports written while the simulator runs.
 * Order is newest `end_date` first (docs/teamviewer-api.md §4); at equal end seconds live reports come
 * before seeded ones, and later ones before earlier ones, so the order is total and paging
 * with `offset_id` never skips or repeats a record.
 */

/**
 * One record of a page: an unedited seeded record by its index (written as bytes straight from the
 * seed, see SeededReportJson), or a record object (live, or seeded with an edit).
 */
export type ReportRow = number | ConnectionReport;

export interface ReportPage {
  rows: ReportRow[];
  remaining: number;
  /** The id of the last record, when more follow (docs/teamviewer-api.md §4). */
  nextOffset: string | undefined;
}

export interface ReportCounts {
  seeded: number;
  live: number;
  deleted: number;
}

/**
 * The store as plain JSON (state/state-snapshot.ts): the seeded batch by the input that
 * regenerates it, the overlays and the live reports as they are.
 */
export interface ReportStoreSnapshot {
  batch: SeededBatchInput | undefined;
  seededEdits: [number, ReportEdit][];
  seededDeleted: number[];
  live: LiveReport[];
  nextLiveSeq: number;
}

/** A record's place in the order: (end second, source, sequence), compared left to right. */
interface OrderKey {
  endSec: number;
  isLive: boolean;
  sequence: number;
}

type Located = { kind: "seeded"; index: number } | { kind: "live"; entry: LiveReport };

const MATCH_CACHE_SIZE = 8;

export class ReportStore {
  /** Read on every query: the `reportDateFilter` switch can change while the simulator runs. */
  readonly #dateFilter: () => ReportDateFilter;
  #batch: SeededReportBatch | undefined;
  readonly #seededEdits = new Map<number, ReportEdit>();
  readonly #seededDeleted = new Set<number>();
  /** Ascending by (endSec, seq). */
  readonly #live: LiveReport[] = [];
  readonly #liveById = new Map<string, LiveReport>();
  #nextLiveSeq = 1;
  /** Match lists per filter; cleared whenever the set of seeded records changes. */
  readonly #matchCache = new Map<string, IndexList>();

  constructor(dateFilter: () => ReportDateFilter) {
    this.#dateFilter = dateFilter;
  }

  get batch(): SeededReportBatch | undefined {
    return this.#batch;
  }

  /** Replaces the seeded batch (and forgets edits to the previous one). */
  replaceSeededBatch(batch: SeededReportBatch): void {
    this.#batch = batch;
    this.#seededEdits.clear();
    this.#seededDeleted.clear();
    this.#invalidate();
  }

  addLive(companyId: string, record: ConnectionReport): void {
    const endSec = secondsOf(record.end_date);
    const entry: LiveReport = {
      seq: this.#nextLiveSeq++,
      companyId,
      startSec: secondsOf(record.start_date),
      endSec,
      record,
      isDeleted: false,
    };
    let position = this.#live.length;
    while (position > 0 && (this.#live[position - 1]?.endSec ?? 0) > endSec) position--;
    this.#live.splice(position, 0, entry);
    this.#liveById.set(record.id.toLowerCase(), entry);
  }

  find(id: string, companyId: string): ConnectionReport | undefined {
    const located = this.#locate(id, companyId);
    if (!located || this.#isDeleted(located)) return undefined;
    if (located.kind === "live") return located.entry.record;
    return this.#seededRecord(located.index);
  }

  /** Applies an edit; false when there is no such (visible) report. */
  edit(id: string, companyId: string, edit: ReportEdit): boolean {
    const located = this.#locate(id, companyId);
    if (!located || this.#isDeleted(located)) return false;
    if (located.kind === "live") Object.assign(located.entry.record, edit);
    else this.#seededEdits.set(located.index, { ...this.#seededEdits.get(located.index), ...edit });
    return true;
  }

  delete(id: string, companyId: string): boolean {
    const located = this.#locate(id, companyId);
    if (!located || this.#isDeleted(located)) return false;
    if (located.kind === "live") located.entry.isDeleted = true;
    else {
      this.#seededDeleted.add(located.index);
      this.#invalidate();
    }
    return true;
  }

  toSnapshot(): ReportStoreSnapshot {
    const batch = this.#batch;
    return {
      batch: batch && {
        seed: batch.seed,
        count: batch.count,
        companyId: batch.companyId,
        users: batch.users,
        groups: batch.groups,
        newestEndMs: batch.newestEndMs,
      },
      seededEdits: [...this.#seededEdits],
      seededDeleted: [...this.#seededDeleted],
      live: this.#live,
      nextLiveSeq: this.#nextLiveSeq,
    };
  }

  /** Fills an empty store from a snapshot; the live reports are already in order. */
  restore(snapshot: ReportStoreSnapshot): void {
    if (snapshot.batch) this.#batch = new SeededReportBatch(snapshot.batch);
    for (const [index, edit] of snapshot.seededEdits) this.#seededEdits.set(index, edit);
    for (const index of snapshot.seededDeleted) this.#seededDeleted.add(index);
    for (const entry of snapshot.live) {
      this.#live.push(entry);
      this.#liveById.set(entry.record.id.toLowerCase(), entry);
    }
    this.#nextLiveSeq = snapshot.nextLiveSeq;
    this.#invalidate();
  }

  counts(): ReportCounts {
    const liveDeleted = this.#live.filter((entry) => entry.isDeleted).length;
    return {
      seeded: this.#batch?.count ?? 0,
      live: this.#live.length,
      deleted: this.#seededDeleted.size + liveDeleted,
    };
  }

  /**
   * One page: records after `offsetId` in the order (the row itself skipped, docs/teamviewer-api.md §4).
   * Undefined when `offsetId` names no report of the company.
   */
  page(query: ReportQuery, offsetId: string | undefined, pageSize: number): ReportPage | undefined {
    let cursor: OrderKey | undefined;
    if (offsetId !== undefined) {
      const located = this.#locate(offsetId, query.companyId);
      if (!located) return undefined;
      cursor = this.#orderKeyOf(located);
    }
    const seeded = this.#seededWindow(query, cursor);
    const live = this.#live.filter(
      (entry) =>
        matchesLiveReport(entry, query, this.#dateFilter()) && (!cursor || isBefore(liveKey(entry), cursor)),
    );
    const rows: ReportRow[] = [];
    let seededPosition = seeded.high - 1;
    let livePosition = live.length - 1;
    while (rows.length < pageSize && (seededPosition >= seeded.low || livePosition >= 0)) {
      const seededIndex = seededPosition >= seeded.low ? seeded.list.at(seededPosition) : -1;
      const liveEntry = live[livePosition];
      const isLiveNext =
        liveEntry !== undefined &&
        (seededIndex < 0 || liveEntry.endSec >= (this.#batch?.endSec(seededIndex) ?? 0));
      if (isLiveNext) {
        rows.push(liveEntry.record);
        livePosition--;
      } else {
        rows.push(this.#seededEdits.has(seededIndex) ? this.#seededRecord(seededIndex) : seededIndex);
        seededPosition--;
      }
    }
    const remaining = seededPosition - seeded.low + 1 + (livePosition + 1);
    const last = rows.at(-1);
    if (remaining === 0 || last === undefined) return { rows, remaining, nextOffset: undefined };
    return { rows, remaining, nextOffset: typeof last === "number" ? this.#batch?.id(last) : last.id };
  }

  /** The positions [low, high) of the seeded matches inside the date window and before the cursor. */
  #seededWindow(
    query: ReportQuery,
    cursor: OrderKey | undefined,
  ): { list: IndexList; low: number; high: number } {
    const batch = this.#batch;
    const list = this.#seededMatches(query);
    if (!batch || list.length === 0) return { list, low: 0, high: 0 };
    let lowIndex = 0;
    let highIndex = batch.count;
    const { fromSec, toSec } = dateWindows(query, this.#dateFilter()).end;
    if (Number.isFinite(fromSec)) lowIndex = batch.lowerBoundEnd(fromSec);
    if (Number.isFinite(toSec)) highIndex = batch.lowerBoundEnd(toSec);
    if (cursor) {
      // Live rows outrank seeded rows of the same second, so after a live cursor come seeded rows up to its second.
      highIndex = Math.min(
        highIndex,
        cursor.isLive ? batch.lowerBoundEnd(cursor.endSec + 1) : cursor.sequence,
      );
    }
    const low = list.lowerBound(lowIndex);
    return { list, low, high: Math.max(low, list.lowerBound(highIndex)) };
  }

  #seededMatches(query: ReportQuery): IndexList {
    const batch = this.#batch;
    if (!batch) return EMPTY_LIST;
    const dateFilter = this.#dateFilter();
    const predicate = compileSeededPredicate(batch, query, dateFilter, this.#seededDeleted);
    if (predicate === "none") return EMPTY_LIST;
    if (predicate === "all") return createRangeList(batch.count);
    // End-date windows are applied by index range, so only the start window is part of the match list.
    const cacheKey = JSON.stringify({
      ...query,
      fromMs: 0,
      toMs: 0,
      start: dateWindows(query, dateFilter).start,
    });
    const cached = this.#matchCache.get(cacheKey);
    if (cached) return cached;
    const matches = new Int32Array(batch.count);
    let length = 0;
    for (let index = 0; index < batch.count; index++) if (predicate(index)) matches[length++] = index;
    const list = createArrayList(matches.slice(0, length));
    if (this.#matchCache.size >= MATCH_CACHE_SIZE) {
      const oldest = this.#matchCache.keys().next().value;
      if (oldest !== undefined) this.#matchCache.delete(oldest);
    }
    this.#matchCache.set(cacheKey, list);
    return list;
  }

  #locate(id: string, companyId: string): Located | undefined {
    const entry = this.#liveById.get(id.toLowerCase());
    if (entry) return entry.companyId === companyId ? { kind: "live", entry } : undefined;
    const index = this.#batch?.companyId === companyId ? this.#batch.indexOfId(id) : undefined;
    return index === undefined ? undefined : { kind: "seeded", index };
  }

  #isDeleted(located: Located): boolean {
    return located.kind === "live" ? located.entry.isDeleted : this.#seededDeleted.has(located.index);
  }

  #orderKeyOf(located: Located): OrderKey {
    if (located.kind === "live") return liveKey(located.entry);
    return { endSec: this.#batch?.endSec(located.index) ?? 0, isLive: false, sequence: located.index };
  }

  #seededRecord(index: number): ConnectionReport {
    const batch = this.#batch;
    if (!batch) throw new Error("No seeded batch");
    return batch.record(index, this.#seededEdits.get(index));
  }

  #invalidate(): void {
    this.#matchCache.clear();
  }
}

function liveKey(entry: LiveReport): OrderKey {
  return { endSec: entry.endSec, isLive: true, sequence: entry.seq };
}

/** True when `key` comes after `cursor` in newest-first order, i.e. sorts below it. */
function isBefore(key: OrderKey, cursor: OrderKey): boolean {
  if (key.endSec !== cursor.endSec) return key.endSec < cursor.endSec;
  if (key.isLive !== cursor.isLive) return !key.isLive;
  return key.sequence < cursor.sequence;
}

function secondsOf(wireDate: string): number {
  return Math.floor((parseWireDate(wireDate) ?? 0) / 1000);
}

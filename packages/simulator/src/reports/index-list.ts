/** An ascending list of record indices that can be binary-searched: the matches of one filter. */
export interface IndexList {
  readonly length: number;
  at(position: number): number;
  /** The first position whose index is ≥ `index`. */
  lowerBound(index: number): number;
}

/** Every index in [0, count): the unfiltered case, with nothing materialised. */
export function createRangeList(count: number): IndexList {
  return {
    length: count,
    at: (position) => position,
    lowerBound: (index) => Math.min(count, Math.max(0, index)),
  };
}

export function createArrayList(indices: Int32Array): IndexList {
  return {
    length: indices.length,
    at: (position) => indices[position] ?? -1,
    lowerBound: (index) => {
      let low = 0;
      let high = indices.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((indices[middle] ?? 0) < index) low = middle + 1;
        else high = middle;
      }
      return low;
    },
  };
}

export const EMPTY_LIST: IndexList = createRangeList(0);

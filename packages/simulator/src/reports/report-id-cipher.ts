import { mix32 } from "../random.js";

/**
 * Seeded reports are never stored, yet `GET /reports/connections/{id}` and `offset_id` must
 * find them by id. A small Feistel network turns the record index into 64 random-looking bits
 * inside the UUID and back again, so an id decodes to its index without a lookup table.
 */
const ROUNDS = 4;

export class ReportIdCipher {
  readonly #keys: Uint32Array;

  constructor(seed: number) {
    this.#keys = Uint32Array.from({ length: ROUNDS }, (_, round) =>
      mix32(seed + Math.imul(round + 1, 0x27d4eb2f)),
    );
  }

  /** The high and low 32 bits for `index`; written into `out` because ids are made per record read. */
  encrypt(index: number, out: Uint32Array): void {
    let left = 0;
    let right = index >>> 0;
    for (let round = 0; round < ROUNDS; round++) {
      const next = (left ^ mix32(right ^ (this.#keys[round] ?? 0))) >>> 0;
      left = right;
      right = next;
    }
    out[0] = left;
    out[1] = right;
  }

  /** The index hidden in (high, low), or undefined when the bits were not made by `encrypt`. */
  decrypt(high: number, low: number): number | undefined {
    let left = high >>> 0;
    let right = low >>> 0;
    for (let round = ROUNDS - 1; round >= 0; round--) {
      const previous = (right ^ mix32(left ^ (this.#keys[round] ?? 0))) >>> 0;
      right = left;
      left = previous;
    }
    return left === 0 ? right : undefined;
  }
}

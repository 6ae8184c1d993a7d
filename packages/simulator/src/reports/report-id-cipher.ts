import { mix32 } from "../random.js";

/**
 * Seeded reports are never stored, yet `GET /reports/connections/{id}` and `offset_id` must
 * find them by id. A small Feistel network turns the record index into 64 random-looking bits
 * inside the UUID and back again, so an id decodes to its index without a lookup table.
 */
const ROUNDS = 4;

export class ReportIdCipher {
  readonly #keys: number[];

  constructor(seed: number) {
    this.#keys = Array.from({ length: ROUNDS }, (_, round) => mix32(seed + Math.imul(round + 1, 0x27d4eb2f)));
  }

  encrypt(index: number): [high: number, low: number] {
    let left = 0;
    let right = index >>> 0;
    for (const key of this.#keys) [left, right] = [right, (left ^ mix32(right ^ key)) >>> 0];
    return [left, right];
  }

  /** The index hidden in (high, low), or undefined when the bits were not made by `encrypt`. */
  decrypt(high: number, low: number): number | undefined {
    let left = high >>> 0;
    let right = low >>> 0;
    for (let round = ROUNDS - 1; round >= 0; round--) {
      const key = this.#keys[round] ?? 0;
      [left, right] = [(right ^ mix32(left ^ key)) >>> 0, left];
    }
    return left === 0 ? right : undefined;
  }
}

/**
 * Deterministic randomness. Everything the simulator invents (ids, tokens, codes, seeded
 * records) comes from a seed, so the same seed reproduces the same world.
 */

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Murmur3's 32-bit finaliser: spreads the bits of an integer. */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A stable 32-bit hash of (seed, index, salt): the on-demand source of a seeded record's fields. */
export function hashOf(seed: number, index: number, salt: number): number {
  return mix32(mix32(seed ^ Math.imul(salt + 1, 0x9e3779b9)) ^ mix32(index + Math.imul(salt, 0x632be5ab)));
}

/** A sequential generator (mulberry32) for things created while the simulator runs. */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = mix32(seed) || 0x6d2b79f5;
  }

  /** Where the sequence stands: a saved simulator resumes it, so it invents no token twice. */
  get position(): number {
    return this.#state;
  }

  resumeAt(position: number): void {
    if (!Number.isInteger(position)) throw new Error(`Not a random position: ${String(position)}`);
    this.#state = position;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) | 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  alphanumeric(length: number): string {
    let text = "";
    for (let i = 0; i < length; i++) text += ALPHANUMERIC.charAt(this.integer(0, ALPHANUMERIC.length - 1));
    return text;
  }

  /** Digits without a leading zero, like TeamViewer ids and token prefixes. */
  digits(length: number): string {
    let text = String(this.integer(1, 9));
    for (let i = 1; i < length; i++) text += String(this.integer(0, 9));
    return text;
  }

  /** A version-4 shaped UUID (connection-report ids are UUIDs, docs/teamviewer-api.md, "Conventions on the wire"). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.integer(0, 15).toString(16));
    hex[12] = "4";
    hex[16] = (8 + this.integer(0, 3)).toString(16);
    const text = hex.join("");
    return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
  }

  /** `12345678-AbCdEfGhIjKlMnOpQrSt`: the shape of access, refresh and script tokens (docs/teamviewer-api.md, "Conventions on the wire"). */
  token(): string {
    return `${this.digits(8)}-${this.alphanumeric(20)}`;
  }

  /** `123456-AbCdEfGhIjKlMnOpQrSt`: the shape of OAuth client ids. */
  clientId(): string {
    return `${this.digits(6)}-${this.alphanumeric(20)}`;
  }
}

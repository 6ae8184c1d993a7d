/**
 * Writes JSON straight into UTF-8 bytes. Report pages are the simulator's hot path: building a
 * page as a JavaScript string costs string ropes, flattening and a final UTF-8 encoding, which
 * together took longer than generating the records. Values from small domains are encoded once
 * (`encodeText`) and copied; digits are written as bytes.
 */

const encoder = new TextEncoder();
const ZERO = 48;
const HEX_CODES = Uint8Array.from("0123456789abcdef", (char) => char.charCodeAt(0));
/** Short copies are cheaper as a loop than through `TypedArray#set`. */
const SHORT_COPY = 16;

export function encodeText(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

export class JsonBytes {
  #bytes: Uint8Array<ArrayBuffer>;
  #length = 0;

  constructor(expectedLength: number) {
    this.#bytes = new Uint8Array(Math.max(64, expectedLength));
  }

  get length(): number {
    return this.#length;
  }

  /** Pre-encoded bytes, e.g. a fragment made with `encodeText`. */
  bytes(source: Uint8Array): this {
    this.#reserve(source.length);
    const target = this.#bytes;
    let at = this.#length;
    if (source.length > SHORT_COPY) target.set(source, at);
    else for (let index = 0; index < source.length; index++) target[at + index] = source[index] ?? 0;
    at += source.length;
    this.#length = at;
    return this;
  }

  /** Any text, encoded as UTF-8 on the way in: for the rare values that have no fragment. */
  text(source: string): this {
    this.#reserve(source.length * 3);
    this.#length += encoder.encodeInto(source, this.#bytes.subarray(this.#length)).written;
    return this;
  }

  byte(code: number): this {
    this.#reserve(1);
    this.#bytes[this.#length++] = code;
    return this;
  }

  /** A non-negative whole number in decimal. */
  uint(value: number): this {
    if (value < 10) return this.byte(ZERO + value);
    this.uint(Math.floor(value / 10));
    return this.byte(ZERO + (value % 10));
  }

  /** A number exactly as `JSON.stringify` writes it. */
  number(value: number): this {
    return Number.isInteger(value) && value >= 0 ? this.uint(value) : this.text(String(value));
  }

  /** `value` in exactly `width` decimal digits, zero-padded. */
  fixedDigits(value: number, width: number): this {
    this.#reserve(width);
    let rest = value;
    for (let position = this.#length + width - 1; position >= this.#length; position--) {
      this.#bytes[position] = ZERO + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.#length += width;
    return this;
  }

  /** `count` lower-case hex digits of a 32-bit value, starting `from` digits below the most significant. */
  hexDigits(value: number, from: number, count: number): this {
    this.#reserve(count);
    for (let digit = from, at = this.#length; digit < from + count; digit++, at++) {
      this.#bytes[at] = HEX_CODES[(value >>> (28 - 4 * digit)) & 15] ?? ZERO;
    }
    this.#length += count;
    return this;
  }

  /**
   * Room for `extra` more bytes: the buffer to write them into at `length`, then `advance`. For hot
   * writers (dates) that fill a fixed-width field in one go.
   */
  reserve(extra: number): Uint8Array<ArrayBuffer> {
    this.#reserve(extra);
    return this.#bytes;
  }

  advance(count: number): void {
    this.#length += count;
  }

  /** The written bytes (a view, not a copy). */
  finish(): Uint8Array<ArrayBuffer> {
    return this.#bytes.subarray(0, this.#length);
  }

  #reserve(extra: number): void {
    if (this.#length + extra <= this.#bytes.length) return;
    const grown = new Uint8Array(Math.max(this.#bytes.length * 2, this.#length + extra));
    grown.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = grown;
  }
}

/**
 * What an uploaded logo really is, read from its first bytes rather than from the name or type
 * the browser claims: a PNG renamed `.svg` is a PNG, an SVG renamed `.png` is refused. SVG is
 * never accepted because it can carry script. The size in pixels comes from the header too, so
 * nothing decodes the image.
 */

export const maxLogoBytes = 256 * 1024;
export const maxLogoSide = 1024;

export type LogoContentType = "image/png" | "image/jpeg" | "image/webp";

export type LogoCheck =
  | { kind: "ok"; contentType: LogoContentType; width: number; height: number }
  | { kind: "empty" }
  | { kind: "too-large" }
  | { kind: "not-an-image" }
  | { kind: "too-wide"; width: number; height: number };

interface Header {
  contentType: LogoContentType;
  width: number;
  height: number;
}

export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { kind: "empty" };
  if (bytes.length > maxLogoBytes) return { kind: "too-large" };
  const header = readPng(bytes) ?? readJpeg(bytes) ?? readWebp(bytes);
  if (header === undefined || header.width < 1 || header.height < 1) return { kind: "not-an-image" };
  if (header.width > maxLogoSide || header.height > maxLogoSide) {
    return { kind: "too-wide", width: header.width, height: header.height };
  }
  return { kind: "ok", ...header };
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, expected: readonly number[], at = 0): boolean {
  return expected.every((byte, index) => bytes[at + index] === byte);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

/** PNG: the signature, then the IHDR chunk with width and height (big-endian). */
function readPng(bytes: Uint8Array): Header | undefined {
  if (bytes.length < 24 || !startsWith(bytes, pngSignature) || ascii(bytes, 12, 4) !== "IHDR")
    return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { contentType: "image/png", width: view.getUint32(16), height: view.getUint32(20) };
}

/** Start-of-frame markers, which carry the size: C0–CF except DHT (C4), JPG (C8) and DAC (CC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** JPEG: walk the marker segments from SOI to the first start-of-frame. */
function readJpeg(bytes: Uint8Array): Header | undefined {
  if (!startsWith(bytes, [0xff, 0xd8, 0xff])) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 9 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (isStartOfFrame(marker)) {
      return { contentType: "image/jpeg", height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    // Standalone markers (RST0–7, TEM) have no length; every other one does.
    at += marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) ? 2 : 2 + view.getUint16(at + 2);
  }
  return undefined;
}

/** WebP: a RIFF container whose first chunk is lossy (VP8), lossless (VP8L) or extended (VP8X). */
function readWebp(bytes: Uint8Array): Header | undefined {
  if (bytes.length < 30 || ascii(bytes, 0, 4) !== "RIFF" || ascii(bytes, 8, 4) !== "WEBP") return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const byte = (at: number) => bytes[at] ?? 0;
  switch (ascii(bytes, 12, 4)) {
    case "VP8 ":
      return {
        contentType: "image/webp",
        width: view.getUint16(26, true) & 0x3fff,
        height: view.getUint16(28, true) & 0x3fff,
      };
    case "VP8L":
      if (byte(20) !== 0x2f) return undefined;
      return {
        contentType: "image/webp",
        width: 1 + (((byte(22) & 0x3f) << 8) | byte(21)),
        height: 1 + (((byte(24) & 0x0f) << 10) | (byte(23) << 2) | ((byte(22) & 0xc0) >> 6)),
      };
    case "VP8X":
      return {
        contentType: "image/webp",
        width: 1 + (byte(24) | (byte(25) << 8) | (byte(26) << 16)),
        height: 1 + (byte(27) | (byte(28) << 8) | (byte(29) << 16)),
      };
    default:
      return undefined;
  }
}

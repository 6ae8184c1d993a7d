import { describe, expect, it } from "vitest";
import { contrastWithWhite } from "../../src/brand/accent-colour.js";
import { checkLogo } from "../../src/brand/logo-image.js";
import { solidPng } from "../support/png-image.js";

/** SOI, an APP0 segment, then a baseline start-of-frame carrying height and width. */
function jpegHeader(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from("JFIF\0"), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...sof0, ...new Array(12).fill(0)]);
}

/** A RIFF/WEBP container whose first chunk is the extended header (VP8X) with the canvas size. */
function webpExtendedHeader(width: number, height: number): Uint8Array {
  const bytes = Buffer.alloc(30);
  bytes.write("RIFF", 0, "ascii");
  bytes.write("WEBP", 8, "ascii");
  bytes.write("VP8X", 12, "ascii");
  bytes.writeUIntLE(width - 1, 24, 3);
  bytes.writeUIntLE(height - 1, 27, 3);
  return bytes;
}

describe("checkLogo", () => {
  it("reads type and size from PNG, JPEG and WebP headers", () => {
    expect(checkLogo(solidPng(120, 40))).toEqual({
      kind: "ok",
      contentType: "image/png",
      width: 120,
      height: 40,
    });
    expect(checkLogo(jpegHeader(640, 480))).toEqual({
      kind: "ok",
      contentType: "image/jpeg",
      width: 640,
      height: 480,
    });
    expect(checkLogo(webpExtendedHeader(300, 100))).toEqual({
      kind: "ok",
      contentType: "image/webp",
      width: 300,
      height: 100,
    });
  });

  it("refuses SVG, HTML and anything else whatever it is called, and an empty file", () => {
    expect(checkLogo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')).kind).toBe("not-an-image");
    expect(checkLogo(Buffer.from("<!doctype html><script>alert(1)</script>")).kind).toBe("not-an-image");
    expect(checkLogo(Buffer.from("GIF89a")).kind).toBe("not-an-image");
    expect(checkLogo(new Uint8Array(0)).kind).toBe("empty");
  });

  it("refuses a JPEG or WebP wider or taller than 1024 pixels", () => {
    expect(checkLogo(jpegHeader(2048, 100))).toEqual({ kind: "too-wide", width: 2048, height: 100 });
    expect(checkLogo(webpExtendedHeader(100, 1025))).toEqual({ kind: "too-wide", width: 100, height: 1025 });
  });
});

describe("contrastWithWhite", () => {
  it("measures white text from 21:1 on black to 1:1 on white, as WCAG 2.2 does", () => {
    expect(contrastWithWhite("#000000")).toBeCloseTo(21, 5);
    expect(contrastWithWhite("#ffffff")).toBeCloseTo(1, 5);
    expect(contrastWithWhite("#0a5bd3")).toBeGreaterThan(4.5);
    expect(contrastWithWhite("#ffeb3b")).toBeLessThan(4.5);
  });
});

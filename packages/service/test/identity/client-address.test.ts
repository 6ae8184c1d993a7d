import { describe, expect, it } from "vitest";
import { resolveClientAddress } from "../../src/identity/client-address.js";
import { parseNetworkList } from "../../src/webhooks/network-address.js";

const proxies = parseNetworkList("10.0.0.0/8,fd00::/8");

describe("client address", () => {
  it("is the TCP peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(resolveClientAddress("203.0.113.9", "198.51.100.4", [])).toBe("203.0.113.9");
  });

  it("is the TCP peer when the peer is not a trusted proxy", () => {
    expect(resolveClientAddress("203.0.113.9", "198.51.100.4", proxies)).toBe("203.0.113.9");
  });

  it("is the right-most forwarded address that is not a trusted proxy, so entries a client forged on the left are ignored", () => {
    expect(resolveClientAddress("10.0.0.2", "1.2.3.4, 198.51.100.4, 10.0.0.1", proxies)).toBe("198.51.100.4");
  });

  it("understands IPv6 proxies and clients", () => {
    expect(resolveClientAddress("fd00::2", "2001:db8::7", proxies)).toBe("2001:db8::7");
  });

  it("stops at the proxy when a forwarded entry is not an IP address", () => {
    expect(resolveClientAddress("10.0.0.2", "198.51.100.4, unknown", proxies)).toBe("10.0.0.2");
  });

  it("is the left-most address when every hop is a trusted proxy", () => {
    expect(resolveClientAddress("10.0.0.2", "10.9.9.9, 10.0.0.1", proxies)).toBe("10.9.9.9");
  });

  it("is the peer when a trusted proxy sent no X-Forwarded-For, and null without a socket", () => {
    expect(resolveClientAddress("10.0.0.2", undefined, proxies)).toBe("10.0.0.2");
    expect(resolveClientAddress(null, "198.51.100.4", proxies)).toBeNull();
  });
});

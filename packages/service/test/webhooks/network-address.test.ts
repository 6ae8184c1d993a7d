import { describe, expect, it } from "vitest";
import {
  type AddressCategory,
  classifyAddress,
  embeddedIPv4,
  isAddressPermitted,
  parseIpAddress,
  parseNetwork,
  parseNetworkList,
} from "../../src/webhooks/network-address.js";
import { checkWebhookUrl } from "../../src/webhooks/webhook-target.js";

function categoryOf(text: string): AddressCategory {
  const address = parseIpAddress(text);
  if (address === undefined) throw new Error(`${text} did not parse`);
  return classifyAddress(address);
}

describe("classifyAddress", () => {
  const cases: [string, AddressCategory][] = [
    // IPv4
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["100.63.255.255", "public"],
    ["100.64.0.1", "cgnat"],
    ["100.127.255.255", "cgnat"],
    ["100.128.0.0", "public"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["169.254.169.254", "link-local"],
    ["172.15.255.255", "public"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.0", "public"],
    ["192.0.0.8", "reserved"],
    ["192.0.2.1", "reserved"],
    ["192.168.1.1", "private"],
    ["198.18.0.1", "reserved"],
    ["198.51.100.7", "reserved"],
    ["203.0.113.9", "reserved"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
    ["93.184.215.14", "public"],
    // IPv6
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf:ffff::1", "link-local"],
    ["fec0::1", "private"],
    ["fc00::1", "private"],
    ["fd12:3456:789a::1", "private"],
    ["ff02::1", "multicast"],
    ["ff0e::101", "multicast"],
    ["2001:db8::1", "reserved"],
    ["100::1", "reserved"],
    ["64:ff9b:1::a00:1", "private"],
    ["2606:4700:4700::1111", "public"],
    ["2a00:1450:4001:82a::200e", "public"],
    // IPv4 inside IPv6: judged by the IPv4 address
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::FFFF:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "link-local"],
    ["::ffff:100.64.0.1", "cgnat"],
    ["::ffff:8.8.8.8", "public"],
    ["0:0:0:0:0:ffff:192.168.0.1", "private"],
    ["64:ff9b::127.0.0.1", "loopback"],
    ["64:ff9b::808:808", "public"],
    ["2002:7f00:1::", "loopback"],
    ["2002:c0a8:101::1", "private"],
    ["2002:808:808::1", "public"],
    ["::127.0.0.1", "reserved"],
    ["[::1]", "loopback"],
  ];
  it.each(cases)("%s is %s", (text, category) => {
    expect(categoryOf(text)).toBe(category);
  });

  // Every IPv6 form that carries an IPv4 address is judged by that address; every special-purpose
  // range that is not global unicast (2000::/3 less its IETF, documentation and Teredo parts) is
  // refused.
  const embeddedAndSpecialCases: [string, AddressCategory][] = [
    // IPv4-mapped ::ffff:0:0/96, in every spelling
    ["::ffff:7f00:1", "loopback"],
    ["0:0:0:0:0:ffff:7f00:1", "loopback"],
    ["::ffff:a9fe:a9fe", "link-local"],
    // IPv4-translated ::ffff:0:0:0/96 (RFC 2765)
    ["::ffff:0:7f00:1", "loopback"],
    ["::ffff:0:127.0.0.1", "loopback"],
    ["::ffff:0:a00:1", "private"],
    ["::ffff:0:808:808", "public"],
    // NAT64 well-known prefix 64:ff9b::/96 and local-use 64:ff9b:1::/48
    ["64:ff9b::a9fe:a9fe", "link-local"],
    ["64:ff9b::c0a8:101", "private"],
    ["64:ff9b:1::808:808", "private"],
    ["64:ff9b:1:ffff::1", "private"],
    // 6to4 2002::/16: the IPv4 address sits in bits 16-47
    ["2002:a9fe:a9fe::1", "link-local"],
    ["2002:a00:1:ffff::1", "private"],
    ["2002:6440:1::", "cgnat"],
    // Teredo 2001::/32 and the rest of the IETF protocol block 2001::/23
    ["2001::1", "reserved"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "reserved"],
    ["2001:2::1", "reserved"],
    ["2001:10::1", "reserved"],
    ["2001:20::1", "reserved"],
    ["2001:1ff:ffff::1", "reserved"],
    ["2001:200::1", "public"],
    // Documentation 2001:db8::/32 and 3fff::/20
    ["2001:db8:ffff::1", "reserved"],
    ["3fff::1", "reserved"],
    ["3fff:fff:ffff::1", "reserved"],
    ["3fff:1000::1", "public"],
    // Outside global unicast 2000::/3: IPv4-compatible, discard-only, SRv6 SIDs, unassigned
    ["::a00:1", "reserved"],
    ["::1:0:0:1", "reserved"],
    ["100::1", "reserved"],
    ["100:0:0:1::1", "reserved"],
    ["5f00::1", "reserved"],
    ["4000::1", "reserved"],
    ["e000::1", "reserved"],
    ["1fff:ffff::1", "reserved"],
  ];
  it.each(embeddedAndSpecialCases)(
    "judges the embedded IPv4 address or refuses the special range: %s is %s",
    (text, category) => {
      expect(categoryOf(text)).toBe(category);
    },
  );

  it("parses nothing that is not an IP literal", () => {
    for (const text of [
      "localhost",
      "example.com",
      "1.2.3",
      "256.1.1.1",
      "1.2.3.4.5",
      "::g",
      "1::2::3",
      "",
      "0x7f.1",
    ]) {
      expect(parseIpAddress(text), text).toBeUndefined();
    }
  });

  it("finds the IPv4 address in mapped, translated, NAT64 and 6to4 forms only", () => {
    const v4 = (text: string) => {
      const address = parseIpAddress(text);
      const embedded = address === undefined ? undefined : embeddedIPv4(address);
      return embedded === undefined ? undefined : Number(embedded.value);
    };
    expect(v4("::ffff:1.2.3.4")).toBe(0x01020304);
    expect(v4("64:ff9b::1.2.3.4")).toBe(0x01020304);
    expect(v4("2002:102:304::")).toBe(0x01020304);
    expect(v4("::ffff:0:102:304")).toBe(0x01020304);
    expect(v4("2001:db8::1.2.3.4")).toBeUndefined();
    expect(v4("1.2.3.4")).toBeUndefined();
  });
});

describe("isAddressPermitted", () => {
  const permitted = (address: string, networks: string) => {
    const parsed = parseIpAddress(address);
    if (parsed === undefined) throw new Error(address);
    return isAddressPermitted(parsed, parseNetworkList(networks));
  };

  it("permits public addresses and refuses every other category by default", () => {
    expect(permitted("8.8.8.8", "")).toBe(true);
    expect(permitted("2606:4700:4700::1111", "")).toBe(true);
    for (const address of [
      "127.0.0.1",
      "10.0.0.1",
      "100.64.0.1",
      "169.254.169.254",
      "224.0.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "ff02::1",
      "::ffff:127.0.0.1",
    ]) {
      expect(permitted(address, ""), address).toBe(false);
    }
  });

  it("permits a non-public address inside an allowed network, and only there", () => {
    expect(permitted("127.0.0.1", "127.0.0.1/32")).toBe(true);
    expect(permitted("127.0.0.2", "127.0.0.1/32")).toBe(false);
    expect(permitted("10.20.3.4", "10.20.0.0/16")).toBe(true);
    expect(permitted("10.21.0.1", "10.20.0.0/16")).toBe(false);
    expect(permitted("fd00::5", "fd00::/8")).toBe(true);
    expect(permitted("::1", "127.0.0.1/32")).toBe(false);
    expect(permitted("::1", "::1")).toBe(true);
  });

  it("matches an IPv4-mapped address against IPv4 networks", () => {
    expect(permitted("::ffff:127.0.0.1", "127.0.0.0/8")).toBe(true);
    expect(permitted("::ffff:10.0.0.1", "127.0.0.0/8")).toBe(false);
  });

  it("matches an IPv4-translated, NAT64 or 6to4 address against IPv4 networks, and only its own", () => {
    expect(permitted("::ffff:0:7f00:1", "127.0.0.0/8")).toBe(true);
    expect(permitted("64:ff9b::a00:1", "10.0.0.0/8")).toBe(true);
    expect(permitted("2002:a00:1::1", "10.0.0.0/8")).toBe(true);
    expect(permitted("::ffff:0:7f00:1", "10.0.0.0/8")).toBe(false);
  });

  it("refuses Teredo and documentation addresses unless their own IPv6 network is allowed", () => {
    expect(permitted("2001::1", "")).toBe(false);
    expect(permitted("2001:0:4136:e378:8000:63bf:3fff:fdd2", "0.0.0.0/0")).toBe(false);
    expect(permitted("3fff::1", "")).toBe(false);
    expect(permitted("2001::1", "2001::/32")).toBe(true);
  });
});

describe("parseNetwork and parseNetworkList", () => {
  it("reads CIDR networks, masking host bits, and single hosts", () => {
    expect(parseNetwork("10.1.2.3/8")).toMatchObject({ family: 4, prefixLength: 8, base: 0x0a000000n });
    expect(parseNetwork("127.0.0.1")).toMatchObject({ family: 4, prefixLength: 32 });
    expect(parseNetwork("fd00::/8")).toMatchObject({ family: 6, prefixLength: 8 });
    expect(parseNetworkList(" 127.0.0.1/32 , ::1/128,")).toHaveLength(2);
  });

  it("refuses malformed entries, naming them", () => {
    for (const bad of [
      "10.0.0.0/33",
      "::/129",
      "10.0.0.0/-1",
      "10.0.0.0/8/8",
      "example.com/24",
      "10.0.0.0/a",
      "fe80::1%eth0/64",
    ]) {
      expect(parseNetwork(bad), bad).toBeUndefined();
      expect(() => parseNetworkList(`127.0.0.1/32,${bad}`)).toThrow(bad);
    }
  });
});

describe("checkWebhookUrl", () => {
  const loopback = parseNetworkList("127.0.0.1/32");
  it("accepts https URLs to names and public addresses, dropping the fragment", () => {
    const checked = checkWebhookUrl("https://hooks.example.com/in?x=1#frag", []);
    expect(checked).toMatchObject({ isValid: true });
    if (checked.isValid) expect(checked.url.toString()).toBe("https://hooks.example.com/in?x=1");
    expect(checkWebhookUrl("https://8.8.8.8/in", [])).toMatchObject({ isValid: true });
  });

  it.each([
    ["hooks.example.com/in", "invalid-url"],
    ["ftp://hooks.example.com/in", "unsupported-scheme"],
    ["javascript:alert(1)", "unsupported-scheme"],
    ["https://user:secret@hooks.example.com/", "credentials-in-url"],
    ["http://hooks.example.com/in", "https-required"],
    ["https://127.0.0.1/in", "private-address"],
    ["https://[::ffff:127.0.0.1]/in", "private-address"],
    ["https://[fd00::1]/in", "private-address"],
    ["https://169.254.169.254/latest/meta-data", "private-address"],
    ["https://100.64.1.1/", "private-address"],
    ["https://[::ffff:0:7f00:1]/in", "private-address"],
    ["https://[2001::1]/in", "private-address"],
    ["https://[64:ff9b::a9fe:a9fe]/latest/meta-data", "private-address"],
    ["https://[2002:7f00:1::1]/in", "private-address"],
    ["https://[2001:db8::1]/in", "private-address"],
    ["https://[3fff::1]/in", "private-address"],
  ])("refuses %s (%s)", (url, problem) => {
    expect(checkWebhookUrl(url, [])).toEqual({ isValid: false, problem });
  });

  it("allows plain http and private addresses only where the operator allowed a network", () => {
    expect(checkWebhookUrl("http://127.0.0.1:8080/in", loopback)).toMatchObject({ isValid: true });
    expect(checkWebhookUrl("https://10.0.0.1/in", loopback)).toEqual({
      isValid: false,
      problem: "private-address",
    });
  });
});

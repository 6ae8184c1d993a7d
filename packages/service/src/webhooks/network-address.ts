/**
 * Which IP addresses a webhook may be sent to. A webhook URL is chosen by an organisation admin,
 * so without this check Attendant could be made to POST into its own network (SSRF): loopback,
 * private ranges, cloud metadata (169.254.169.254), CGNAT and so on are refused unless the
 * operator allows a network with ATTENDANT_WEBHOOK_ALLOWED_PRIVATE_NETWORKS.
 *
 * IPv6 forms that carry an IPv4 address (IPv4-mapped `::ffff:0:0/96`, IPv4-translated
 * `::ffff:0:0:0/96`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are judged by that IPv4 address, so
 * `::ffff:0:7f00:1` is loopback too. Every other IPv6 address is public only inside global unicast
 * (2000::/3) and outside its special-purpose blocks: Teredo and the rest of the IETF protocol block
 * 2001::/23 (Teredo hides its IPv4 address, and a relay would carry the request), documentation
 * (2001:db8::/32, 3fff::/20) and the returned 6bone 3ffe::/16. So a new special range outside
 * 2000::/3 is refused without anyone having to list it here.
 *
 * The ranges are plain prefix tables rather than `node:net` BlockList: the embedded IPv4 address
 * has to be taken out of the 128-bit value anyway, and BlockList decodes only the mapped form.
 */
import { isIPv4, isIPv6 } from "node:net";

export type AddressCategory =
  | "public"
  | "unspecified"
  | "loopback"
  | "private"
  | "link-local"
  | "cgnat"
  | "multicast"
  /** Documentation, benchmarking, broadcast and other ranges no receiver lives in. */
  | "reserved";

export interface ParsedAddress {
  family: 4 | 6;
  /** The address as an unsigned integer (32 or 128 bits). */
  value: bigint;
}

/** A network in CIDR notation, e.g. `127.0.0.1/32` or `fd00::/8`. */
export interface Network {
  family: 4 | 6;
  base: bigint;
  prefixLength: number;
  /** As written in the configuration, for messages. */
  text: string;
}

interface Range {
  network: Network;
  category: Exclude<AddressCategory, "public">;
}

/** Parses an IPv4 or IPv6 literal (an IPv6 zone like `%eth0` is ignored); undefined if not one. */
export function parseIpAddress(text: string): ParsedAddress | undefined {
  const address = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const withoutZone = address.split("%", 1)[0] ?? "";
  if (isIPv4(withoutZone)) return { family: 4, value: parseIPv4(withoutZone) };
  if (isIPv6(withoutZone)) return { family: 6, value: parseIPv6(withoutZone) };
  return undefined;
}

function parseIPv4(text: string): bigint {
  return text.split(".").reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

function parseIPv6(text: string): bigint {
  let source = text.toLowerCase();
  // A trailing dotted IPv4 (`::ffff:1.2.3.4`) stands for the last two groups.
  const lastColon = source.lastIndexOf(":");
  const tail = source.slice(lastColon + 1);
  if (tail.includes(".")) {
    const v4 = parseIPv4(tail);
    source = `${source.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = "", rest] = source.split("::", 2);
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = rest === undefined || rest === "" ? [] : rest.split(":");
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups =
    rest === undefined ? headGroups : [...headGroups, ...Array(missing).fill("0"), ...tailGroups];
  return groups.reduce((value, group) => (value << 16n) | BigInt(Number.parseInt(group, 16)), 0n);
}

/** Parses `address/prefix` (a bare address means a single host); undefined if malformed. */
export function parseNetwork(text: string): Network | undefined {
  const [addressText = "", prefixText, extra] = text.trim().split("/");
  if (extra !== undefined) return undefined;
  const address = parseIpAddress(addressText);
  if (address === undefined || addressText.includes("%")) return undefined;
  const bits = address.family === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefixLength = prefixText === undefined ? bits : Number(prefixText);
  if (prefixLength > bits) return undefined;
  return {
    family: address.family,
    base: address.value & maskOf(bits, prefixLength),
    prefixLength,
    text: text.trim(),
  };
}

function maskOf(bits: number, prefixLength: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return all ^ ((1n << BigInt(bits - prefixLength)) - 1n);
}

export function isInNetwork(address: ParsedAddress, network: Network): boolean {
  if (address.family !== network.family) return false;
  const bits = address.family === 4 ? 32 : 128;
  return (address.value & maskOf(bits, network.prefixLength)) === network.base;
}

const range = (cidr: string, category: Range["category"]): Range => {
  const network = parseNetwork(cidr);
  if (network === undefined) throw new Error(`bad built-in range ${cidr}`);
  return { network, category };
};

// Order matters only where ranges nest: the first match wins.
const ipv4Ranges: readonly Range[] = [
  range("0.0.0.0/8", "unspecified"),
  range("10.0.0.0/8", "private"),
  range("100.64.0.0/10", "cgnat"),
  range("127.0.0.0/8", "loopback"),
  range("169.254.0.0/16", "link-local"),
  range("172.16.0.0/12", "private"),
  range("192.0.0.0/24", "reserved"),
  range("192.0.2.0/24", "reserved"),
  range("192.88.99.0/24", "reserved"),
  range("192.168.0.0/16", "private"),
  range("198.18.0.0/15", "reserved"),
  range("198.51.100.0/24", "reserved"),
  range("203.0.113.0/24", "reserved"),
  range("224.0.0.0/4", "multicast"),
  range("240.0.0.0/4", "reserved"),
];

const ipv6Ranges: readonly Range[] = [
  range("::/128", "unspecified"),
  range("::1/128", "loopback"),
  // The deprecated IPv4-compatible form; nothing legitimate uses it any more.
  range("::/96", "reserved"),
  // Local-use NAT64 (RFC 8215): the operator's own translator, whatever IPv4 address it carries.
  range("64:ff9b:1::/48", "private"),
  range("fc00::/7", "private"),
  range("fe80::/10", "link-local"),
  range("fec0::/10", "private"),
  range("ff00::/8", "multicast"),
  // Teredo 2001::/32 and the other IETF protocol assignments (benchmarking, ORCHID).
  range("2001::/23", "reserved"),
  range("2001:db8::/32", "reserved"),
  range("3fff::/20", "reserved"),
  range("3ffe::/16", "reserved"),
];

/** Global unicast: an IPv6 address outside it that no range above names is reserved. */
const globalUnicast = parseNetwork("2000::/3") as Network;

/** Prefixes whose last 32 bits are the IPv4 address: mapped, translated (RFC 2765), NAT64. */
const lowBitsIPv4Prefixes = ["::ffff:0:0/96", "::ffff:0:0:0/96", "64:ff9b::/96"].map(
  (cidr) => parseNetwork(cidr) as Network,
);
const sixToFourPrefix = parseNetwork("2002::/16") as Network;

/** The IPv4 address an IPv6 address stands for (mapped, translated, NAT64, 6to4), if any. */
export function embeddedIPv4(address: ParsedAddress): ParsedAddress | undefined {
  if (address.family !== 6) return undefined;
  if (lowBitsIPv4Prefixes.some((prefix) => isInNetwork(address, prefix))) {
    return { family: 4, value: address.value & 0xffffffffn };
  }
  if (isInNetwork(address, sixToFourPrefix))
    return { family: 4, value: (address.value >> 80n) & 0xffffffffn };
  return undefined;
}

/** What kind of address this is; only "public" ones are webhook targets by default. */
export function classifyAddress(address: ParsedAddress): AddressCategory {
  const v4 = embeddedIPv4(address);
  if (v4 !== undefined) return classifyAddress(v4);
  const ranges = address.family === 4 ? ipv4Ranges : ipv6Ranges;
  const listed = ranges.find((candidate) => isInNetwork(address, candidate.network))?.category;
  if (listed !== undefined) return listed;
  return address.family === 6 && !isInNetwork(address, globalUnicast) ? "reserved" : "public";
}

/**
 * Whether a webhook may connect to `address`: public addresses always; others only inside a
 * network the operator allowed (an embedded IPv4 address is matched against IPv4 networks too).
 */
export function isAddressPermitted(address: ParsedAddress, allowedNetworks: readonly Network[]): boolean {
  if (classifyAddress(address) === "public") return true;
  const v4 = embeddedIPv4(address);
  return allowedNetworks.some(
    (network) => isInNetwork(address, network) || (v4 !== undefined && isInNetwork(v4, network)),
  );
}

/** Parses a comma-separated list of networks; throws with the first bad entry. */
export function parseNetworkList(text: string): Network[] {
  return text
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => {
      const network = parseNetwork(entry);
      if (network === undefined) throw new Error(`"${entry}" is not a network like 127.0.0.1/32 or fd00::/8`);
      return network;
    });
}

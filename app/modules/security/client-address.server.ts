import { isIPv4, isIPv6 } from "node:net";

/**
 * The client address that per-IP rate limits count. IPv4 as it is (also when written as
 * `::ffff:a.b.c.d`); IPv6 cut to its /64 network: one connection usually gets a whole /64 and can
 * pick a new address in it for every request, which would otherwise mean a fresh budget each time.
 */
export function clientAddress(ip: string): string {
  const address = ip.trim().replace(/%.*$/, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(address)) return address;
  return `${hextets(address).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros ("2001:db8:0:0:…"). */
function hextets(address: string): string[] {
  let text = address.toLowerCase();
  // An IPv4 tail (64:ff9b::192.0.2.1) counts as two groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const front = head ? head.split(":") : [];
  const back = tail === undefined ? [] : tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - front.length - back.length).fill("0");
  return [...front, ...zeros, ...back].map((g) => (Number.parseInt(g, 16) || 0).toString(16));
}

import { BlockList, isIP } from 'node:net'

/**
 * What kind of address an IP is, for the SSRF guard. `public` is everything not listed here (globally
 * routable unicast); `reserved` covers documentation, benchmarking, IETF-protocol and unallocated space.
 */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'unspecified'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'metadata'

type Range = readonly [AddressClass, string, number]

// Checked class by class in the order of first appearance, so the exact metadata hosts come before the
// link-local and private ranges that contain them, and broadcast before 240.0.0.0/4.
const ipv4Ranges: readonly Range[] = [
  ['metadata', '169.254.169.254', 32], // AWS, GCP, Azure, OpenStack, DigitalOcean, Oracle instance metadata
  ['metadata', '169.254.170.2', 32], // AWS ECS task credentials
  ['metadata', '169.254.170.23', 32], // AWS EKS Pod Identity
  ['metadata', '100.100.100.200', 32], // Alibaba Cloud
  ['metadata', '168.63.129.16', 32], // Azure WireServer
  ['metadata', '192.0.0.192', 32], // Oracle Cloud (older instances)
  ['unspecified', '0.0.0.0', 8], // "this network": connecting to 0.0.0.0 reaches the local host
  ['loopback', '127.0.0.0', 8],
  ['private', '10.0.0.0', 8],
  ['private', '172.16.0.0', 12],
  ['private', '192.168.0.0', 16],
  ['link-local', '169.254.0.0', 16],
  ['cgnat', '100.64.0.0', 10], // shared address space (carrier NAT, Tailscale)
  ['broadcast', '255.255.255.255', 32],
  ['multicast', '224.0.0.0', 4],
  ['reserved', '192.0.0.0', 24], // IETF protocol assignments
  ['reserved', '192.0.2.0', 24], // documentation (TEST-NET-1)
  ['reserved', '192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['reserved', '198.18.0.0', 15], // benchmarking
  ['reserved', '198.51.100.0', 24], // documentation (TEST-NET-2)
  ['reserved', '203.0.113.0', 24], // documentation (TEST-NET-3)
  ['reserved', '240.0.0.0', 4], // reserved for future use
]

// IPv6 forms that embed an IPv4 address are classified by that address first (see embeddedIpv4Class).
const ipv6Ranges: readonly Range[] = [
  ['metadata', 'fd00:ec2::254', 128], // AWS instance metadata over IPv6
  ['metadata', 'fd00:ec2::23', 128], // AWS EKS Pod Identity over IPv6
  ['unspecified', '::', 128],
  ['loopback', '::1', 128],
  ['private', 'fc00::', 7], // unique local
  ['private', 'fec0::', 10], // site-local (deprecated)
  ['private', '64:ff9b:1::', 48], // local-use NAT64
  ['link-local', 'fe80::', 10],
  ['multicast', 'ff00::', 8],
  ['reserved', '::', 8], // IETF reserved, incl. the deprecated IPv4-compatible ::a.b.c.d
  ['reserved', '100::', 64], // discard-only
  ['reserved', '2001::', 23], // IETF protocol assignments: Teredo, benchmarking (2001:2::/48), ORCHID
  ['reserved', '2001:db8::', 32], // documentation
  ['reserved', '3fff::', 20], // documentation
]

function buildLists(ranges: readonly Range[], family: 'ipv4' | 'ipv6'): Array<[AddressClass, BlockList]> {
  const lists = new Map<AddressClass, BlockList>()
  for (const [addressClass, network, prefix] of ranges) {
    if (!lists.has(addressClass)) lists.set(addressClass, new BlockList())
    lists.get(addressClass)!.addSubnet(network, prefix, family)
  }
  return [...lists]
}

const ipv4Lists = buildLists(ipv4Ranges, 'ipv4')
const ipv6Lists = buildLists(ipv6Ranges, 'ipv6')
const globalUnicast = new BlockList()
globalUnicast.addSubnet('2000::', 3, 'ipv6')

/**
 * Classifies an IP address in its canonical text form (as DNS answers and the WHATWG URL parser give it):
 * IPv4 dotted decimal, or IPv6 with or without brackets and zone. Throws a TypeError for anything that is
 * not an IP address; host names are resolved before they get here.
 */
export function classifyAddress(address: string): AddressClass {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '')
  const family = isIP(bare)
  if (family === 4) return firstMatch(ipv4Lists, bare, 'ipv4') ?? 'public'
  if (family === 6) return classifyIpv6(bare)
  throw new TypeError(`Not an IP address: "${address}"`)
}

function classifyIpv6(address: string): AddressClass {
  const groups = ipv6Groups(address)
  const embedded = embeddedIpv4Class(groups)
  if (embedded) return embedded
  const listed = firstMatch(ipv6Lists, address, 'ipv6')
  if (listed) return listed
  return globalUnicast.check(address, 'ipv6') ? 'public' : 'reserved'
}

/** IPv4-mapped, IPv4-translated, NAT64 and 6to4 addresses reach the IPv4 address inside them. */
function embeddedIpv4Class(groups: number[]): AddressClass | undefined {
  const zeros = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0)
  const ipv4 = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`
  if (zeros(0, 5) && groups[5] === 0xffff) return classifyAddress(ipv4(groups[6]!, groups[7]!)) // ::ffff:a.b.c.d
  if (zeros(0, 4) && groups[4] === 0xffff && groups[5] === 0) return classifyAddress(ipv4(groups[6]!, groups[7]!)) // ::ffff:0:a.b.c.d
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return classifyAddress(ipv4(groups[6]!, groups[7]!)) // 64:ff9b::a.b.c.d
  if (groups[0] === 0x2002) {
    const inner = classifyAddress(ipv4(groups[1]!, groups[2]!)) // 2002:AABB:CCDD::/48
    return inner === 'public' ? undefined : inner
  }
  if (zeros(0, 6) && groups[6]! > 0xff) {
    const inner = classifyAddress(ipv4(groups[6]!, groups[7]!)) // ::a.b.c.d, deprecated
    return inner === 'public' ? 'reserved' : inner
  }
  return undefined
}

/** The eight 16-bit groups of a valid IPv6 address (with `::` and a dotted IPv4 tail expanded). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase()
  const tail: number[] = []
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number]
    tail.push((a << 8) | b, (c << 8) | d)
    text = text.slice(0, dotted.index)
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1)
  }
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)))
  const [head = '', rest] = text.split('::')
  const before = parse(head)
  const after = [...(rest === undefined ? [] : parse(rest)), ...tail]
  const missing = 8 - before.length - after.length
  return [...before, ...Array<number>(Math.max(missing, 0)).fill(0), ...after]
}

function firstMatch(lists: Array<[AddressClass, BlockList]>, address: string, family: 'ipv4' | 'ipv6'): AddressClass | undefined {
  return lists.find(([, list]) => list.check(address, family))?.[0]
}

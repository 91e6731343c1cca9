import { OK, refuse, type Verdict } from './verdict'

/**
 * IPv4 and IPv6 networks in CIDR notation, one rule for the console forms and the embedded
 * cloud (instance `access.allowed_cidrs`). A bare address is a host route (/32 or /128), as
 * Trove's pattern (prefix optional) and Neutron's remote_ip_prefix accept it. Not accepted:
 * leading zeros in IPv4 octets (ambiguous: octal to some parsers), IPv6 zone ids (`%eth0`),
 * prefixes beyond 32 / 128, surrounding spaces.
 */
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const IPV4_RE = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`)

export function isIpv4(value: string): boolean {
  return IPV4_RE.test(value)
}

/** An IPv6 address (full, compressed, or with an embedded IPv4 tail); no zone id. */
export function isIpv6(value: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(value) || !value.includes(':')) return false
  let text = value
  let extra = 0
  const lastColon = text.lastIndexOf(':')
  const tail = text.slice(lastColon + 1)
  if (tail.includes('.')) {
    if (!isIpv4(tail)) return false
    text = `${text.slice(0, lastColon + 1)}0`
    extra = 1
  }
  const doubles = text.split('::').length - 1
  if (doubles > 1) return false
  if (doubles === 0) {
    const groups = text.split(':')
    return groups.length === 8 - extra && groups.every(isHexGroup)
  }
  const [left = '', right = ''] = text.split('::')
  const l = left ? left.split(':') : []
  const r = right ? right.split(':') : []
  return [...l, ...r].every(isHexGroup) && l.length + r.length + extra <= 7
}

function isHexGroup(g: string): boolean {
  return /^[0-9a-fA-F]{1,4}$/.test(g)
}

/** `a.b.c.d[/n]` (n 0..32) or `ipv6[/n]` (n 0..128). */
export function isCidr(value: string): boolean {
  const [addr = '', prefix, ...rest] = value.split('/')
  if (rest.length > 0) return false
  if (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) return false
  const n = prefix === undefined ? undefined : Number(prefix)
  if (isIpv4(addr)) return n === undefined || n <= 32
  if (isIpv6(addr)) return n === undefined || n <= 128
  return false
}

/** A list of allowed CIDRs (instance access): each one valid, none twice. */
export function cidrListVerdict(cidrs: readonly string[]): Verdict {
  const bad = cidrs.filter((c) => !isCidr(c))
  if (bad.length > 0) {
    return refuse('invalid', `Not an IPv4 or IPv6 CIDR: ${bad.slice(0, 3).join(', ')}`)
  }
  if (new Set(cidrs).size !== cidrs.length) {
    return refuse('invalid', 'Each CIDR may appear only once.')
  }
  return OK
}

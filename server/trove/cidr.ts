import { isIP } from 'node:net'

/** True for an IPv4 or IPv6 network in CIDR notation (`10.0.0.0/24`, `2001:db8::/32`). */
export function isCidr(text: string): boolean {
  const slash = text.indexOf('/')
  if (slash < 0) return false
  const addr = text.slice(0, slash)
  const prefix = text.slice(slash + 1)
  if (!/^\d{1,3}$/.test(prefix)) return false
  const family = isIP(addr)
  if (family === 0) return false
  const bits = Number(prefix)
  return family === 4 ? bits <= 32 : bits <= 128
}

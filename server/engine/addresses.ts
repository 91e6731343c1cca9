import { createHash } from 'node:crypto'

/** A stable UUID-shaped id derived from some text (the project's private network, etc.). */
export function stableUuid(text: string): string {
  const h = createHash('sha1').update(text).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** The private network an instance lands on when no NIC is given. */
export function defaultNetworkId(projectId: string, region: string): string {
  return stableUuid(`private-net:${projectId}:${region}`)
}

/** A believable private address, unique per instance sequence number within a region. */
export function privateAddress(seq: number, regionIndex: number): string {
  const host = (seq % 250) + 3
  const third = Math.floor(seq / 250) % 256
  return `10.${regionIndex % 256}.${third}.${host}`
}

/** A floating (public) address for instances with `access.is_public`. */
export function publicAddress(seq: number): string {
  const host = (seq % 250) + 3
  const third = Math.floor(seq / 250) % 256
  return `172.24.${(4 + third) % 256}.${host}`
}

export interface Address {
  address: string
  type: 'private' | 'public'
  /** The port's network (private addresses only: Trove's floating IP entries have none). */
  network?: string
}

export function addressesFor(opts: {
  seq: number
  regionIndex: number
  networkId: string
  fixedIp: string | null
  isPublic: boolean
}): Address[] {
  const list: Address[] = [
    {
      address: opts.fixedIp ?? privateAddress(opts.seq, opts.regionIndex),
      type: 'private',
      network: opts.networkId,
    },
  ]
  if (opts.isPublic) {
    list.push({
      address: publicAddress(opts.seq),
      type: 'public',
    })
  }
  return list
}

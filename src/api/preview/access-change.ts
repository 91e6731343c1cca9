import type { Instance } from '../instances/schemas'
import type { Consequence } from './consequence'

/** The access an update asks for (the body's `instance.access`). */
export interface AccessChange {
  is_public: boolean
  allowed_cidrs: string[]
}

const ANYWHERE = ['0.0.0.0/0', '::/0']
const list = (cidrs: readonly string[]) => cidrs.join(', ')

/**
 * What becomes reachable when an instance's access changes (Trove 18 taskmanager
 * `update_access`): a public/private switch moves the instance's port onto or off the public
 * network; a change of the allowed CIDRs replaces the security group's ingress rules for the
 * datastore's ports. No restart: the instance shows an update task meanwhile. Pure.
 */
export function accessChangeConsequences(
  instance: Pick<Instance, 'name' | 'access' | 'addresses'>,
  next: AccessChange,
): Consequence[] {
  const wasPublic =
    instance.access?.is_public === true ||
    (instance.addresses ?? []).some((a) => a.type?.toLowerCase() === 'public')
  const before = instance.access?.allowed_cidrs ?? []
  const after = next.allowed_cidrs
  const out: Consequence[] = []
  const sameCidrs = before.length === after.length && before.every((c, n) => c === after[n])
  if (wasPublic === next.is_public && sameCidrs) {
    return [
      {
        id: 'access',
        kind: 'note',
        tone: 'info',
        text: `Nothing changes: ${instance.name} is already ${wasPublic ? 'public' : 'private'} with ${before.length === 0 ? 'no CIDR list' : `the same CIDRs (${list(before)})`}.`,
      },
    ]
  }
  out.push({
    id: 'no-restart',
    kind: 'note',
    tone: 'info',
    text: 'No restart: the database keeps serving while the cloud applies the change (the instance shows an update task).',
  })
  const from = after.length === 0 ? 'any address' : list(after)
  const open = after.length === 0 || after.some((c) => ANYWHERE.includes(c))
  if (!wasPublic && next.is_public) {
    out.push({
      id: 'reachable',
      kind: 'note',
      tone: open ? 'danger' : 'warning',
      text: `${instance.name} gets a public address: its database port becomes reachable from the internet${open ? ', from any address' : `, from ${from} only`}.`,
    })
  } else if (wasPublic && !next.is_public) {
    out.push({
      id: 'reachable',
      kind: 'note',
      tone: 'warning',
      text: `${instance.name} loses its public address: clients outside the project's networks can no longer connect.`,
    })
  } else {
    out.push({
      id: 'reachable',
      kind: 'note',
      tone: next.is_public && open ? 'warning' : 'info',
      text: `${instance.name} stays ${next.is_public ? 'public' : 'private'}; its database port is reachable from ${from}${next.is_public ? '' : ' on the project’s networks'}.`,
    })
  }
  if (!sameCidrs) {
    const added = after.filter((c) => !before.includes(c))
    const removed = before.filter((c) => !after.includes(c))
    const parts = [
      added.length > 0 ? `newly allowed ${list(added)}` : '',
      removed.length > 0 ? `no longer allowed ${list(removed)}` : '',
    ].filter(Boolean)
    if (parts.length > 0)
      out.push({
        id: 'cidrs',
        kind: 'note',
        tone: removed.length > 0 && after.length > 0 ? 'warning' : 'info',
        text: `Allowed CIDRs: ${parts.join('; ')}${removed.length > 0 && after.length > 0 ? ' (open connections from those addresses drop)' : ''}.`,
      })
    if (after.length === 0 && before.length > 0)
      out.push({
        id: 'cidrs-cleared',
        kind: 'warning',
        tone: 'warning',
        text: `The CIDR list is emptied. Meant as "no restriction", but real Trove 18 removes every ingress rule on an update that empties it (0.0.0.0/0 is the default only at launch): check what your cloud does.`,
      })
  }
  return out
}

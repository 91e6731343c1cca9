import { describe, expect, it } from 'vitest'
import { accessChangeConsequences } from './access-change'
import { bulkDeletePreview, namesToType } from './bulk-delete'
import { deleteOrder, replicasToAwait } from './delete-order'
import { renameConsequences, replicaCreateConsequences, replicaNames } from './replica-create'
import { backup, inst } from './test-instances'

const flavors = [
  { id: '2', name: 'small', ram: 2048, links: [] },
  { id: '3', name: 'medium', ram: 4096, links: [] },
]
const ids = (list: { id: string }[]) => list.map((c) => c.id)
const text = (list: { id: string; text: string }[], id: string) =>
  list.find((c) => c.id === id)?.text ?? ''

describe('update access: what becomes reachable', () => {
  const priv = inst({ id: 'a', name: 'orders', access: { is_public: false, allowed_cidrs: [] } })
  it('private → public with no CIDRs is reachable from any address (danger)', () => {
    const c = accessChangeConsequences(priv, { is_public: true, allowed_cidrs: [] })
    const reach = c.find((x) => x.id === 'reachable')
    expect(reach?.tone).toBe('danger')
    expect(reach?.text).toMatch(/from the internet, from any address/)
    expect(text(c, 'no-restart')).toMatch(/^No restart/)
  })
  it('private → public limited to CIDRs names them', () => {
    const c = accessChangeConsequences(priv, {
      is_public: true,
      allowed_cidrs: ['203.0.113.0/24'],
    })
    expect(c.find((x) => x.id === 'reachable')?.tone).toBe('warning')
    expect(text(c, 'reachable')).toMatch(/from 203\.0\.113\.0\/24 only/)
    expect(text(c, 'cidrs')).toBe('Allowed CIDRs: newly allowed 203.0.113.0/24.')
  })
  it('public → private, removed and emptied CIDRs', () => {
    const pub = inst({ id: 'b', access: { is_public: true, allowed_cidrs: ['10.0.0.0/8'] } })
    const c = accessChangeConsequences(pub, { is_public: false, allowed_cidrs: [] })
    expect(text(c, 'reachable')).toMatch(/loses its public address/)
    expect(text(c, 'cidrs')).toMatch(/no longer allowed 10\.0\.0\.0\/8/)
    expect(text(c, 'cidrs-cleared')).toMatch(/removes every ingress rule/)
  })
  it('no change says so and nothing else', () => {
    expect(ids(accessChangeConsequences(priv, { is_public: false, allowed_cidrs: [] }))).toEqual([
      'access',
    ])
  })
})

describe('rename', () => {
  it('warns when another instance has the name', () => {
    const a = inst({ id: 'a', name: 'one' })
    const b = inst({ id: 'b', name: 'two' })
    expect(ids(renameConsequences(a, [a, b], 'three'))).toEqual(['no-restart'])
    expect(ids(renameConsequences(a, [a, b], ' two '))).toEqual(['no-restart', 'name-taken'])
  })
})

describe('create replica', () => {
  it('names several as Trove does', () => {
    expect(replicaNames('r', 1)).toEqual(['r'])
    expect(replicaNames('r', 3)).toEqual(['r-1', 'r-2', 'r-3'])
  })
  it('shows the set before → after and the source version', () => {
    const src = inst({ id: 's', name: 'src', datastore: { type: 'mysql', version: '5.7' } })
    const old = inst({ id: 'r0', name: 'old', replica_of: { id: 's' } })
    const c = replicaCreateConsequences(src, [src, old], 'new', 2)
    const topo = c.find((x) => x.id === 'topology')
    expect(topo?.kind === 'topology' && topo.before.map((m) => `${m.name}:${m.role}`)).toEqual([
      'src:source',
      'old:replica',
    ])
    expect(topo?.kind === 'topology' && topo.after.map((m) => `${m.name}:${m.role}`)).toEqual([
      'src:source',
      'old:replica',
      'new-1:joins',
      'new-2:joins',
    ])
    expect(text(c, 'version')).toMatch(/mysql 5\.7/)
    expect(ids(c)).not.toContain('source-busy')
  })
  it('refuses a replica of a replica, flags a busy source', () => {
    const src = inst({ id: 's', name: 'src' })
    const rep = inst({ id: 'r', replica_of: { id: 's' } })
    expect(ids(replicaCreateConsequences(rep, [src, rep], 'x', 1))).toEqual(['replica-of-replica'])
    const busy = inst({ id: 'b', status: 'BACKUP', operating_status: '' })
    expect(ids(replicaCreateConsequences(busy, [busy], 'x', 1))).toContain('source-busy')
  })
})

describe('bulk delete: one preview for every selected instance', () => {
  const src = inst({ id: 's', name: 'src' })
  const rep = inst({ id: 'r', name: 'rep', replica_of: { id: 's' } })
  const pub = inst({ id: 'p', name: 'pub', flavor: { id: '3' }, access: { is_public: true } })
  const plain = inst({ id: 'x', name: 'plain' })
  const all = [src, rep, pub, plain]
  const run = (selected: typeof all) =>
    bulkDeletePreview({
      selected,
      instances: all,
      backups: [backup({ id: 'b1', instance_id: 'p' }), backup({ id: 'b2', instance_id: 'p' })],
      flavors,
      usage: { instances: 4, ram: 10240, volumes: 20, backups: 2 },
      limits: undefined,
    })
  it('sums the quota freed and the backups kept', () => {
    const c = run([pub, plain])
    const quota = c.find((x) => x.id === 'quota')
    expect(quota?.kind === 'quota' && quota.lines.map((l) => [l.resource, l.delta])).toEqual([
      ['instances', -2],
      ['ram', -6144],
      ['volumes', -10],
    ])
    expect(text(c, 'backups')).toMatch(/^2 backups of 1 of them survive.*no backup of plain/)
  })
  it('flags a source whose replica stays, and a replica that leaves', () => {
    expect(text(run([src]), 'replica-sources')).toMatch(/src \(1 replica not selected\)/)
    expect(text(run([rep]), 'replicas')).toBe('Replicas leave their sets: rep leaves src.')
    expect(run([src])[0]?.tone).toBe('danger')
  })
  it('deletes a selected replica before its selected source, which waits for it', () => {
    const c = run([src, plain, rep])
    expect(ids(c)).not.toContain('replica-sources')
    expect(text(c, 'replicas-first')).toMatch(/^Replicas are deleted first: src is deleted once/)
    expect(deleteOrder([src, plain, rep], all).map((i) => i.name)).toEqual(['rep', 'src', 'plain'])
    expect(deleteOrder([plain, pub], all).map((i) => i.name)).toEqual(['plain', 'pub'])
    expect(replicasToAwait(src, [src, rep], all).map((i) => i.name)).toEqual(['rep'])
    expect(replicasToAwait(src, [src], all)).toEqual([])
    expect(replicasToAwait(rep, [src, rep], all)).toEqual([])
  })
  it('asks the names of public or replicated ones only', () => {
    expect(namesToType([pub, plain, rep], all)).toEqual(['pub', 'rep'])
    expect(namesToType([plain], all)).toEqual([])
  })
})

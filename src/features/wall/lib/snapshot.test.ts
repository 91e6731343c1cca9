import { describe, expect, it } from 'vitest'
import { carrySince, diffSnapshots, pushTicker, toWallItem, type InstanceLike } from './snapshot'

const ctx = { region: 'RegionOne', projectId: 'p1', projectName: (id: string) => `name-${id}` }
const inst = (over: Partial<InstanceLike> & { id: string }): InstanceLike => ({
  name: over.id,
  status: 'ACTIVE',
  operating_status: 'HEALTHY',
  datastore: { type: 'mysql', version: '5.7' },
  updated: '2026-11-23T04:00:00',
  ...over,
})
const item = (over: Partial<InstanceLike> & { id: string }) => toWallItem(inst(over), ctx)

describe('toWallItem', () => {
  it('keeps what a tile shows', () => {
    const e = item({
      id: 'a',
      status: 'ERROR',
      operating_status: 'ERROR',
      tenant_id: 'p2',
      region: 'RegionTwo',
      fault: { message: 'No valid host', created: '2026-11-23T04:05:00' },
    })
    expect(e).toMatchObject({
      health: 'error',
      activity: 'Error',
      fault: 'No valid host',
      projectId: 'p2',
      project: 'name-p2',
      region: 'RegionTwo',
      datastore: 'mysql',
      since: Date.parse('2026-11-23T04:05:00Z'),
    })
    const ok = item({ id: 'b' })
    expect(ok).toMatchObject({ health: 'ok', region: 'RegionOne', project: 'name-p1' })
    expect(ok.fault).toBeUndefined()
  })
})

describe('carrySince', () => {
  it('keeps the start of an unchanged state and restarts it on a change seen between refreshes', () => {
    const t0 = Date.parse('2026-11-23T04:10:00Z')
    const prev = carrySince(
      undefined,
      [item({ id: 'a', status: 'BUILD', operating_status: '' })],
      t0,
    )
    expect(prev[0]?.since).toBe(Date.parse('2026-11-23T04:00:00Z'))
    const sameState = carrySince(
      prev,
      [item({ id: 'a', status: 'BUILD', operating_status: '', updated: '2026-11-23T04:09:00' })],
      t0 + 10_000,
    )
    expect(sameState[0]?.since).toBe(Date.parse('2026-11-23T04:00:00Z'))
    const changed = carrySince(sameState, [item({ id: 'a', status: 'REBOOT' })], t0 + 20_000)
    expect(changed[0]?.since).toBe(t0 + 20_000)
  })
})

describe('diffSnapshots (the ticker)', () => {
  it('reports status changes, new and gone instances; nothing on the first snapshot', () => {
    const a = item({ id: 'a' })
    const b = item({ id: 'b', status: 'BUILD', operating_status: '' })
    const c = item({ id: 'c' })
    expect(diffSnapshots(undefined, [a, b], 1)).toEqual([])
    const next = [a, item({ id: 'b' }), item({ id: 'd', status: 'BUILD', operating_status: '' })]
    const events = diffSnapshots([a, b, c], next, 5)
    expect(events.map((e) => [e.kind, e.name, e.from, e.to])).toEqual([
      ['changed', 'b', 'BUILD (task)', 'ACTIVE (HEALTHY)'],
      ['new', 'd', undefined, 'BUILD (task)'],
      ['gone', 'c', 'ACTIVE (HEALTHY)', undefined],
    ])
    expect(new Set(events.map((e) => e.key)).size).toBe(3)
  })

  it('tells the same id in two regions apart', () => {
    const one = item({ id: 'x' })
    const two = toWallItem(inst({ id: 'x', region: 'RegionTwo' }), ctx)
    expect(diffSnapshots([one, two], [one], 1).map((e) => [e.kind, e.region])).toEqual([
      ['gone', 'RegionTwo'],
    ])
  })

  it('keeps the newest events first, up to a maximum', () => {
    const a = item({ id: 'a' })
    const e1 = diffSnapshots([], [a], 1)
    const e2 = diffSnapshots([a], [], 2)
    const ticker = pushTicker(pushTicker([], e1), e2, 1)
    expect(ticker.map((e) => e.kind)).toEqual(['gone'])
    expect(pushTicker(ticker, [])).toBe(ticker)
  })
})

import { describe, expect, it } from 'vitest'
import type { TrackedTask } from '@/api/tasks/task-store'
import { forEachFinished } from './settle-task'

const task = (id: string): TrackedTask => ({
  id,
  action: 'restart',
  label: `Restart ${id}`,
  resource: { kind: 'instance', id, name: id, projectId: 'p', region: 'R1' },
  startedAt: 0,
  state: 'running',
})

interface Thing {
  status: string
}

/** Judges by the resource's status: gone = failed, BUSY = running, anything else = succeeded. */
const judge = (_: TrackedTask, thing: Thing | undefined) =>
  !thing ? 'failed' : thing.status === 'BUSY' ? 'running' : 'succeeded'

function finished(reads: (Thing | null | undefined)[]) {
  const tasks = reads.map((_, n) => task(`t${n}`))
  const calls: [string, string, Thing | undefined][] = []
  forEachFinished(tasks, reads, judge, (t, outcome, thing) => calls.push([t.id, outcome, thing]))
  return calls
}

describe('forEachFinished', () => {
  it('finishes each task whose resource has settled, with that resource', () => {
    const ok = { status: 'ACTIVE' }
    expect(finished([ok, { status: 'BUSY' }, ok])).toEqual([
      ['t0', 'succeeded', ok],
      ['t2', 'succeeded', ok],
    ])
  })

  it('leaves a task whose read is not in yet, and judges a gone resource as undefined', () => {
    expect(finished([undefined, null])).toEqual([['t1', 'failed', undefined]])
  })

  it('pairs each task with its own read, by position', () => {
    const seen: [string, Thing | undefined][] = []
    const reads = [{ status: 'A' }, null, { status: 'B' }]
    forEachFinished(
      [task('x'), task('y'), task('z')],
      reads,
      (t, thing) => {
        seen.push([t.id, thing])
        return 'running'
      },
      () => {
        throw new Error('nothing has finished')
      },
    )
    expect(seen).toEqual([
      ['x', { status: 'A' }],
      ['y', undefined],
      ['z', { status: 'B' }],
    ])
  })
})

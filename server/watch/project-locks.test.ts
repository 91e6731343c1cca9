import { describe, expect, it } from 'vitest'
import { ProjectLocks } from './project-locks'

describe('ProjectLocks', () => {
  it('runs one read of a project at a time, and frees the project from a read that hangs', async () => {
    const locks = new ProjectLocks()
    const order: string[] = []
    const hung = locks.run('p', () => new Promise<void>(() => order.push('hung')), 50)
    const other = locks.run('q', () => Promise.resolve(order.push('other project')))
    const next = locks.run('p', () => Promise.resolve(order.push('next')))
    await other
    expect(order).toEqual(['hung', 'other project']) // p waits, q does not
    await next
    expect(order).toEqual(['hung', 'other project', 'next'])
    expect(hung).toBeInstanceOf(Promise)
  })
})

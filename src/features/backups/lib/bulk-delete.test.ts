import { describe, expect, it } from 'vitest'
import { bulkDeleteRoots } from './backup-list'

const n = (id: string, parent_id: string | null = null) => ({ id, parent_id })

describe('bulkDeleteRoots', () => {
  // full <- inc1 <- inc2 ; other (unrelated)
  const all = [n('full'), n('inc1', 'full'), n('inc2', 'inc1'), n('other')]

  it('drops incrementals whose ancestor is selected too', () => {
    const ids = bulkDeleteRoots([all[2]!, all[0]!, all[3]!], all).map((b) => b.id)
    expect(ids).toEqual(['full', 'other'])
  })

  it('keeps an incremental whose ancestors are not selected', () => {
    expect(bulkDeleteRoots([all[2]!], all).map((b) => b.id)).toEqual(['inc2'])
  })

  it('survives a cycle in parent links', () => {
    const loop = [n('a', 'b'), n('b', 'a')]
    expect(bulkDeleteRoots([loop[0]!], loop).map((b) => b.id)).toEqual(['a'])
  })
})

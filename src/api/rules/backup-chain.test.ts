import { describe, expect, it } from 'vitest'
import { chainOf, childrenOf, descendantsOf } from './backup-chain'

const n = (id: string, parent_id: string | null, created = id) => ({ id, parent_id, created })

describe('incremental chains', () => {
  // full <- inc1 <- inc2 ; full <- inc1b ; other
  const list = [
    n('full', null, '1'),
    n('inc1', 'full', '2'),
    n('inc2', 'inc1', '3'),
    n('inc1b', 'full', '4'),
    n('other', null, '5'),
  ]

  it('lists descendants nearest first', () => {
    expect(descendantsOf(list, 'full').map((b) => b.id)).toEqual(['inc1', 'inc1b', 'inc2'])
    expect(descendantsOf(list, 'inc2')).toEqual([])
  })

  it('walks the chain root first, noting a parent that is gone', () => {
    expect(chainOf(list, 'inc2')).toEqual({
      chain: [list[0], list[1], list[2]],
      missingParent: null,
    })
    expect(chainOf([n('orphan', 'gone')], 'orphan')).toEqual({
      chain: [n('orphan', 'gone')],
      missingParent: 'gone',
    })
    expect(chainOf(list, 'nope')).toEqual({ chain: [], missingParent: null })
  })

  it('survives cycles in bad data', () => {
    const loop = [n('a', 'b'), n('b', 'a')]
    expect(descendantsOf(loop, 'a').map((b) => b.id)).toEqual(['b'])
    expect(chainOf(loop, 'a').chain.map((b) => b.id)).toEqual(['b', 'a'])
  })

  it('children oldest first', () => {
    expect(childrenOf(list, 'full').map((b) => b.id)).toEqual(['inc1', 'inc1b'])
  })
})

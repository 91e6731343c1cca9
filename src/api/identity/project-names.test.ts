import { describe, expect, it } from 'vitest'
import { findEntry, makeDirectory, projectFieldSchema, searchDirectory } from './project-names'

const dir = (complete: boolean) =>
  makeDirectory(
    [
      { id: 'c3', name: 'staging', enabled: true },
      { id: 'a1', name: 'Demo', enabled: true },
      { id: 'b2', name: 'admin', enabled: true },
      { id: 'd4', name: 'analytics-demo', enabled: false },
    ],
    complete,
  )

describe('project directory', () => {
  it('sorts by name and looks up by id', () => {
    const d = dir(true)
    expect(d.entries.map((e) => e.name)).toEqual(['admin', 'analytics-demo', 'Demo', 'staging'])
    expect(d.byId.get('c3')?.name).toBe('staging')
  })

  it('finds a typed id or a name, ignoring case and spaces', () => {
    const d = dir(true)
    expect(findEntry(d, ' a1 ')?.name).toBe('Demo')
    expect(findEntry(d, 'demo')?.id).toBe('a1')
    expect(findEntry(d, 'dem')).toBeUndefined()
    expect(findEntry(d, '')).toBeUndefined()
  })

  it('searches names and ids, name prefixes first', () => {
    const d = dir(true)
    expect(searchDirectory(d, 'demo').map((e) => e.id)).toEqual(['a1', 'd4'])
    expect(searchDirectory(d, 'C3').map((e) => e.name)).toEqual(['staging'])
    expect(searchDirectory(d, '', 2)).toHaveLength(2)
  })

  it('turns a known project into its id and refuses an unknown one when the list is complete', () => {
    const field = projectFieldSchema(dir(true))
    expect(field.parse('staging')).toBe('c3')
    expect(field.parse('b2')).toBe('b2')
    const bad = field.safeParse('typo-project')
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.message).toBe(
      'No project of this cloud has the name or id “typo-project”.',
    )
    expect(field.safeParse('  ').error?.issues[0]?.message).toBe('Choose a project.')
  })

  it('lets an unlisted id through when the list is not the whole cloud', () => {
    expect(projectFieldSchema(dir(false)).parse('ffff')).toBe('ffff')
    expect(projectFieldSchema(undefined).parse('ffff')).toBe('ffff')
  })
})

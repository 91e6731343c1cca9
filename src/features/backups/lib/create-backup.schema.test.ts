import { describe, expect, it } from 'vitest'
import {
  createBackupDefaults,
  createBackupFormSchema,
  toCreateBackupRequest,
} from './create-backup.schema'

const errors = (v: object) => {
  const r = createBackupFormSchema.safeParse({ ...createBackupDefaults, ...v })
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path[0], i.message]))
}

describe('create backup form', () => {
  it('requires a name (1-64, alphanumeric) and an instance', () => {
    expect(errors({})).toEqual({ name: 'Enter a name.', instanceId: 'Choose an instance.' })
    expect(errors({ name: 'x'.repeat(65), instanceId: 'i' })).toEqual({
      name: 'At most 64 characters.',
    })
    expect(errors({ name: '---', instanceId: 'i' }).name).toMatch(/letter or digit/)
  })

  it('needs a parent when asked for one, and a safe container name', () => {
    expect(errors({ name: 'a', instanceId: 'i', kind: 'parent' })).toEqual({
      parentId: 'Choose the parent backup.',
    })
    expect(
      errors({ name: 'a', instanceId: 'i', swiftContainer: 'a b' }).swiftContainer,
    ).toBeTruthy()
  })

  it('builds the request body', () => {
    const base = { ...createBackupDefaults, name: ' nightly ', instanceId: 'i1' }
    expect(toCreateBackupRequest(base)).toEqual({ backup: { name: 'nightly', instance: 'i1' } })
    expect(
      toCreateBackupRequest({
        ...base,
        kind: 'incremental',
        description: 'd',
        swiftContainer: 'c',
      }),
    ).toEqual({
      backup: {
        name: 'nightly',
        instance: 'i1',
        incremental: 1,
        description: 'd',
        swift_container: 'c',
      },
    })
    expect(toCreateBackupRequest({ ...base, kind: 'parent', parentId: 'p' })).toEqual({
      backup: { name: 'nightly', instance: 'i1', parent_id: 'p' },
    })
  })
})

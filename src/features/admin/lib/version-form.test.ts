import { describe, expect, it } from 'vitest'
import type { MgmtVersion } from '@/api/mgmt/schemas'
import {
  editDefaults,
  toCreateRequest,
  toEditRequest,
  versionCreateDefaults,
  versionCreateFormSchema,
} from './version-form'

const UUID = '11111111-2222-3333-4444-555555555555'

describe('datastore version forms', () => {
  it('requires an image id or tags, validates ids, tags and default-needs-active', () => {
    const r = versionCreateFormSchema.safeParse({
      ...versionCreateDefaults,
      datastoreName: 'mysql',
      datastoreManager: 'mysql',
      name: 'x',
      isDefault: true,
      active: false,
      imageTags: 'a,b,c,d,e,f',
    })
    expect(r.success).toBe(false)
    const messages = r.error?.issues.map((i) => i.message) ?? []
    expect(messages).toContain('At most 5 tags.')
    expect(messages).toContain('Only an active version can be the default.')
    const noImage = versionCreateFormSchema.safeParse({
      ...versionCreateDefaults,
      datastoreName: 'mysql',
      datastoreManager: 'mysql',
      name: 'x',
    })
    expect(noImage.error?.issues[0]?.message).toBe('Give an image id or at least one image tag.')
  })

  it('builds the create body and a PATCH body with only the changes', () => {
    expect(
      toCreateRequest({
        ...versionCreateDefaults,
        datastoreName: 'mysql',
        datastoreManager: 'mysql',
        name: '5.7-x',
        imageTags: 'trove, mysql',
        version: '5.7.30',
      }),
    ).toEqual({
      version: {
        datastore_name: 'mysql',
        datastore_manager: 'mysql',
        name: '5.7-x',
        version: '5.7.30',
        image_tags: ['trove', 'mysql'],
        active: true,
        default: false,
      },
    })
    const v: MgmtVersion = {
      id: 'v',
      name: '5.7',
      version: '5.7.29',
      datastore_id: 'd',
      datastore_name: 'mysql',
      datastore_manager: 'mysql',
      image: UUID,
      image_tags: [''],
      packages: [''],
      active: true,
      default: false,
    }
    expect(toEditRequest(v, { ...editDefaults(v), active: false })).toEqual({ active: false })
    expect(toEditRequest(v, editDefaults(v))).toEqual({})
  })
})

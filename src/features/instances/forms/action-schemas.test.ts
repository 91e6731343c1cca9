import { describe, expect, it } from 'vitest'
import {
  renameSchema,
  resizeFlavorSchema,
  resizeVolumeSchema,
  toAccessChange,
  updateAccessSchema,
} from './action-schemas'

describe('action schemas', () => {
  it('rename needs a different, valid name', () => {
    const s = renameSchema('db1')
    expect(s.safeParse({ newName: 'db2' }).success).toBe(true)
    expect(s.safeParse({ newName: ' db1 ' }).success).toBe(false)
    expect(s.safeParse({ newName: '' }).success).toBe(false)
    expect(s.safeParse({ newName: '---' }).success).toBe(false)
  })
  it('resize volume only grows, whole GB, within the maximum', () => {
    const s = resizeVolumeSchema(5, 25)
    expect(s.safeParse({ size: 6 }).success).toBe(true)
    expect(s.safeParse({ size: 5 }).success).toBe(false)
    expect(s.safeParse({ size: 6.5 }).success).toBe(false)
    expect(s.safeParse({ size: 26 }).success).toBe(false)
    expect(s.safeParse({ size: Number.NaN }).success).toBe(false)
    expect(resizeVolumeSchema(5).safeParse({ size: 1000 }).success).toBe(true)
  })
  it('resize flavor needs another flavor', () => {
    const s = resizeFlavorSchema('2')
    expect(s.safeParse({ flavorRef: '3' }).success).toBe(true)
    expect(s.safeParse({ flavorRef: '2' }).success).toBe(false)
    expect(s.safeParse({ flavorRef: '' }).success).toBe(false)
  })
  it('update access validates CIDRs and builds the body', () => {
    expect(
      updateAccessSchema.safeParse({ isPublic: true, allowedCidrs: '10.0.0.0/8\n::/0' }).success,
    ).toBe(true)
    expect(updateAccessSchema.safeParse({ isPublic: true, allowedCidrs: 'x' }).success).toBe(false)
    expect(
      updateAccessSchema.safeParse({ isPublic: true, allowedCidrs: '1.2.3.4\n1.2.3.4' }).success,
    ).toBe(false)
    expect(toAccessChange({ isPublic: false, allowedCidrs: ' 10.0.0.0/8 \n\n' })).toEqual({
      is_public: false,
      allowed_cidrs: ['10.0.0.0/8'],
    })
  })
})

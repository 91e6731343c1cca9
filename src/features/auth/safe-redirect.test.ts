import { describe, expect, it } from 'vitest'
import { safeRedirect } from './safe-redirect'

describe('safeRedirect', () => {
  it('keeps same-origin paths', () => {
    expect(safeRedirect('/instances/abc?tab=logs')).toBe('/instances/abc?tab=logs')
  })
  it('drops other origins and loops', () => {
    expect(safeRedirect('https://evil.example/')).toBeUndefined()
    expect(safeRedirect('//evil.example/')).toBeUndefined()
    expect(safeRedirect('/\\evil.example')).toBeUndefined()
    expect(safeRedirect('/login?redirect=/x')).toBeUndefined()
    expect(safeRedirect(undefined)).toBeUndefined()
    expect(safeRedirect('instances')).toBeUndefined()
  })
})

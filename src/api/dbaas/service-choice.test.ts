import { describe, expect, it } from 'vitest'
import { ApiError } from '../errors'
import { chooseService, findService } from './service-choice'

const list = [{ name: 'a' }, { name: 'b' }]

describe('chooseService', () => {
  it('keeps the requested service when it exists, else the first, else none', () => {
    expect(chooseService(list, 'b')).toBe('b')
    expect(chooseService(list, 'gone')).toBe('a')
    expect(chooseService(list, undefined)).toBe('a')
    expect(chooseService([], 'b')).toBeUndefined()
  })
})

describe('findService', () => {
  it('finds by name or throws a 404 the error view calls missing', () => {
    expect(findService(list, 'b')).toBe(list[1])
    const thrown = (() => {
      try {
        findService(list, 'gone')
      } catch (e) {
        return e
      }
    })()
    expect(thrown).toBeInstanceOf(ApiError)
    expect((thrown as ApiError).kind).toBe('not-found')
    expect((thrown as ApiError).status).toBe(404)
  })
})

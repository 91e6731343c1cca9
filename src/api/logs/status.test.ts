import { describe, expect, it } from 'vitest'
import { guestLogListSchema } from './schemas'
import { formatBytes, logActionAvailable } from './status'

const [general, errorLog] = guestLogListSchema.parse({
  logs: [
    {
      name: 'general',
      type: 'USER',
      status: 'Partial',
      published: '128',
      pending: '4096',
      container: 'data_logs',
      prefix: 'x/mysql-general/',
      metafile: 'x/mysql-general_metafile',
    },
    { name: 'error', type: 'SYS', status: 'Ready', published: 0, pending: 10 },
  ],
}).logs

describe('guest log rules', () => {
  it('reads sizes given as strings (Trove samples) or numbers', () => {
    expect(general?.published).toBe(128)
    expect(general?.pending).toBe(4096)
    expect(errorLog?.published).toBe(0)
  })

  it('offers enable only when disabled, never for SYS logs; discard only when published', () => {
    expect(logActionAvailable(general!, 'enable')).toBe(false)
    expect(logActionAvailable(general!, 'disable')).toBe(true)
    expect(logActionAvailable(general!, 'discard')).toBe(true)
    expect(logActionAvailable({ ...general!, status: 'Disabled' }, 'enable')).toBe(true)
    expect(logActionAvailable(errorLog!, 'disable')).toBe(false)
    expect(logActionAvailable(errorLog!, 'enable')).toBe(false)
    expect(logActionAvailable(errorLog!, 'publish')).toBe(true)
    expect(logActionAvailable(errorLog!, 'discard')).toBe(false)
    expect(logActionAvailable({ ...errorLog!, status: 'Unavailable' }, 'publish')).toBe(false)
  })

  it('formats sizes', () => {
    expect(formatBytes(128)).toBe('128 B')
    expect(formatBytes(4096)).toBe('4.0 KiB')
  })
})

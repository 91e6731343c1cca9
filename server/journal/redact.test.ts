import { describe, expect, it } from 'vitest'
import { redactedSummary } from './redact'

describe('redactedSummary', () => {
  it('replaces every secret, however nested, and keeps the rest', () => {
    const body = {
      instance: {
        name: 'db1',
        users: [{ name: 'app', password: 'pw-1' }],
        databases: [{ name: 'shop' }],
      },
      root: { password: 'pw-2' },
      application_credential: { name: 'ci', secret: 'pw-3' },
      auth: { identity: { password: { user: { password: 'pw-4' } } } },
      token: { id: 'pw-5' },
      settings: { api_key: 'pw-6', 'ssl-private-key': 'pw-7', certificate: 'pw-8' },
    }
    const out = redactedSummary(JSON.stringify(body)) ?? ''
    for (const secret of ['pw-1', 'pw-2', 'pw-3', 'pw-4', 'pw-5', 'pw-6', 'pw-7', 'pw-8']) {
      expect(out).not.toContain(secret)
    }
    expect(JSON.parse(out)).toMatchObject({
      instance: {
        name: 'db1',
        users: [{ name: 'app', password: '***' }],
        databases: [{ name: 'shop' }],
      },
      application_credential: { name: 'ci', secret: '***' },
    })
  })

  it('stores no body that is not JSON, and cuts long strings and lists', () => {
    expect(redactedSummary('password=hunter2')).toBe('{"note":"not JSON (16 bytes, not stored)"}')
    expect(redactedSummary('')).toBeNull()
    const long = JSON.parse(
      redactedSummary(JSON.stringify({ s: 'x'.repeat(500), l: Array(80).fill(1) })) ?? '',
    )
    expect(long.s).toHaveLength(201)
    expect(long.l).toHaveLength(51)
  })
})

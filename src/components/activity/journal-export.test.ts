import { describe, expect, it } from 'vitest'
import type { JournalEntry } from '@/api/journal/schemas'
import { journalCsv } from './journal-export'

const entry: JournalEntry = {
  id: 1,
  at: '2026-12-05T09:00:00.000Z',
  kind: 'request',
  source: 'console',
  region: 'RegionOne',
  projectId: 'p',
  projectName: 'demo',
  userId: 'u',
  userName: '=cmd',
  method: 'POST',
  path: '/x',
  resourceKind: 'instance',
  resourceId: 'i1',
  resourceName: null,
  action: 'restart',
  summary: { restart: {}, note: 'a,b' },
  status: 202,
  requestId: 'req-1',
  fromStatus: null,
  toStatus: null,
  previousMs: null,
  datastore: null,
}

describe('journalCsv', () => {
  it('has every field, quotes JSON summaries and neutralises formulas', () => {
    const [header, row] = journalCsv([entry]).trimEnd().split('\r\n')
    expect(header?.split(',')).toHaveLength(22)
    expect(row).toContain("'=cmd")
    expect(row).toContain('"{""restart"":{},""note"":""a,b""}"')
    expect(row?.startsWith('1,2026-12-05T09:00:00.000Z,request,console,RegionOne,p,demo,')).toBe(
      true,
    )
  })
})

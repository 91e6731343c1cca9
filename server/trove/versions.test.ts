import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createCloud } from '../app'

const dir = mkdtempSync(join(tmpdir(), 'versions-test-'))
const INDEX = '<!doctype html><title>console</title>'
writeFileSync(join(dir, 'index.html'), INDEX)
const cloud = createCloud({ dbPath: ':memory:', staticDir: dir, autoTick: false })
afterAll(() => {
  cloud.close()
  rmSync(dir, { recursive: true, force: true })
})
const get = (accept: string) =>
  cloud.app.request('http://cloud.test:8080/', {
    headers: { Accept: accept, Host: 'cloud.test:8080' },
  })

describe('version discovery at the host root', () => {
  it('gives a Trove client (Accept: application/json) the versions document, no token needed', async () => {
    const res = await get('application/json')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      versions: [
        {
          id: 'v1.0',
          status: 'CURRENT',
          updated: '2012-08-01T00:00:00Z',
          links: [{ rel: 'self', href: 'http://cloud.test:8080/trove/RegionOne/v1.0/' }],
        },
      ],
    })
  })

  it('keeps serving the console to browsers, whose navigations list text/html', async () => {
    for (const accept of [
      'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'text/html,application/json;q=0.9',
      '*/*',
    ]) {
      const res = await get(accept)
      expect([accept, res.status, await res.text()]).toEqual([accept, 200, INDEX])
    }
  })
})

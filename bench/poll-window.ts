/**
 * Counting polling traffic over a time window: what the browser sends (Playwright request
 * events) and what reaches real Trove (the access lines eventlet.wsgi writes to its log).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import type { Page } from '@playwright/test'

export interface WindowCount {
  seconds: number
  /** Requests per kind (the classifier's answer); kinds it returns null for are not counted. */
  byKind: Record<string, number>
  total: number
  perMinute: number
}

function finish(byKind: Record<string, number>, ms: number): WindowCount {
  const total = Object.values(byKind).reduce((a, b) => a + b, 0)
  return {
    seconds: ms / 1000,
    byKind,
    total,
    perMinute: Math.round((total * 60_000) / ms),
  }
}

/** Counts the requests the page sends during `ms`, grouped by `classify`. */
export async function countPageRequests(
  page: Page,
  classify: (url: URL) => string | null,
  ms: number,
): Promise<WindowCount> {
  const byKind: Record<string, number> = {}
  const listener = (r: { url: () => string }) => {
    const kind = classify(new URL(r.url()))
    if (kind) byKind[kind] = (byKind[kind] ?? 0) + 1
  }
  page.on('request', listener)
  await page.waitForTimeout(ms)
  page.off('request', listener)
  return finish(byKind, ms)
}

/** Trove API calls (through the console's own paths or straight to Trove) by what they read. */
export function troveKind(path: string): string | null {
  const at = path.indexOf('/v1.0/')
  if (at < 0) return null
  const rest = path.slice(at + '/v1.0/'.length).replace(/^[^/]+/, '') // drop the project id
  if (/^\/instances\/detail$/.test(rest) || rest === '/instances') return 'GET /instances/detail'
  if (/^\/instances\/[^/]+$/.test(rest)) return 'GET /instances/{id}'
  if (/^\/flavors\/[^/]+$/.test(rest)) return 'GET /flavors/{id}'
  return `other ${rest.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}')}`
}

export function logSize(file: string): number {
  return statSync(file).size
}

/** Trove requests eventlet.wsgi logged after byte offset `from`, by kind (GETs only). */
export function countTroveLog(file: string, from: number, seconds: number): WindowCount {
  const size = statSync(file).size
  const buf = Buffer.alloc(Math.max(0, size - from))
  const fd = openSync(file, 'r')
  try {
    readSync(fd, buf, 0, buf.length, from)
  } finally {
    closeSync(fd)
  }
  const byKind: Record<string, number> = {}
  for (const m of buf.toString('utf8').matchAll(/"(GET|POST|PUT|DELETE|PATCH) ([^ ?"]+)[^"]*"/g)) {
    const verb = m[1] ?? ''
    const kind = troveKind(m[2] ?? '')
    if (!kind) continue
    const key = verb === 'GET' ? kind : `${verb} ${kind.replace(/^GET |^other /, '')}`
    byKind[key] = (byKind[key] ?? 0) + 1
  }
  return finish(byKind, seconds * 1000)
}

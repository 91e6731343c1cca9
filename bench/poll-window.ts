/**
 * Counting polling traffic over a time window: what the browser sends (Playwright request
 * events) and what reaches real Trove (the access lines eventlet.wsgi writes to its log).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import type { Page } from '@playwright/test'

export interface WindowCount {
  seconds: number
  /** Successful requests (2xx, 304) per kind (the classifier's answer); null kinds not counted. */
  byKind: Record<string, number>
  total: number
  perMinute: number
  /** Requests that failed (status >= 400, or no answer), not in the counts above. */
  failed: number
}

function finish(byKind: Record<string, number>, ms: number, failed: number): WindowCount {
  const total = Object.values(byKind).reduce((a, b) => a + b, 0)
  return {
    seconds: ms / 1000,
    byKind,
    total,
    perMinute: Math.round((total * 60_000) / ms),
    failed,
  }
}

/** A status that counts as an answer the page could use: 2xx, or 304 (revalidated). */
export const succeeded = (status: number): boolean =>
  (status >= 200 && status < 300) || status === 304

interface FinishedRequest {
  url: () => string
  response: () => Promise<{ status: () => number } | null>
}

/**
 * Counts the requests the page sends during `ms` that succeed, grouped by `classify`; failed
 * ones (an error status or no answer) are counted apart. A request counts when it finishes.
 */
export async function countPageRequests(
  page: Page,
  classify: (url: URL) => string | null,
  ms: number,
): Promise<WindowCount> {
  const byKind: Record<string, number> = {}
  let failed = 0
  const onFinished = (r: FinishedRequest) => {
    const kind = classify(new URL(r.url()))
    if (!kind) return
    void r.response().then((res) => {
      if (res && succeeded(res.status())) byKind[kind] = (byKind[kind] ?? 0) + 1
      else failed += 1
    })
  }
  const onFailed = (r: { url: () => string }) => {
    if (classify(new URL(r.url()))) failed += 1
  }
  page.on('requestfinished', onFinished)
  page.on('requestfailed', onFailed)
  await page.waitForTimeout(ms)
  page.off('requestfinished', onFinished)
  page.off('requestfailed', onFailed)
  // Let the last finished requests' statuses resolve.
  await page.waitForTimeout(50)
  return finish(byKind, ms, failed)
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

/** Successful Trove requests eventlet.wsgi logged after byte offset `from`, by kind; failed apart. */
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
  let failed = 0
  // eventlet.wsgi: 127.0.0.1 - - [date] "GET /v1.0/{project}/instances HTTP/1.1" 200 1425 0.11
  const line = /"(GET|POST|PUT|DELETE|PATCH) ([^ ?"]+)[^"]*" (\d{3})/g
  for (const m of buf.toString('utf8').matchAll(line)) {
    const verb = m[1] ?? ''
    const kind = troveKind(m[2] ?? '')
    if (!kind) continue
    if (!succeeded(Number(m[3]))) {
      failed += 1
      continue
    }
    const key = verb === 'GET' ? kind : `${verb} ${kind.replace(/^GET |^other /, '')}`
    byKind[key] = (byKind[key] ?? 0) + 1
  }
  return finish(byKind, seconds * 1000, failed)
}

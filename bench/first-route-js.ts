/**
 * First-route JavaScript: what the browser downloads for /login, and what it adds for /instances
 * after signing in. Measured in the browser: every `.js` response the page received, with the
 * bytes that came over the wire (Chromium's encoded body size, as the server compressed it for
 * this browser, brotli) and the bytes a gzip-only browser gets for the same file (asked of the
 * same server with `Accept-Encoding: gzip`, the encoding the 150 KB target is set in).
 */
import { request as httpRequest } from 'node:http'
import type { Page, Response } from '@playwright/test'

export interface JsFile {
  path: string
  /** Content-Encoding the browser got (br, gzip, or identity). */
  encoding: string
  /** Body bytes over the wire, as the browser received them. */
  transferBytes: number
  /** Body bytes of the same file sent gzip-compressed by the server. */
  gzipBytes: number
}

export interface FirstRouteJs {
  loginGzipBytes: number
  instancesExtraGzipBytes: number
  /** The target's figure: /login + the extra for /instances, gzip, in KB (1024 bytes). */
  totalGzipKB: number
  /** The same files as this browser downloaded them (brotli), in KB. */
  totalTransferKB: number
  files: number
  login: JsFile[]
  instancesExtra: JsFile[]
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10

/** The size of the body the server sends for `url` to a client that accepts only gzip. */
function gzipBodyBytes(url: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => (bytes += chunk.length))
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode}`))
        else resolve({ bytes, encoding: res.headers['content-encoding'] ?? 'identity' })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/** Signs in as demo through the login page and records the scripts each step received. */
export async function measureFirstRouteJs(page: Page, url: string): Promise<FirstRouteJs> {
  const received: Promise<JsFile>[] = []
  const seen = new Set<string>()
  const onResponse = (res: Response) => {
    const u = new URL(res.url())
    if (!u.pathname.endsWith('.js') || seen.has(u.pathname)) return
    seen.add(u.pathname)
    received.push(
      (async () => {
        await res.finished()
        const sizes = await res.request().sizes()
        const gzip = await gzipBodyBytes(u.href)
        if (gzip.encoding !== 'gzip' && gzip.bytes >= 1024)
          throw new Error(`${u.pathname} was not sent gzip-compressed (${gzip.encoding})`)
        return {
          path: u.pathname,
          encoding: (await res.allHeaders())['content-encoding'] ?? 'identity',
          transferBytes: sizes.responseBodySize,
          gzipBytes: gzip.bytes,
        }
      })(),
    )
  }
  page.on('response', onResponse)
  try {
    await page.goto(`${url}/login`)
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    await page.waitForLoadState('networkidle')
    const login = await Promise.all(received)

    await page.getByRole('textbox', { name: 'User name', exact: true }).fill('demo')
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('demo')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByTestId('instances-count').waitFor({ timeout: 60_000 })
    await page.waitForLoadState('networkidle')
    const instancesExtra = (await Promise.all(received)).slice(login.length)

    const sum = (files: JsFile[], key: 'gzipBytes' | 'transferBytes') =>
      files.reduce((n, f) => n + f[key], 0)
    const loginGzipBytes = sum(login, 'gzipBytes')
    const instancesExtraGzipBytes = sum(instancesExtra, 'gzipBytes')
    return {
      loginGzipBytes,
      instancesExtraGzipBytes,
      totalGzipKB: kb(loginGzipBytes + instancesExtraGzipBytes),
      totalTransferKB: kb(sum(login, 'transferBytes') + sum(instancesExtra, 'transferBytes')),
      files: login.length + instancesExtra.length,
      login,
      instancesExtra,
    }
  } finally {
    page.off('response', onResponse)
  }
}

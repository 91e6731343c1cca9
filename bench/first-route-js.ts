/**
 * First-route JavaScript: what the browser downloads for /login, and what it adds for /instances
 * after signing in (gzip sizes of the built files it actually requested, compressed here with
 * zlib's default level as a server would).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page } from '@playwright/test'

export interface JsFile {
  path: string
  gzipBytes: number
}

export interface FirstRouteJs {
  loginGzipBytes: number
  instancesExtraGzipBytes: number
  totalGzipKB: number
  login: JsFile[]
  instancesExtra: JsFile[]
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10

/** Signs in as demo through the login page and records the scripts each step requested. */
export async function measureFirstRouteJs(
  page: Page,
  url: string,
  distDir: string,
): Promise<FirstRouteJs> {
  const gzipSize = (urlPath: string): number => {
    const file = join(distDir, urlPath)
    return existsSync(file) ? gzipSync(readFileSync(file)).length : 0
  }
  const scripts: string[] = []
  const onRequest = (r: { url: () => string }) => {
    const p = new URL(r.url()).pathname
    if (p.endsWith('.js') && !scripts.includes(p)) scripts.push(p)
  }
  page.on('request', onRequest)
  try {
    await page.goto(`${url}/login`)
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    await page.waitForLoadState('networkidle')
    const login = scripts.map((path) => ({ path, gzipBytes: gzipSize(path) }))

    await page.getByRole('textbox', { name: 'User name', exact: true }).fill('demo')
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('demo')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByTestId('instances-count').waitFor({ timeout: 60_000 })
    await page.waitForLoadState('networkidle')
    const instancesExtra = scripts
      .slice(login.length)
      .map((path) => ({ path, gzipBytes: gzipSize(path) }))

    const loginGzipBytes = login.reduce((n, f) => n + f.gzipBytes, 0)
    const instancesExtraGzipBytes = instancesExtra.reduce((n, f) => n + f.gzipBytes, 0)
    return {
      loginGzipBytes,
      instancesExtraGzipBytes,
      totalGzipKB: kb(loginGzipBytes + instancesExtraGzipBytes),
      login,
      instancesExtra,
    }
  } finally {
    page.off('request', onRequest)
  }
}

import type { Page } from '@playwright/test'

/**
 * Waits until a request the page starts now has been seen. Playwright reports a page's requests
 * in the order it starts them, so every request started before this one (a stray POST after a
 * refused submit, say) has reached the page's 'request' listeners once it returns.
 */
export async function requestBarrier(page: Page): Promise<void> {
  const marker = `/healthz?barrier=${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`
  await Promise.all([
    page.waitForRequest((r) => r.url().endsWith(marker)),
    page.evaluate((url) => fetch(url).then(() => undefined), marker),
  ])
}

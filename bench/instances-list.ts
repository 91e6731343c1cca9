/**
 * The instances list with thousands of rows, measured inside the page (performance.now(), the
 * frame after the DOM shows the change) so Playwright's round trips do not count:
 * - navigation to rows visible: a full page load of /instances (time from the navigation start),
 *   and an in-app navigation (a click on the sidebar link from /datastores); each gives the time
 *   to the first rows and to all rows listed ("5,000 instances")
 * - filter keystroke to repaint: from the keydown's timestamp to the first animation frame after
 *   the row count changed
 * - scroll: requestAnimationFrame deltas while the list scrolls from top to bottom
 * The page scripts are strings: tsx would wrap named functions in a helper the page lacks.
 */
import type { Browser, Page } from '@playwright/test'
import { frameStats, median, round1, type FrameStats } from './lib'

/**
 * Installed before every document: records when at least five data rows, and when the full
 * count, are first on screen (performance.now() in the first animation frame after the DOM
 * shows them), and the time of the last click (the start of an in-app navigation).
 */
const OBSERVER = (countText: string) => `(() => {
  const b = { firstRows: null, allRows: null, click: null }
  window.__bench = b
  document.addEventListener('click', (e) => { b.click = e.timeStamp; b.firstRows = null; b.allRows = null }, true)
  const check = () => {
    if (b.firstRows === null && document.querySelectorAll('[data-testid="instances-scroll"] tbody tr[data-index]').length >= 5) {
      b.firstRows = -1
      requestAnimationFrame(() => { b.firstRows = performance.now() })
    }
    const count = document.querySelector('[data-testid="instances-count"]')
    if (b.allRows === null && count && count.textContent.startsWith(${JSON.stringify(countText)})) {
      b.allRows = -1
      requestAnimationFrame(() => { b.allRows = performance.now() })
    }
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true })
})()`

interface BenchMarks {
  firstRows: number
  allRows: number
  click: number | null
}

const readMarks = (page: Page): Promise<BenchMarks> =>
  page.evaluate('window.__bench') as Promise<BenchMarks>

/**
 * Polls `expression` in the page until it is true. (page.waitForFunction would evaluate a string
 * with eval, which the console's CSP refuses; the bench keeps the CSP the console ships with.)
 */
async function waitInPage(page: Page, expression: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await page.evaluate(expression)) return true
    await new Promise((r) => setTimeout(r, 20))
  }
  return false
}

async function waitForAllRows(page: Page): Promise<BenchMarks> {
  const ok = await waitInPage(
    page,
    '!!(window.__bench && window.__bench.firstRows > 0 && window.__bench.allRows > 0)',
    60_000,
  )
  if (!ok) throw new Error('the instances list did not show all its rows within 60 s')
  return readMarks(page)
}

export interface Timings {
  runs: number[]
  medianMs: number
}

const timings = (runs: number[]): Timings => ({
  runs: runs.map(round1),
  medianMs: round1(median(runs)),
})

export interface RowsVisible {
  fullLoad: { firstRows: Timings; allRows: Timings }
  inApp: { firstRows: Timings; allRows: Timings }
}

/**
 * A page of a fresh context (en-US, 1280 x 800) whose documents run the rows observer for a list
 * of `count` instances: where the list benches measure.
 */
export async function observedPage(browser: Browser, count: number): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
  })
  await context.addInitScript(OBSERVER(`${count.toLocaleString('en-US')} instances`))
  return context.newPage()
}

/** Navigation to rows visible, `runs` times each way (page signed in, observer installed). */
export async function measureRowsVisible(
  page: Page,
  url: string,
  runs: number,
): Promise<RowsVisible> {
  const full = { first: [] as number[], all: [] as number[] }
  for (let i = 0; i < runs; i++) {
    await page.goto(`${url}/datastores`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await page.goto(`${url}/instances`)
    const m = await waitForAllRows(page)
    full.first.push(m.firstRows)
    full.all.push(m.allRows)
  }
  const inApp = { first: [] as number[], all: [] as number[] }
  for (let i = 0; i < runs; i++) {
    // A fresh document: nothing of the list is cached when the link is clicked.
    await page.goto(`${url}/datastores`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await page.waitForLoadState('networkidle')
    await page.getByRole('link', { name: 'Instances', exact: true }).click()
    const m = await waitForAllRows(page)
    if (m.click === null) throw new Error('the click on the Instances link was not seen')
    inApp.first.push(m.firstRows - m.click)
    inApp.all.push(m.allRows - m.click)
  }
  return {
    fullLoad: { firstRows: timings(full.first), allRows: timings(full.all) },
    inApp: { firstRows: timings(inApp.first), allRows: timings(inApp.all) },
  }
}

export interface FilterLatency {
  keystrokes: string[]
  /** keydown to the frame after the count changed, per keystroke that changed it */
  runs: number[]
  medianMs: number
  maxMs: number
  /** keystrokes after which the count did not change within 3 s (not timed) */
  unchanged: number
}

/**
 * Keystrokes in the filter box, each of which changes the row count (the demo instances are
 * named demo-db-0001 … demo-db-NNNN): from "demo-db-" (every row) down to 1,000, 100 and 10
 * rows and back, then to none and back to every row.
 */
export const FILTER_KEYS = [
  ...['1', '2', '3', 'Backspace', 'Backspace', 'Backspace'],
  ...['4', '5', '6', 'Backspace', 'Backspace', 'Backspace'],
  ...['x', 'Backspace', '2', '1', 'Backspace', 'Backspace', 'z', 'Backspace'],
]

export async function measureFilterLatency(page: Page, url: string): Promise<FilterLatency> {
  await page.goto(`${url}/instances`)
  await waitForAllRows(page)
  const box = page.getByRole('searchbox', { name: 'Filter', exact: true })
  await box.fill('demo-db-')
  await page.waitForTimeout(500)
  await page.evaluate(`(() => {
    const f = { key: null, before: null, results: [], done: 0 }
    window.__filter = f
    const box = document.getElementById('instances-filter')
    const count = () => document.querySelector('[data-testid="instances-count"]')
    box.addEventListener('keydown', (e) => { f.key = e.timeStamp; f.before = count().textContent }, true)
    new MutationObserver(() => {
      if (f.key === null || count().textContent === f.before) return
      const t0 = f.key
      f.key = null
      requestAnimationFrame(() => { f.results.push(performance.now() - t0); f.done++ })
    }).observe(count(), { childList: true, subtree: true, characterData: true })
  })()`)
  let unchanged = 0
  for (const key of FILTER_KEYS) {
    const before = (await page.evaluate('window.__filter.done')) as number
    await box.press(key)
    if (!(await waitInPage(page, `window.__filter.done > ${before}`, 3_000))) {
      unchanged++
      await page.evaluate('window.__filter.key = null')
    }
    // Let the list settle, as between a person's keystrokes.
    await page.waitForTimeout(150)
  }
  const runs = (await page.evaluate('window.__filter.results')) as number[]
  return {
    keystrokes: FILTER_KEYS,
    runs: runs.map(round1),
    medianMs: round1(median(runs)),
    maxMs: round1(Math.max(...runs)),
    unchanged,
  }
}

export interface ScrollFrames extends FrameStats {
  seconds: number
  scrolledPx: number
}

/**
 * Scrolls the unfiltered list for `seconds`, recording frame deltas: `speed` 'flick' goes from
 * top to bottom (about 75,000 px/s with 5,000 rows: every frame shows new rows, the worst case);
 * a number scrolls that many px per second (a steady wheel).
 */
export async function measureScroll(
  page: Page,
  url: string,
  speed: 'flick' | number,
  seconds = 3,
): Promise<ScrollFrames> {
  await page.goto(`${url}/instances`)
  await waitForAllRows(page)
  await page.waitForTimeout(500)
  const r = (await page.evaluate(`new Promise((resolve) => {
    const el = document.querySelector('[data-testid="instances-scroll"]')
    const duration = ${seconds * 1000}
    const speed = ${JSON.stringify(speed)}
    const out = []
    let start = null
    let last = null
    const frame = (t) => {
      if (start === null) start = t
      else out.push(t - last)
      last = t
      const p = Math.min(1, (t - start) / duration)
      el.scrollTop = speed === 'flick' ? p * (el.scrollHeight - el.clientHeight) : (t - start) * speed / 1000
      if (p < 1) requestAnimationFrame(frame)
      else resolve({ deltas: out, px: el.scrollTop })
    }
    requestAnimationFrame(frame)
  })`)) as { deltas: number[]; px: number }
  return { seconds, scrolledPx: Math.round(r.px), ...frameStats(r.deltas) }
}

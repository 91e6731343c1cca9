import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { expect, type Page } from '@playwright/test'

const require = createRequire(import.meta.url)
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[] }[]
}

/** Runs axe-core in the page and fails on any serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page, label: string) {
  // A page that is still navigating (a redirect, a loader) destroys the context: settle, retry.
  const violations = await axeViolations(page)
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious, `${label}: ${JSON.stringify(serious, null, 2)}`).toEqual([])
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.waitForLoadState('domcontentloaded')
      await page.addScriptTag({ content: axeSource })
      return await page.evaluate(runAxe)
    } catch (e) {
      if (attempt >= 2 || !String(e).includes('context was destroyed')) throw e
      // The navigation that destroyed it: wait for the new document before trying again.
      await page.waitForLoadState('load')
    }
  }
}

async function runAxe(): Promise<AxeViolation[]> {
  const axe = (
    window as unknown as {
      axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> }
    }
  ).axe
  // Let finite transitions settle first: a toast fading in or out is half-transparent, and axe
  // measures the contrast of that in-between frame, not of what the user reads.
  const finite = document
    .getAnimations()
    .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity))
  await Promise.race([
    Promise.allSettled(finite.map((a) => a.finished)),
    new Promise((r) => setTimeout(r, 2000)),
  ])
  const result = await axe.run(document, { resultTypes: ['violations'] })
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
  }))
}

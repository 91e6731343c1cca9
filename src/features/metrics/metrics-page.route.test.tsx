import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderRoute, type RouteHarness } from '@/test/render-route'

let h: RouteHarness | undefined
afterEach(() => h?.close())

const PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const
const LABELS = { hour: 'Hour', day: 'Day', week: 'Week', month: 'Month', year: 'Year' }

/** What the charts show: per metric, its caption and point count ("CPU: 61 points"). */
function rendered(): string {
  const list = screen.getByRole('list', { name: 'Metrics' })
  return within(list)
    .getAllByRole('listitem')
    .map(
      (li) => `${li.textContent} ${li.querySelector('[role="img"]')?.getAttribute('aria-label')}`,
    )
    .join('\n')
}

describe('metrics route', () => {
  it('asks the cloud for each period and shows that period’s data', async () => {
    const harness = await renderRoute('/metrics')
    h = harness
    await screen.findByRole('heading', { name: 'Metrics', level: 1 })
    await screen.findByRole('list', { name: 'Metrics' }, { timeout: 5000 })
    const seen = new Map<string, string>()
    for (const period of PERIODS) {
      const radio = screen.getByRole('radio', { name: LABELS[period] })
      fireEvent.click(radio)
      await waitFor(() => expect(radio.getAttribute('aria-checked')).toBe('true'))
      // The page asked the cloud for this period...
      await waitFor(() =>
        expect(
          harness.requests.some(
            (r) =>
              r.path.includes('/dbaas-service-metrics/') &&
              (r.body as { period?: string } | undefined)?.period === period,
          ),
        ).toBe(true),
      )
      // ...and shows what came back, which differs from every other period's.
      await waitFor(() => {
        const now = rendered()
        expect([...seen.values()]).not.toContain(now)
        seen.set(period, now)
      })
    }
    expect(seen.size).toBe(PERIODS.length)
  })
})

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { MetricPeriod, MetricSeries } from '@/api/dbaas/schemas'
import { formatValue, orderedKeys, toChartData } from './lib/metric-data'

const COLORS = [
  'var(--color-chart-1, #2563eb)',
  'var(--color-chart-2, #d97706)',
  'var(--color-chart-3, #059669)',
  'var(--color-chart-4, #db2777)',
]

function timeLabel(period: MetricPeriod) {
  return (t: number) => {
    const d = new Date(t)
    if (period === 'hour' || period === 'day')
      return d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    return d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
  }
}

/**
 * One small chart per metric, tooltips synced across charts (same syncId), one line per node.
 * This module is the only one importing recharts: the metrics page loads it lazily.
 */
export default function MetricCharts({
  metrics,
  period,
}: {
  metrics: Record<string, MetricSeries>
  period: MetricPeriod
}) {
  const fmtTime = timeLabel(period)
  return (
    <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" aria-label="Metrics">
      {orderedKeys(Object.keys(metrics)).map((key) => {
        const series = metrics[key]
        if (!series) return null
        const data = toChartData(key, series)
        const last = data.points[data.points.length - 1]
        return (
          <li key={key} className="rounded-lg border bg-card p-3" data-metric={key}>
            <figure className="grid gap-2">
              <figcaption className="flex items-baseline justify-between gap-2 text-sm">
                <span className="font-medium">{data.title}</span>
                <span className="text-muted-foreground tabular-nums">
                  {last && typeof last.n0 === 'number'
                    ? `now ${formatValue(last.n0, data.unit)}`
                    : 'no data'}
                </span>
              </figcaption>
              {data.points.length === 0 ? (
                <p className="py-10 text-center text-sm text-muted-foreground">
                  No data in this period.
                </p>
              ) : (
                <div
                  className="h-40"
                  role="img"
                  aria-label={`${data.title}: ${data.points.length} points`}
                >
                  <ResponsiveContainer width="100%" height="100%">
                    <LineChart
                      data={data.points}
                      syncId="dbaas-metrics"
                      margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
                    >
                      <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border, #e5e7eb)" />
                      <XAxis
                        dataKey="t"
                        type="number"
                        scale="time"
                        domain={['dataMin', 'dataMax']}
                        tickFormatter={fmtTime}
                        tick={{ fontSize: 11 }}
                        minTickGap={24}
                      />
                      <YAxis
                        width={64}
                        tick={{ fontSize: 11 }}
                        tickFormatter={(v: number) => formatValue(v, data.unit)}
                        domain={data.unit === 'percent' ? [0, 100] : [0, 'auto']}
                      />
                      <Tooltip
                        labelFormatter={(t) => new Date(Number(t)).toLocaleString()}
                        formatter={(v) => formatValue(Number(v), data.unit)}
                      />
                      {data.nodes.length > 1 ? <Legend wrapperStyle={{ fontSize: 11 }} /> : null}
                      {data.nodes.map((node, i) => (
                        <Line
                          key={node}
                          dataKey={`n${i}`}
                          name={node}
                          type="monotone"
                          dot={data.points.length < 3}
                          isAnimationActive={false}
                          strokeWidth={1.5}
                          stroke={COLORS[i % COLORS.length]}
                        />
                      ))}
                    </LineChart>
                  </ResponsiveContainer>
                </div>
              )}
            </figure>
          </li>
        )
      })}
    </ul>
  )
}

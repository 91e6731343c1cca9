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
import { useState } from 'react'
import type { MetricPeriod, MetricSeries } from '@/api/dbaas/schemas'
import {
  axisFormatter,
  axisUnitLabel,
  formatValue,
  maxValue,
  orderedKeys,
  timeTickFormat,
  toChartData,
} from './lib/metric-data'

const COLORS = [
  'var(--color-chart-1, #2563eb)',
  'var(--color-chart-2, #d97706)',
  'var(--color-chart-3, #059669)',
  'var(--color-chart-4, #db2777)',
]

interface TickProps {
  x?: number | string
  y?: number | string
  payload?: { value?: unknown }
}

/** A y-axis label on one line (recharts' own tick wraps long labels into two). */
function axisTick(format: (v: number) => string) {
  return function AxisTick({ x, y, payload }: TickProps) {
    return (
      <text
        x={Number(x)}
        y={Number(y)}
        dy={4}
        textAnchor="end"
        fontSize={11}
        className="fill-muted-foreground"
      >
        {format(Number(payload?.value))}
      </text>
    )
  }
}

/**
 * One small chart per metric, one line per node. The crosshair is synchronised across charts
 * (same syncId); only the chart under the pointer (or keyboard focus) shows its tooltip. Each
 * y-axis is in one unit, named in the caption. This module is the only one importing recharts:
 * the metrics page loads it lazily.
 */
export default function MetricCharts({
  metrics,
  period,
}: {
  metrics: Record<string, MetricSeries>
  period: MetricPeriod
}) {
  const fmtTime = timeTickFormat(period)
  const [active, setActive] = useState<string | null>(null)
  return (
    <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" aria-label="Metrics">
      {orderedKeys(Object.keys(metrics)).map((key) => {
        const series = metrics[key]
        if (!series) return null
        const data = toChartData(key, series)
        const last = data.points[data.points.length - 1]
        const max = maxValue(data.points)
        const fmtAxis = axisFormatter(data.unit, max)
        return (
          <li
            key={key}
            className="min-w-0 rounded-lg border bg-card p-3"
            data-metric={key}
            onMouseEnter={() => setActive(key)}
            onMouseLeave={() => setActive((a) => (a === key ? null : a))}
          >
            <figure className="grid gap-2">
              <figcaption className="flex items-baseline justify-between gap-2 text-sm">
                <span className="truncate font-medium">
                  {data.title}{' '}
                  <span className="font-normal text-muted-foreground">
                    ({axisUnitLabel(data.unit, max)})
                  </span>
                </span>
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
                        minTickGap={32}
                      />
                      <YAxis
                        width={76}
                        tick={axisTick(fmtAxis)}
                        domain={data.unit === 'percent' ? [0, 100] : [0, 'auto']}
                      />
                      <Tooltip
                        labelFormatter={(t) => new Date(Number(t)).toLocaleString()}
                        formatter={(v) => formatValue(Number(v), data.unit)}
                        cursor={{
                          stroke: 'var(--color-muted-foreground, #6b7280)',
                          strokeDasharray: '4 3',
                        }}
                        wrapperStyle={{
                          visibility: active === key ? 'visible' : 'hidden',
                          zIndex: 20,
                        }}
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

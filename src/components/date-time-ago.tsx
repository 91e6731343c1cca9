import { formatDateTime, formatRelativeTime, toIsoString } from '@/lib/format'

/** "23 Nov 2026, 03:53 (5 minutes ago)", with the exact time in its title; "—" without one. */
export function DateTimeAgo({ value, now }: { value: string | null | undefined; now: number }) {
  if (!value) return <>—</>
  return (
    <time dateTime={toIsoString(value)} title={formatDateTime(value, { seconds: true })}>
      {formatDateTime(value)} ({formatRelativeTime(value, now)})
    </time>
  )
}

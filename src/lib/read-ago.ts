/**
 * "Read 12 s ago" for a list's last full read (`dataUpdatedAt`). A read time after `now` (clock
 * skew between a timer tick and the fetch) is clamped to "just now": never a time in the future.
 */
export function formatReadAgo(readAt: number, now: number): string {
  if (!readAt) return 'Not read yet'
  const sec = Math.max(0, Math.floor((now - readAt) / 1000))
  if (sec < 5) return 'Read just now'
  if (sec < 60) return `Read ${sec} s ago`
  const min = Math.floor(sec / 60)
  if (min < 60) return `Read ${min} min ago`
  const h = Math.floor(min / 60)
  if (h < 24) return `Read ${h} h ago`
  return `Read ${Math.floor(h / 24)} d ago`
}

import type { ReactNode } from 'react'

/** One label/value pair of a details list (inside a `<dl>`). */
export function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="font-medium break-words">{value}</dd>
    </div>
  )
}

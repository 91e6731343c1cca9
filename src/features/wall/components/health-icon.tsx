import { CircleCheck, CircleHelp, OctagonX, RefreshCw, TriangleAlert } from 'lucide-react'
import { cn } from '@/lib/cn'
import type { Health } from '../lib/tile-state'

/** A different shape per health (check, triangle, octagon, arrows, question), never colour alone. */
const ICONS = {
  ok: CircleCheck,
  warning: TriangleAlert,
  error: OctagonX,
  busy: RefreshCw,
  unknown: CircleHelp,
} as const

export const HEALTH_TEXT: Record<Health, string> = {
  ok: 'text-emerald-300',
  warning: 'text-amber-300',
  error: 'text-red-300',
  busy: 'text-sky-300',
  unknown: 'text-slate-300',
}

export function HealthIcon({ health, className }: { health: Health; className?: string }) {
  const Icon = ICONS[health]
  return (
    <Icon
      aria-hidden="true"
      className={cn(
        'shrink-0',
        HEALTH_TEXT[health],
        health === 'busy' && 'motion-safe:animate-[spin_3s_linear_infinite]',
        className,
      )}
    />
  )
}

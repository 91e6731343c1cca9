import {
  AlertTriangle,
  CheckCircle2,
  CircleHelp,
  Loader2,
  XCircle,
  type LucideIcon,
} from 'lucide-react'
import type { ComponentProps } from 'react'
import type { StatusTone } from '@/api/instances/status'
import { Badge, type BadgeVariant } from '@/components/ui/badge'

/** The one tone -> badge colour mapping; every resource kind's badge goes through it. */
const TONE_VARIANT: Record<StatusTone, BadgeVariant> = {
  ok: 'success',
  busy: 'info',
  error: 'danger',
  warning: 'warning',
  unknown: 'neutral',
}

/** The one tone -> icon mapping (icon + text, never colour alone). */
const TONE_ICON: Record<StatusTone, LucideIcon> = {
  ok: CheckCircle2,
  busy: Loader2,
  error: XCircle,
  warning: AlertTriangle,
  unknown: CircleHelp,
}

/**
 * A status badge from a tone (which comes from the resource's `src/api/<resource>/status.ts`):
 * icon + text, the tone in `data-tone` for tests.
 */
export function ToneBadge({
  tone,
  text,
  title,
  ...props
}: { tone: StatusTone; text: string; title: string } & Omit<
  ComponentProps<'span'>,
  'children' | 'title'
>) {
  const Icon = TONE_ICON[tone]
  return (
    <Badge variant={TONE_VARIANT[tone]} title={title} data-tone={tone} {...props}>
      <Icon aria-hidden="true" className={tone === 'busy' ? 'animate-spin' : undefined} />
      {/* No wider than its cell: a long status ends in an ellipsis, not mid-letter. */}
      <span className="min-w-0 truncate">{text}</span>
    </Badge>
  )
}

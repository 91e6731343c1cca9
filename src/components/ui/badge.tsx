import type { ComponentProps } from 'react'
import { cn } from '@/lib/cn'

export type BadgeVariant = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'outline'

const variants: Record<BadgeVariant, string> = {
  neutral: 'bg-neutral-soft text-neutral-soft-foreground',
  info: 'bg-info-soft text-info-soft-foreground',
  success: 'bg-success-soft text-success-soft-foreground',
  warning: 'bg-warning-soft text-warning-soft-foreground',
  danger: 'bg-danger-soft text-danger-soft-foreground',
  outline: 'border border-border text-foreground',
}

export function Badge({
  variant = 'neutral',
  className,
  ...props
}: ComponentProps<'span'> & { variant?: BadgeVariant }) {
  return (
    <span
      className={cn(
        'inline-flex max-w-full min-w-0 items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap',
        '[&_svg]:size-3 [&_svg]:shrink-0',
        variants[variant],
        className,
      )}
      {...props}
    />
  )
}

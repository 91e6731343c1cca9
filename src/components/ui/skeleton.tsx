import type { ComponentProps } from 'react'
import { cn } from '@/lib/cn'

/** A placeholder block while data loads (hidden from screen readers; announce loading elsewhere). */
export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      aria-hidden="true"
      className={cn('animate-pulse-soft rounded-md bg-muted', className)}
      {...props}
    />
  )
}

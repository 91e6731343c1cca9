import type { ComponentProps, ReactNode } from 'react'
import { AlertTriangle, CheckCircle2, Info, XCircle } from 'lucide-react'
import { cn } from '@/lib/cn'

export type AlertVariant = 'info' | 'success' | 'warning' | 'error'

const variants: Record<AlertVariant, string> = {
  info: 'bg-info-soft text-info-soft-foreground border-info-soft-foreground/25',
  success: 'bg-success-soft text-success-soft-foreground border-success-soft-foreground/25',
  warning: 'bg-warning-soft text-warning-soft-foreground border-warning-soft-foreground/25',
  error: 'bg-danger-soft text-danger-soft-foreground border-danger-soft-foreground/25',
}

const icons = { info: Info, success: CheckCircle2, warning: AlertTriangle, error: XCircle }

/**
 * A message box. Errors and warnings are announced at once (role="alert"); info and success
 * politely (role="status"). Pass `role` to override, e.g. role={undefined} for static text.
 */
export function Alert({
  variant = 'info',
  title,
  className,
  children,
  action,
  role,
  ...props
}: Omit<ComponentProps<'div'>, 'title'> & {
  variant?: AlertVariant
  title?: ReactNode
  /** A button or link shown at the end ("Retry", "Open instance"). */
  action?: ReactNode
}) {
  const Icon = icons[variant]
  const defaultRole = variant === 'error' || variant === 'warning' ? 'alert' : 'status'
  return (
    <div
      role={role === undefined && !('role' in props) ? defaultRole : role}
      className={cn(
        'flex items-start gap-3 rounded-lg border p-3.5 text-sm',
        variants[variant],
        className,
      )}
      {...props}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
      <div className="grid min-w-0 flex-1 gap-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="break-words">{children}</div> : null}
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
  )
}

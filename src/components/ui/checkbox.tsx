import type { ComponentProps, ReactNode } from 'react'
import { useId } from 'react'
import { cn } from '@/lib/cn'

/** A native checkbox (works with react-hook-form's register). */
export function Checkbox({ className, ...props }: Omit<ComponentProps<'input'>, 'type'>) {
  return (
    <input
      type="checkbox"
      className={cn(
        'size-4 shrink-0 cursor-pointer rounded border-input accent-primary',
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring',
        'disabled:cursor-not-allowed disabled:opacity-60',
        className,
      )}
      {...props}
    />
  )
}

/** A checkbox with its label (and optional description) beside it. */
export function CheckboxField({
  label,
  description,
  id,
  className,
  ...props
}: Omit<ComponentProps<'input'>, 'type'> & { label: ReactNode; description?: ReactNode }) {
  const autoId = useId()
  const inputId = id ?? autoId
  const descId = description ? `${inputId}-description` : undefined
  return (
    <div className={cn('flex items-start gap-2', className)}>
      <Checkbox id={inputId} aria-describedby={descId} className="mt-0.5" {...props} />
      <div className="grid gap-1">
        <label htmlFor={inputId} className="text-sm leading-tight font-medium">
          {label}
        </label>
        {description ? (
          <p id={descId} className="text-sm text-muted-foreground">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  )
}

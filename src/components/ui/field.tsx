import {
  cloneElement,
  isValidElement,
  useId,
  type ComponentProps,
  type ReactElement,
  type ReactNode,
} from 'react'
import { cn } from '@/lib/cn'
import { Label } from './label'

/** Props Field gives its control so it is labelled, described and marked invalid. */
export interface FieldControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
  'aria-required'?: true | undefined
}

export interface FieldProps {
  label: ReactNode
  /** Shown under the control; read by screen readers with it. */
  description?: ReactNode
  /** The validation or server message; marks the control aria-invalid. */
  error?: string | undefined
  required?: boolean
  /** Use this id for the control instead of a generated one. */
  id?: string
  className?: string
  /** Hide the label visually (it stays for screen readers). */
  hideLabel?: boolean
  /**
   * The control: either one element (Field adds id, aria-invalid and aria-describedby to it)
   * or a function receiving those props.
   */
  children: ReactElement | ((props: FieldControlProps) => ReactNode)
}

/**
 * Label + control + description + error, wired for assistive technology:
 * `<Field label="Name" error={errors.name?.message}><Input {...register('name')} /></Field>`
 */
export function Field({
  label,
  description,
  error,
  required,
  id,
  className,
  hideLabel,
  children,
}: FieldProps) {
  const autoId = useId()
  const controlId = id ?? `field-${autoId}`
  const descriptionId = description ? `${controlId}-description` : undefined
  const errorId = error ? `${controlId}-error` : undefined
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined
  const controlProps: FieldControlProps = {
    id: controlId,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    ...(required ? { 'aria-required': true as const } : {}),
  }

  let control: ReactNode
  if (typeof children === 'function') control = children(controlProps)
  else if (isValidElement<Record<string, unknown>>(children)) {
    const own = children.props['aria-describedby']
    control = cloneElement(children, {
      ...controlProps,
      'aria-describedby':
        [typeof own === 'string' ? own : undefined, describedBy].filter(Boolean).join(' ') ||
        undefined,
    })
  } else control = children

  return (
    <div className={cn('grid content-start gap-1.5', className)}>
      <Label htmlFor={controlId} className={hideLabel ? 'sr-only' : undefined}>
        {label}
        {required ? (
          <span aria-hidden="true" className="text-danger">
            {' '}
            *
          </span>
        ) : null}
      </Label>
      {control}
      {description ? <FieldDescription id={descriptionId}>{description}</FieldDescription> : null}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  )
}

export function FieldDescription({ className, ...props }: ComponentProps<'p'>) {
  return <p className={cn('text-sm text-muted-foreground', className)} {...props} />
}

export function FieldError({ className, ...props }: ComponentProps<'p'>) {
  return <p className={cn('text-sm font-medium text-danger', className)} {...props} />
}

/** A titled group of fields (fieldset + legend). */
export function FieldSet({
  legend,
  className,
  children,
  ...props
}: ComponentProps<'fieldset'> & { legend: ReactNode }) {
  return (
    <fieldset className={cn('grid gap-4', className)} {...props}>
      <legend className="mb-2 text-sm font-semibold">{legend}</legend>
      {children}
    </fieldset>
  )
}

import type { ReactNode } from 'react'
import { Controller, useFormContext } from 'react-hook-form'
import { Badge } from '@/components/ui/badge'
import { Checkbox } from '@/components/ui/checkbox'
import { Field, FieldError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { describeRange, type FieldSpec } from './field-spec'

export interface SchemaFieldsProps {
  specs: readonly FieldSpec[]
  /** Path of the object holding the fields in the form ('values' -> 'values.max_connections'). */
  prefix?: string
  disabled?: boolean
  /** Something shown beside each field (a remove button). */
  fieldAction?: (spec: FieldSpec) => ReactNode
}

/** The description line of a field: its help, and for numbers what is accepted. */
export function fieldDescription(spec: FieldSpec): string | undefined {
  const parts: string[] = []
  if (spec.help) parts.push(spec.help)
  if (spec.kind === 'number') {
    const range = describeRange(spec)
    const kind = spec.integer ? 'Whole number' : 'Number'
    parts.push(range ? `${kind} ${range}.` : `${kind}.`)
  }
  return parts.length ? parts.join(' ') : undefined
}

function LabelText({ spec }: { spec: FieldSpec }) {
  return (
    <>
      {spec.label}
      {spec.badge ? (
        <Badge variant="warning" className="ml-2 align-middle">
          {spec.badge}
        </Badge>
      ) : null}
    </>
  )
}

/**
 * Renders field specs inside a react-hook-form FormProvider: one labelled control per spec,
 * with its description and its validation (or server) error announced with it.
 */
export function SchemaFields({ specs, prefix, disabled, fieldAction }: SchemaFieldsProps) {
  const { control } = useFormContext()
  return (
    <div className="grid gap-4">
      {specs.map((spec) => {
        const path = prefix ? `${prefix}.${spec.name}` : spec.name
        const action = fieldAction?.(spec)
        return (
          <div key={spec.name} className="flex items-start gap-2" data-field={spec.name}>
            <div className="min-w-0 flex-1">
              <Controller
                control={control}
                name={path}
                render={({ field, fieldState }) => {
                  const error = fieldState.error?.message
                  if (spec.kind === 'boolean') {
                    const id = `sf-${path.replace(/[^\w-]/g, '_')}`
                    const descId = spec.help ? `${id}-description` : undefined
                    const errId = error ? `${id}-error` : undefined
                    return (
                      <div className="grid gap-1">
                        <div className="flex items-start gap-2">
                          <Checkbox
                            id={id}
                            name={field.name}
                            ref={field.ref}
                            checked={field.value === true}
                            onChange={(e) => field.onChange(e.target.checked)}
                            onBlur={field.onBlur}
                            disabled={disabled}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={
                              [descId, errId].filter(Boolean).join(' ') || undefined
                            }
                            className="mt-0.5"
                          />
                          <div className="grid gap-1">
                            <label htmlFor={id} className="text-sm leading-tight font-medium">
                              <LabelText spec={spec} />
                            </label>
                            {spec.help ? (
                              <p id={descId} className="text-sm text-muted-foreground">
                                {spec.help}
                              </p>
                            ) : null}
                          </div>
                        </div>
                        {error ? <FieldError id={errId}>{error}</FieldError> : null}
                      </div>
                    )
                  }
                  const value = typeof field.value === 'string' ? field.value : ''
                  return (
                    <Field
                      label={<LabelText spec={spec} />}
                      description={fieldDescription(spec)}
                      error={error}
                      required={spec.required}
                    >
                      {spec.kind === 'select' ? (
                        <Select
                          name={field.name}
                          ref={field.ref}
                          value={value}
                          onChange={(e) => field.onChange(e.target.value)}
                          onBlur={field.onBlur}
                          disabled={disabled}
                        >
                          <option value="">{spec.required ? 'Choose…' : '(not set)'}</option>
                          {spec.options.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </Select>
                      ) : (
                        <Input
                          name={field.name}
                          ref={field.ref}
                          value={value}
                          onChange={(e) => field.onChange(e.target.value)}
                          onBlur={field.onBlur}
                          disabled={disabled}
                          type={spec.kind === 'secret' ? 'password' : 'text'}
                          inputMode={
                            spec.kind === 'number'
                              ? spec.integer
                                ? 'numeric'
                                : 'decimal'
                              : undefined
                          }
                          autoComplete={spec.kind === 'secret' ? 'new-password' : 'off'}
                          spellCheck={false}
                          placeholder={spec.kind === 'text' ? spec.placeholder : undefined}
                        />
                      )}
                    </Field>
                  )
                }}
              />
            </div>
            {action ? <div className="pt-6">{action}</div> : null}
          </div>
        )
      })}
    </div>
  )
}

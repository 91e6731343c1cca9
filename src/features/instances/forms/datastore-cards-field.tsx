import type { UseFormRegisterReturn } from 'react-hook-form'
import type { Datastore } from '@/api/datastores/schemas'
import { cn } from '@/lib/cn'

/**
 * The datastore, as a card per datastore (name and its versions). Native radios: Tab reaches the
 * group, the arrow keys move the choice.
 */
export function DatastoreCardsField({
  datastores,
  registration,
  selected,
  error,
  disabled,
}: {
  datastores: readonly Datastore[]
  registration: UseFormRegisterReturn
  selected: string
  error: string | undefined
  disabled: boolean
}) {
  return (
    <fieldset
      className="grid gap-2"
      disabled={disabled}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? 'launch-datastore-error' : undefined}
    >
      <legend className="mb-1 text-sm font-medium">
        Datastore{' '}
        <span aria-hidden="true" className="text-danger">
          *
        </span>
      </legend>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {datastores.map((d) => {
          const id = `launch-datastore-${d.name}`
          return (
            <label
              key={d.id}
              htmlFor={id}
              className={cn(
                'flex cursor-pointer items-start gap-2 rounded-md border p-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring',
                selected === d.name && 'border-primary bg-primary/10',
              )}
            >
              <input
                id={id}
                type="radio"
                value={d.name}
                className="mt-0.5 size-4 accent-primary"
                {...registration}
              />
              <span className="grid">
                <span className="font-medium">{d.name}</span>
                <span className="text-xs text-muted-foreground">
                  {d.versions.map((v) => v.name).join(', ')}
                </span>
              </span>
            </label>
          )
        })}
      </div>
      {error ? (
        <p id="launch-datastore-error" className="text-sm font-medium text-danger" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}

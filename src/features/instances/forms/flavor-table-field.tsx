import type { UseFormRegisterReturn } from 'react-hook-form'
import { flavorRef, type Flavor } from '@/api/flavors/schemas'
import { formatRamMb } from '@/lib/format'
import { cn } from '@/lib/cn'

/**
 * The flavor, picked from a table (vCPU, RAM, disk) of the flavors the datastore version allows.
 * One radio per row: Tab reaches the group, the arrow keys move the choice (native radios).
 */
export function FlavorTableField({
  flavors,
  registration,
  selected,
  error,
  disabled,
  note,
}: {
  flavors: readonly Flavor[]
  registration: UseFormRegisterReturn
  selected: string
  error: string | undefined
  disabled: boolean
  /** Where the list comes from (or why it is not filtered). */
  note: string
}) {
  const errorId = 'launch-flavor-error'
  return (
    <fieldset
      className="grid gap-2"
      aria-describedby={`launch-flavor-note${error ? ` ${errorId}` : ''}`}
      aria-invalid={error ? true : undefined}
      disabled={disabled}
    >
      <legend className="mb-1 text-sm font-medium">
        Flavor{' '}
        <span aria-hidden="true" className="text-danger">
          *
        </span>
      </legend>
      <p id="launch-flavor-note" className="text-sm text-muted-foreground">
        {note}
      </p>
      <div className="max-h-72 overflow-auto rounded-md border">
        <table className="w-full min-w-[22rem] text-sm" aria-label="Flavors">
          <thead className="sticky top-0 bg-background text-left text-muted-foreground">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Name
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                vCPU
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                RAM
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Disk
              </th>
            </tr>
          </thead>
          <tbody>
            {flavors.map((f) => {
              const ref = flavorRef(f)
              const id = `launch-flavor-${ref}`
              return (
                <tr
                  key={ref}
                  className={cn('border-t', selected === ref && 'bg-primary/10')}
                  data-testid="flavor-row"
                >
                  <td className="px-3 py-2">
                    <label htmlFor={id} className="flex cursor-pointer items-center gap-2">
                      <input
                        id={id}
                        type="radio"
                        value={ref}
                        className="size-4 accent-primary"
                        {...registration}
                      />
                      <span className="font-medium">{f.name}</span>
                    </label>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{f.vcpus ?? '?'}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatRamMb(f.ram)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {f.disk ? `${f.disk} GB` : '—'}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-danger" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}

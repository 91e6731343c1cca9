import { useEffect } from 'react'
import { Controller, type Control, type UseFormRegisterReturn } from 'react-hook-form'
import { describeError } from '@/api/errors'
import { moduleFits, type TroveModule } from '@/api/modules/schemas'
import { CheckboxField } from '@/components/ui/checkbox'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import {
  commaList,
  type LaunchInstanceInput,
  type LaunchInstanceValues,
} from './launch-instance.schema'

/**
 * Trove modules for the new instance: picked from the cloud's module list, only those that fit
 * the chosen datastore and version; typed module ids only when the cloud refused the list.
 */
export function ModulePickerField({
  control,
  modules,
  listError,
  datastore,
  version,
  value,
  error,
  registration,
  onPrune,
}: {
  control: Control<LaunchInstanceInput, unknown, LaunchInstanceValues>
  modules: TroveModule[] | undefined
  listError: unknown
  datastore: string
  version: string
  /** The field's current value (comma separated ids). */
  value: string
  error: string | undefined
  registration: UseFormRegisterReturn<'moduleIds'>
  /** Drops picked modules that no longer fit (another datastore or version). */
  onPrune: (ids: string[]) => void
}) {
  const fitting = modules && version ? modules.filter((m) => moduleFits(m, datastore, version)) : []
  const fitKey = fitting.map((m) => m.id).join(',')
  useEffect(() => {
    if (!modules || !version) return
    const picked = commaList(value)
    const keep = picked.filter((id) => fitKey.split(',').includes(id))
    if (keep.length !== picked.length) onPrune(keep)
  }, [modules, version, value, fitKey, onPrune])

  if (listError || !modules) {
    return (
      <Field
        label="Module IDs"
        description={
          listError
            ? `The cloud refused its module list (${describeError(listError)}): type module UUIDs, comma separated, or leave empty.`
            : 'Reading the modules…'
        }
        error={error}
      >
        <Input autoComplete="off" className="font-mono" disabled={!listError} {...registration} />
      </Field>
    )
  }
  return (
    <fieldset className="grid gap-2" aria-describedby="launch-modules-note">
      <legend className="text-sm font-medium">Modules</legend>
      <p id="launch-modules-note" className="text-sm text-muted-foreground">
        {!version
          ? 'Choose a datastore version to see the modules that fit it.'
          : fitting.length === 0
            ? `No module of this cloud fits ${datastore} ${version}.`
            : `The modules that fit ${datastore} ${version}; applied when the instance is built.`}
      </p>
      <Controller
        control={control}
        name="moduleIds"
        render={({ field }) => {
          const picked = commaList(field.value ?? '')
          return (
            <div className="grid gap-3 sm:grid-cols-2">
              {fitting.map((m) => (
                <CheckboxField
                  key={m.id}
                  label={m.name}
                  description={`${m.description ?? m.type}${m.datastore === 'all' ? ' · every datastore' : m.datastore_version === 'all' ? ` · every ${m.datastore} version` : ''}`}
                  checked={picked.includes(m.id)}
                  onBlur={field.onBlur}
                  onChange={(e) =>
                    field.onChange(
                      (e.target.checked
                        ? [...picked, m.id]
                        : picked.filter((x) => x !== m.id)
                      ).join(','),
                    )
                  }
                />
              ))}
            </div>
          )
        }}
      />
      {error ? (
        <p className="text-sm font-medium text-danger" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}

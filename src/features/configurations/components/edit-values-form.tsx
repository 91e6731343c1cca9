import { useId, useMemo, useState } from 'react'
import { FormProvider, useWatch } from 'react-hook-form'
import { toast } from '@/lib/toast'
import type { ScopeParams } from '@/api/instances/keys'
import { usePatchConfiguration, useReplaceConfiguration } from '@/api/configurations/mutations'
import type { Configuration } from '@/api/configurations/schemas'
import type { Parameter } from '@/api/parameters/schemas'
import { toInput } from '@/components/schema-form/zod-from-specs'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Input, Textarea } from '@/components/ui/input'
import { applyServerError } from '../lib/apply-server-error'
import {
  formatValue,
  parameterToSpec,
  restartRequired,
  specsFor,
  toApiValues,
} from '../lib/parameters-to-specs'
import { useGroupForm } from '../lib/use-group-form'
import { ValuesEditor } from './values-editor'

export type EditMode = 'merge' | 'replace'

/**
 * Edits a group's values with the generated editor. Two ways to save, as the API has them, in
 * the user's words: "Change values" (PATCH: only the listed values change, nothing is removed)
 * or "Replace all values" (PUT: the group holds exactly the listed values afterwards; name and
 * description can change too).
 */
export function EditValuesForm({
  scope,
  group,
  parameters,
  attachedNames,
  onDone,
}: {
  scope: ScopeParams
  group: Configuration
  parameters: readonly Parameter[]
  attachedNames: string[]
  onDone: () => void
}) {
  const modeName = useId()
  const known = useMemo(() => new Set(parameters.map((p) => p.name)), [parameters])
  const initialNames = Object.keys(group.values).filter((n) => known.has(n))
  const unknownKeys = Object.keys(group.values).filter((n) => !known.has(n))
  const [mode, setMode] = useState<EditMode>('merge')
  const [chosen, setChosen] = useState<string[]>(initialNames)
  const [formError, setFormError] = useState<string>()

  const form = useGroupForm(parameters, chosen, {
    name: group.name,
    description: group.description ?? '',
    values: Object.fromEntries(
      specsFor(parameters, initialNames).map((s) => [s.name, toInput(s, group.values[s.name])]),
    ),
  })
  const patch = usePatchConfiguration(scope)
  const replace = useReplaceConfiguration(scope)
  const pending = patch.isPending || replace.isPending

  // What saving would change, for the restart summary.
  const watched = useWatch({ control: form.control, name: 'values' })
  const changed = chosen.filter((n) => {
    const spec = parameters.find((p) => p.name === n)
    const before = group.values[n]
    const now = watched?.[n]
    if (!spec || before === undefined) return true
    return String(toInput(parameterToSpec(spec), before)) !== String(now)
  })
  const removed = mode === 'replace' ? initialNames.filter((n) => !chosen.includes(n)) : []
  const needRestart = restartRequired(parameters, [...changed, ...removed])

  const onSubmit = form.handleSubmit((v) => {
    setFormError(undefined)
    const { values, floatKeys } = toApiValues(parameters, v.values)
    const handlers = {
      onSuccess: () => {
        toast.success(
          mode === 'merge'
            ? `Values of ${group.name} updated.`
            : `${v.name || group.name} now holds exactly ${Object.keys(values).length} value${Object.keys(values).length === 1 ? '' : 's'}.`,
        )
        onDone()
      },
      onError: (error: unknown) =>
        setFormError(
          applyServerError(error, (p, e, o) => form.setError(p as 'name', e, o), {
            values: new Set(chosen),
            fields: new Set(mode === 'replace' ? ['name', 'description'] : []),
          }),
        ),
    }
    if (mode === 'merge') patch.mutate({ id: group.id, values, floatKeys }, handlers)
    else
      replace.mutate(
        { id: group.id, values, floatKeys, name: v.name, description: v.description || undefined },
        handlers,
      )
  })

  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={onSubmit} className="grid gap-5" aria-label="Edit values">
        {formError ? (
          <Alert variant="error" title="The cloud refused the change">
            {formError}
          </Alert>
        ) : null}
        <fieldset className="grid gap-2" aria-describedby={`${modeName}-difference`}>
          <legend className="mb-1 text-sm font-semibold">How to save</legend>
          <p id={`${modeName}-difference`} className="text-sm text-muted-foreground">
            The difference: changing values only touches the ones you list, replacing makes the list
            below the whole group.
          </p>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name={modeName}
              value="merge"
              checked={mode === 'merge'}
              onChange={() => setMode('merge')}
              className="mt-0.5 accent-primary"
            />
            <span>
              <span className="font-medium">Change values</span> — the values listed here are set;
              every other value of the group stays as it is. Removing a row here does not remove it
              from the group.
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name={modeName}
              value="replace"
              checked={mode === 'replace'}
              onChange={() => setMode('replace')}
              className="mt-0.5 accent-primary"
            />
            <span>
              <span className="font-medium">Replace all values</span> — afterwards the group holds
              exactly the values listed here: rows you removed are deleted from it. Name and
              description can change too.
            </span>
          </label>
        </fieldset>

        {mode === 'replace' ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Name" required error={form.formState.errors.name?.message}>
              <Input {...form.register('name')} autoComplete="off" />
            </Field>
            <Field
              label="Description"
              description="Left empty, the current description is kept."
              error={form.formState.errors.description?.message}
            >
              <Textarea {...form.register('description')} rows={1} />
            </Field>
          </div>
        ) : null}

        {unknownKeys.length > 0 ? (
          <Alert variant="info">
            {unknownKeys.map((k) => `${k} = ${formatValue(group.values[k])}`).join(', ')}: no longer
            parameters of this version, not editable here
            {mode === 'replace' ? ' (replacing removes them)' : ''}.
          </Alert>
        ) : null}

        <ValuesEditor
          parameters={parameters}
          chosen={chosen}
          onChosenChange={setChosen}
          disabled={pending}
          showRestartSummary={false}
        />

        {needRestart.length > 0 && attachedNames.length > 0 ? (
          <Alert variant="warning" title="Saving will require a restart" role="status">
            {needRestart.join(', ')} change{needRestart.length === 1 ? 's' : ''}: the attached
            instance{attachedNames.length === 1 ? '' : 's'} {attachedNames.join(', ')} will show
            RESTART_REQUIRED until restarted.
          </Alert>
        ) : null}

        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : mode === 'merge' ? 'Change values' : 'Replace all values'}
          </Button>
          <Button variant="outline" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
        </div>
      </form>
    </FormProvider>
  )
}

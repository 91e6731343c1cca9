import { useId, useMemo, useState } from 'react'
import { useFormContext } from 'react-hook-form'
import { Plus, X } from 'lucide-react'
import type { Parameter } from '@/api/parameters/schemas'
import { SchemaFields } from '@/components/schema-form/schema-fields'
import { emptyInput } from '@/components/schema-form/zod-from-specs'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import {
  parameterToSpec,
  restartRequired,
  searchParameters,
  specsFor,
} from '../lib/parameters-to-specs'

const MAX_RESULTS = 12

export interface ValuesEditorProps {
  parameters: readonly Parameter[]
  /** The parameters being set, in the order added. */
  chosen: string[]
  onChosenChange: (names: string[]) => void
  disabled?: boolean
  /** Explains what a restart-required change means here (attached instances ...). */
  restartNote?: string
  /** Show the restart summary of the chosen parameters (off when the caller shows its own). */
  showRestartSummary?: boolean
}

/**
 * The generated values editor: find a parameter, add it, set its value (a field generated from
 * the parameter's type and bounds). Only added parameters are sent. Must be inside a
 * FormProvider whose values live under `values`.
 */
export function ValuesEditor({
  parameters,
  chosen,
  onChosenChange,
  disabled,
  restartNote,
  showRestartSummary = true,
}: ValuesEditorProps) {
  const form = useFormContext()
  const [query, setQuery] = useState('')
  const searchId = useId()
  const chosenSet = useMemo(() => new Set(chosen), [chosen])
  const matches = useMemo(
    () => searchParameters(parameters, query, chosenSet),
    [parameters, query, chosenSet],
  )
  const specs = useMemo(() => specsFor(parameters, chosen), [parameters, chosen])
  const needRestart = restartRequired(parameters, chosen)

  const add = (p: Parameter) => {
    form.setValue(`values.${p.name}`, emptyInput(parameterToSpec(p)))
    onChosenChange([...chosen, p.name])
    setQuery('')
    // Focus the new field once it is rendered.
    requestAnimationFrame(() => form.setFocus(`values.${p.name}`))
  }
  const remove = (name: string) => {
    form.unregister(`values.${name}`)
    onChosenChange(chosen.filter((n) => n !== name))
  }

  return (
    <div className="grid gap-4">
      <div className="grid gap-1.5">
        <Label htmlFor={searchId}>Find a parameter to set</Label>
        <Input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={`Search ${parameters.length} parameters, e.g. "connections"`}
          disabled={disabled}
          aria-describedby={`${searchId}-count`}
          autoComplete="off"
        />
        <p id={`${searchId}-count`} className="text-sm text-muted-foreground" aria-live="polite">
          {query
            ? `${matches.length} matching parameter${matches.length === 1 ? '' : 's'}${
                matches.length > MAX_RESULTS ? ` (first ${MAX_RESULTS} shown)` : ''
              }.`
            : 'Type part of a name; only the parameters you add are sent.'}
        </p>
        {query ? (
          <ul className="grid gap-1" aria-label="Matching parameters">
            {matches.slice(0, MAX_RESULTS).map((p) => (
              <li key={p.name} className="flex flex-wrap items-center gap-2">
                <Button
                  variant="outline"
                  size="sm"
                  onClick={() => add(p)}
                  disabled={disabled}
                  aria-label={`Add ${p.name}`}
                >
                  <Plus aria-hidden="true" />
                  {p.name}
                </Button>
                <span className="text-xs text-muted-foreground">{p.type}</span>
                {p.restart_required ? <Badge variant="warning">Restart required</Badge> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>

      {specs.length === 0 ? (
        <p className="rounded-md border border-dashed p-4 text-sm text-muted-foreground">
          No parameters set yet. A group without values is allowed; add the ones you want to
          override.
        </p>
      ) : (
        <SchemaFields
          specs={specs}
          prefix="values"
          disabled={disabled}
          fieldAction={(spec) => (
            <Button
              variant="ghost"
              size="icon-sm"
              onClick={() => remove(spec.name)}
              disabled={disabled}
              aria-label={`Remove ${spec.name}`}
              title={`Remove ${spec.name}`}
            >
              <X aria-hidden="true" />
            </Button>
          )}
        />
      )}

      {showRestartSummary && needRestart.length > 0 ? (
        <Alert variant="warning" title="Some values need a restart" role="status">
          {needRestart.join(', ')} {needRestart.length === 1 ? 'takes' : 'take'} effect only after
          the database restarts. {restartNote ?? ''}
        </Alert>
      ) : null}
    </div>
  )
}

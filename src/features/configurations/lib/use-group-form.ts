import { useMemo } from 'react'
import { useForm, type Resolver } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import type { Parameter } from '@/api/parameters/schemas'
import { groupFormSchema, type GroupFormInput, type GroupFormOutput } from './create-form'
import { specsFor } from './parameters-to-specs'

/**
 * The group form (create and edit): name, description and the generated values of the
 * parameters chosen so far; the resolver follows the chosen parameters.
 */
export function useGroupForm(
  parameters: readonly Parameter[],
  chosen: readonly string[],
  defaultValues: GroupFormInput,
) {
  const specs = useMemo(() => specsFor(parameters, chosen), [parameters, chosen])
  const resolver = useMemo(
    () =>
      // zodResolver's types cannot follow a schema built at run time from the chosen specs.
      zodResolver(groupFormSchema(specs)) as unknown as Resolver<
        GroupFormInput,
        unknown,
        GroupFormOutput
      >,
    [specs],
  )
  return useForm<GroupFormInput, unknown, GroupFormOutput>({ resolver, defaultValues })
}

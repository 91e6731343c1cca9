import { useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { integrationSettingsQueryOptions, integrationTypesQueryOptions } from '@/api/dbaas/queries'
import {
  useCreateIntegration,
  useDeleteIntegration,
  useUpdateIntegration,
} from '@/api/dbaas/mutations'
import type {
  CreateIntegrationRequest,
  Integration,
  IntegrationType,
  Service,
} from '@/api/dbaas/schemas'
import type { MutationRequest } from '@/api/cli-twin/mutation-request'
import { INTEGRATION_TYPES } from '@/api/dbaas/schemas'
import { describeError } from '@/api/errors'
import { jsonSchemaToSpecs, type JsonSchema } from '@/components/schema-form/json-schema-to-specs'
import { SchemaForm } from '@/components/schema-form/schema-form'
import { definedValues } from '@/components/schema-form/zod-from-specs'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog'
import { Field } from '@/components/ui/field'
import { Select } from '@/components/ui/select'
import { Skeleton } from '@/components/ui/skeleton'
import { useScope } from '@/hooks/use-session'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { dbaasTwins } from '@/api/dbaas/twin-requests'
import { DataTable } from '@/components/data-table/data-table'
import type { RowAction } from '@/components/data-table/row-actions-menu'
import { useLocalTableSearch } from '@/components/data-table/use-local-table-search'
import {
  integrationLabel,
  integrationLocked,
  type IntegrationSortColumn,
} from '../lib/integration-list'
import { integrationColumns } from './integration-columns'

/** Integrations of a service: list, create (settings form generated from the JSON schema), edit, delete. */
export function IntegrationsSection({
  service,
  services,
}: {
  service: Service
  services: Service[]
}) {
  const scope = useScope()
  const [creating, setCreating] = useState(false)
  const [editing, setEditing] = useState<Integration>()
  const [deleting, setDeleting] = useState<Integration>()
  const del = useDeleteIntegration(scope)
  const columns = useMemo(() => integrationColumns(), [])
  const [search, setSearch] = useLocalTableSearch<IntegrationSortColumn>('type')
  const rowActions = useMemo<RowAction<Integration>[]>(
    () => [
      { label: 'Edit settings', onSelect: setEditing, disabledReason: integrationLocked },
      {
        label: 'Delete',
        destructive: true,
        onSelect: setDeleting,
        disabledReason: integrationLocked,
      },
    ],
    [],
  )
  const closeDelete = (o: boolean) => {
    if (o) return
    del.reset()
    setDeleting(undefined)
  }
  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between gap-2">
        <CardTitle>Integrations</CardTitle>
        <Button variant="outline" onClick={() => setCreating(true)}>
          New integration
        </Button>
      </CardHeader>
      <CardContent className="grid gap-3">
        <DataTable
          label="Integrations"
          idPrefix="integrations"
          csvName={`integrations-${service.name}`}
          columns={columns}
          rows={service.integrations ?? []}
          getRowId={integrationId}
          rowLabel={integrationLabel}
          search={search}
          onSearchChange={setSearch}
          noun={{ one: 'integration', other: 'integrations' }}
          filterPlaceholder="Type, source, destination"
          rowActions={rowActions}
          minWidth={560}
          empty={
            <p className="text-sm text-muted-foreground">
              No integrations. Send this service’s metrics or logs to another service with “New
              integration”.
            </p>
          }
        />
      </CardContent>
      <ConfirmDialog
        open={deleting !== undefined}
        onOpenChange={closeDelete}
        title="Delete this integration?"
        description={
          deleting
            ? `The ${deleting.type} integration from ${deleting.source} to ${deleting.dest} stops sending data.`
            : ''
        }
        confirmLabel="Delete"
        twin={deleting ? dbaasTwins.deleteIntegration(deleting.id) : undefined}
        pending={del.isPending}
        error={del.error}
        onConfirm={() => {
          if (!deleting) return
          del.mutate(
            { id: deleting.id, service: service.name, label: integrationLabel(deleting) },
            { onSuccess: () => closeDelete(false) },
          )
        }}
      />
      <Dialog open={creating} onOpenChange={setCreating}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>New integration from {service.name}</DialogTitle>
            <DialogDescription>
              Choose the type and the destination; the settings form comes from the integration’s
              JSON schema.
            </DialogDescription>
          </DialogHeader>
          {creating ? (
            <CreateIntegration
              service={service}
              services={services}
              onDone={() => setCreating(false)}
            />
          ) : null}
        </DialogContent>
      </Dialog>
      <Dialog open={editing !== undefined} onOpenChange={(o) => !o && setEditing(undefined)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Integration settings</DialogTitle>
            <DialogDescription>
              {editing ? `${editing.type}: ${editing.source} → ${editing.dest}` : ''}
            </DialogDescription>
          </DialogHeader>
          {editing ? (
            <EditIntegration
              integration={editing}
              services={services}
              onDone={() => setEditing(undefined)}
            />
          ) : null}
        </DialogContent>
      </Dialog>
    </Card>
  )
}

const integrationId = (i: Integration) => i.id

function SettingsForm({
  type,
  source,
  dest,
  initial,
  submitLabel,
  pending,
  formError,
  onSubmit,
  twin,
}: {
  type: string
  source: string
  dest: string
  initial?: Record<string, unknown> | undefined
  submitLabel: string
  pending: boolean
  formError?: string | undefined
  onSubmit: (settings: Record<string, unknown>) => void
  /** The request these settings make (the CLI twin). */
  twin: (settings: Record<string, unknown>) => MutationRequest
}) {
  const scope = useScope()
  const schema = useQuery(integrationSettingsQueryOptions(scope, type, source, dest))
  const form = useMemo(
    () => (schema.data ? jsonSchemaToSpecs(schema.data as JsonSchema) : undefined),
    [schema.data],
  )
  if (schema.isPending) return <Skeleton className="h-32" />
  if (schema.isError) return <Alert variant="error">{describeError(schema.error)}</Alert>
  if (!form) return null
  return (
    <div className="grid gap-3">
      {form.skipped.length > 0 ? (
        <p className="text-xs text-muted-foreground">
          Not editable here: {form.skipped.map((s) => `${s.name} (${s.reason})`).join(', ')}.
        </p>
      ) : null}
      {form.specs.length === 0 ? (
        <p className="text-sm text-muted-foreground">This integration has no settings.</p>
      ) : null}
      <SchemaForm
        key={`${type}/${source}/${dest}`}
        specs={form.specs}
        initialValues={{ ...form.defaults, ...initial }}
        submitLabel={submitLabel}
        pending={pending}
        formError={formError}
        onSubmit={(values) => onSubmit(definedValues(values))}
        twin={(values) => twin(definedValues(values))}
      />
    </div>
  )
}

function CreateIntegration({
  service,
  services,
  onDone,
}: {
  service: Service
  services: Service[]
  onDone: () => void
}) {
  const scope = useScope()
  const types = useQuery(integrationTypesQueryOptions(scope))
  const create = useCreateIntegration(scope)
  const [type, setType] = useState<IntegrationType>('metrics')
  const def = types.data?.find((t) => t.type === type)
  const candidates = services.filter(
    (s) => s.name !== service.name && (def?.['dest-service-types'] ?? []).includes(s.type),
  )
  const [dest, setDest] = useState<string>()
  const destName = dest && candidates.some((c) => c.name === dest) ? dest : candidates[0]?.name
  const destType = candidates.find((c) => c.name === destName)?.type
  const sourceOk = (def?.['source-service-types'] ?? []).includes(service.type)
  const request = (settings: Record<string, unknown>): CreateIntegrationRequest => ({
    'integration-type': type,
    'source-service': service.name,
    'dest-service': destName ?? '',
    settings,
  })
  return (
    <div className="grid gap-4">
      <Field label="Integration type">
        <Select value={type} onChange={(e) => setType(e.target.value as IntegrationType)}>
          {INTEGRATION_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
              {types.data?.find((x) => x.type === t)?.['dest-description']
                ? ` → ${types.data.find((x) => x.type === t)?.['dest-description']}`
                : ''}
            </option>
          ))}
        </Select>
      </Field>
      {!sourceOk && types.data ? (
        <Alert variant="warning">
          A {service.type} service cannot be the source of a {type} integration.
        </Alert>
      ) : candidates.length === 0 ? (
        <Alert variant="warning">
          No service here can receive a {type} integration (it needs a{' '}
          {(def?.['dest-service-types'] ?? []).join(' or ')} service).
        </Alert>
      ) : (
        <>
          <Field label="Destination service">
            <Select value={destName} onChange={(e) => setDest(e.target.value)}>
              {candidates.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name} ({c.type})
                </option>
              ))}
            </Select>
          </Field>
          {destName && destType ? (
            <SettingsForm
              type={type}
              source={service.type}
              dest={destType}
              submitLabel="Create integration"
              pending={create.isPending}
              formError={create.isError ? describeError(create.error) : undefined}
              twin={(settings) => dbaasTwins.createIntegration(request(settings))}
              onSubmit={(settings) => create.mutate(request(settings), { onSuccess: onDone })}
            />
          ) : null}
        </>
      )}
    </div>
  )
}

function EditIntegration({
  integration,
  services,
  onDone,
}: {
  integration: Integration
  services: Service[]
  onDone: () => void
}) {
  const scope = useScope()
  const update = useUpdateIntegration(scope)
  const sourceType = services.find((s) => s.name === integration.source)?.type
  const destType = services.find((s) => s.name === integration.dest)?.type
  if (!sourceType || !destType)
    return <Alert variant="warning">One of the services of this integration is gone.</Alert>
  return (
    <SettingsForm
      type={integration.type}
      source={sourceType}
      dest={destType}
      initial={integration.settings}
      submitLabel="Save settings"
      pending={update.isPending}
      formError={update.isError ? describeError(update.error) : undefined}
      twin={(settings) => dbaasTwins.updateIntegration(integration.id, settings)}
      onSubmit={(settings) =>
        update.mutate(
          { id: integration.id, service: integration.source, settings },
          { onSuccess: onDone },
        )
      }
    />
  )
}

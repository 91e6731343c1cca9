import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import {
  externalEndpointsQueryOptions,
  externalIntegrationsQueryOptions,
} from '@/api/dbaas/queries'
import { useAttachEndpoint, useDetachEndpoint } from '@/api/dbaas/mutations'
import type { Service } from '@/api/dbaas/schemas'
import { dbaasTwins } from '@/api/dbaas/twin-requests'
import { describeError } from '@/api/errors'
import { CliTwin } from '@/components/cli-twin'
import { Alert } from '@/components/ui/alert'
import { IntegrationStatusBadge } from '@/components/status/dbaas-status-badges'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Field } from '@/components/ui/field'
import { Select } from '@/components/ui/select'
import { Skeleton } from '@/components/ui/skeleton'
import { useScope } from '@/hooks/use-session'

/** External endpoints (Prometheus, rsyslog, Datadog ...) this service sends to: attach, detach. */
export function ExternalEndpointsSection({ service }: { service: Service }) {
  const scope = useScope()
  const endpoints = useQuery(externalEndpointsQueryOptions(scope))
  const attached = useQuery(externalIntegrationsQueryOptions(scope, service.name))
  const attach = useAttachEndpoint(scope)
  const detach = useDetachEndpoint(scope)
  const free = (endpoints.data ?? []).filter(
    (e) => !(attached.data ?? []).some((a) => a['dest-endpoint-id'] === e.id),
  )
  const [choice, setChoice] = useState<string>()
  const chosen = free.find((e) => e.id === choice) ?? free[0]
  return (
    <Card>
      <CardHeader>
        <CardTitle>External endpoints</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        {attached.isPending || endpoints.isPending ? (
          <Skeleton className="h-16" />
        ) : attached.isError || endpoints.isError ? (
          <Alert variant="error">{describeError(attached.error ?? endpoints.error)}</Alert>
        ) : (
          <>
            {attached.data.length === 0 ? (
              <p className="text-sm text-muted-foreground">
                Not attached to any external endpoint.
              </p>
            ) : (
              <ul className="grid gap-2" aria-label="Attached endpoints">
                {attached.data.map((x) => (
                  <li
                    key={x['integration-id']}
                    className="flex flex-wrap items-center gap-2 text-sm"
                  >
                    <span className="font-medium">{x['dest-endpoint-name']}</span>
                    <span className="text-muted-foreground">({x.type})</span>
                    <IntegrationStatusBadge integration={{ 'is-active': x.status === 'active' }} />
                    <Button
                      size="sm"
                      variant="outline"
                      disabled={detach.isPending}
                      onClick={() =>
                        detach.mutate({
                          service: service.name,
                          integrationId: x['integration-id'],
                          endpointName: x['dest-endpoint-name'] ?? x.type,
                        })
                      }
                    >
                      Detach {x['dest-endpoint-name']}
                    </Button>
                    <div className="w-full">
                      <CliTwin
                        request={dbaasTwins.detachEndpoint(service.name, x['integration-id'])}
                      />
                    </div>
                  </li>
                ))}
              </ul>
            )}
            {free.length > 0 && chosen ? (
              <div className="flex flex-wrap items-end gap-2">
                <Field label="Endpoint" className="min-w-56">
                  <Select value={chosen.id} onChange={(e) => setChoice(e.target.value)}>
                    {free.map((e) => (
                      <option key={e.id} value={e.id}>
                        {e.name} ({e.type})
                      </option>
                    ))}
                  </Select>
                </Field>
                <Button
                  disabled={attach.isPending}
                  onClick={() =>
                    attach.mutate({
                      service: service.name,
                      endpointId: chosen.id,
                      type: chosen.type,
                      endpointName: chosen.name,
                    })
                  }
                >
                  Attach
                </Button>
                <div className="w-full">
                  <CliTwin
                    request={dbaasTwins.attachEndpoint(service.name, chosen.id, chosen.type)}
                  />
                </div>
              </div>
            ) : null}
            {attach.isError ? <Alert variant="error">{describeError(attach.error)}</Alert> : null}
            {detach.isError ? <Alert variant="error">{describeError(detach.error)}</Alert> : null}
          </>
        )}
      </CardContent>
    </Card>
  )
}

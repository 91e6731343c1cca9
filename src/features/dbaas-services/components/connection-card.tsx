import { useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Download } from 'lucide-react'
import { caCertificateQueryOptions } from '@/api/dbaas/queries'
import type { Service } from '@/api/dbaas/schemas'
import { describeError } from '@/api/errors'
import { instancesQueryOptions } from '@/api/instances/queries'
import { CopyButton } from '@/components/copy-button'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { useScope } from '@/hooks/use-session'
import { portOf } from '../lib/service-labels'
import { Fact } from './fact'

/** Where to connect: host (from the service's instance), port, a TLS URI, the CA certificate. */
export function ConnectionCard({ service }: { service: Service }) {
  const scope = useScope()
  const instances = useQuery(instancesQueryOptions(scope))
  const client = useQueryClient()
  const [caError, setCaError] = useState<string>()
  // Services are addressed by name; the newest instance with that name is the service.
  const inst = [...(instances.data ?? [])].reverse().find((i) => i.name === service.name)
  const host = inst?.hostname ?? inst?.addresses?.[0]?.address ?? inst?.ip?.[0]
  const port = portOf(service.type)
  const scheme = service.type === 'pg' ? 'postgres' : 'mysql'
  const uri = `${scheme}://USER:PASSWORD@${host ?? 'HOST'}:${port}/DATABASE?ssl${service.type === 'pg' ? 'mode' : '-mode'}=require`
  const downloadCa = async () => {
    setCaError(undefined)
    try {
      const pem = await client.fetchQuery(caCertificateQueryOptions(scope))
      const url = URL.createObjectURL(new Blob([pem], { type: 'application/x-pem-file' }))
      const a = document.createElement('a')
      a.href = url
      a.download = 'dbaas-ca.pem'
      a.click()
      URL.revokeObjectURL(url)
    } catch (e) {
      setCaError(describeError(e))
    }
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>Connection</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <dl className="grid grid-cols-2 gap-4">
          <Fact
            label="Host"
            value={host ?? (instances.isPending ? 'Loading…' : 'Not assigned yet')}
          />
          <Fact label="Port" value={String(port)} />
        </dl>
        <div className="grid gap-1">
          <span className="text-xs text-muted-foreground">URI (TLS required)</span>
          <div className="flex items-start gap-2">
            <code className="min-w-0 flex-1 rounded bg-muted px-2 py-1 break-all">{uri}</code>
            <CopyButton text={uri} label="Copy URI" />
          </div>
        </div>
        <div>
          <Button variant="outline" onClick={() => void downloadCa()}>
            <Download aria-hidden="true" /> Download CA certificate
          </Button>
          {caError ? <p className="mt-1 text-danger">{caError}</p> : null}
        </div>
      </CardContent>
    </Card>
  )
}

import { useQuery } from '@tanstack/react-query'
import { hasDbaas, serviceTypesQueryOptions } from '@/api/dbaas/queries'
import { describeError } from '@/api/errors'
import { NoDbaasNotice } from '@/components/dbaas/no-dbaas-notice'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { Skeleton } from '@/components/ui/skeleton'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table'
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs'
import { useScope, useSession } from '@/hooks/use-session'
import { formatBytes } from '@/lib/format'
import { typeLabel } from './lib/service-labels'

/** Service types and their plans, side by side (one column per plan). */
export function PlansPage() {
  const session = useSession()
  if (!hasDbaas(session)) return <NoDbaasNotice title="Service types and plans" />
  return <PlansView />
}

function PlansView() {
  const scope = useScope()
  const types = useQuery(serviceTypesQueryOptions(scope))
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Service types and plans"
        description="What each engine offers, and its plans compared side by side."
      />
      {types.isPending ? (
        <Skeleton className="h-64" />
      ) : types.isError ? (
        <Alert
          variant="error"
          title="The service types could not be loaded"
          action={
            <Button variant="outline" onClick={() => void types.refetch()}>
              Retry
            </Button>
          }
        >
          {describeError(types.error)}
        </Alert>
      ) : types.data.length === 0 ? (
        <Alert>This cloud offers no service types.</Alert>
      ) : (
        <Tabs defaultValue={types.data[0]?.name}>
          <TabsList aria-label="Service type">
            {types.data.map((t) => (
              <TabsTrigger key={t.name} value={t.name}>
                {typeLabel(t.name)}
              </TabsTrigger>
            ))}
          </TabsList>
          {types.data.map((t) => {
            const plans = t.plans ?? []
            const rows: [string, (p: (typeof plans)[number]) => string][] = [
              ['Nodes', (p) => String(p['node-count'] ?? '—')],
              ['vCPUs per node', (p) => String(p['node-cpu-count'] ?? '—')],
              [
                'Memory per node',
                (p) => (p['node-memory'] !== undefined ? formatBytes(p['node-memory']) : '—'),
              ],
              ['Disk', (p) => (p['disk-space'] !== undefined ? formatBytes(p['disk-space']) : '—')],
              [
                'Backups',
                (p) =>
                  p['backup-config']
                    ? `every ${p['backup-config'].interval ?? '?'} h, keep ${p['backup-config']['max-count'] ?? '?'} (${p['backup-config']['recovery-mode'] ?? '—'})`
                    : '—',
              ],
              ['Zones', (p) => (p.zones ?? []).join(', ') || '—'],
              ['Available', (p) => (p.authorized === false ? 'On request' : 'Yes')],
            ]
            return (
              <TabsContent key={t.name} value={t.name} className="grid gap-3 pt-4">
                <p className="text-sm text-muted-foreground">
                  {t.description} · versions {(t['available-versions'] ?? []).join(', ') || '—'}
                  {t['default-version'] ? ` (default ${t['default-version']})` : ''}
                </p>
                <div className="overflow-x-auto">
                  <Table aria-label={`${typeLabel(t.name)} plans`}>
                    <TableHeader>
                      <TableRow>
                        <TableHead>Plan</TableHead>
                        {plans.map((p) => (
                          <TableHead key={p.name}>{p.name}</TableHead>
                        ))}
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {rows.map(([label, value]) => (
                        <TableRow key={label}>
                          <TableHead scope="row">{label}</TableHead>
                          {plans.map((p) => (
                            <TableCell key={p.name}>{value(p)}</TableCell>
                          ))}
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              </TabsContent>
            )
          })}
        </Tabs>
      )}
    </div>
  )
}

import { Link } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { mgmtInstancesQueryOptions, mgmtVersionsQueryOptions } from '@/api/mgmt/queries'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { useScope } from '@/hooks/use-session'
import { AdminPage } from '../components/admin-shell'

/** The admin section's landing page: what the cloud holds, and where to manage it. */
export function AdminOverviewPage() {
  const scope = useScope()
  const { data: instances } = useSuspenseQuery(mgmtInstancesQueryOptions(scope, { deleted: false }))
  const { data: versions } = useSuspenseQuery(mgmtVersionsQueryOptions(scope))
  const projects = new Set(instances.map((i) => i.tenant_id)).size
  const moving = instances.filter((i) => i.status !== 'ACTIVE').length
  const inactive = versions.filter((v) => !v.active).length
  const stat = (value: string) => <p className="text-2xl font-semibold">{value}</p>
  return (
    <AdminPage
      title="Admin"
      description="Cloud administration through Trove's management API, for every project in this region."
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>
              <Link to="/admin/instances" className="underline-offset-4 hover:underline">
                Instances
              </Link>
            </CardTitle>
            <CardDescription>All projects, with admin actions.</CardDescription>
          </CardHeader>
          <CardContent>
            {stat(`${instances.length} in ${projects} project${projects === 1 ? '' : 's'}`)}
            <p className="text-sm text-muted-foreground">{moving} not ACTIVE</p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <Link to="/admin/datastore-versions" className="underline-offset-4 hover:underline">
                Datastore versions
              </Link>
            </CardTitle>
            <CardDescription>What tenants can launch, and its parameters.</CardDescription>
          </CardHeader>
          <CardContent>
            {stat(`${versions.length} versions`)}
            <p className="text-sm text-muted-foreground">{inactive} inactive</p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <Link to="/admin/quotas" className="underline-offset-4 hover:underline">
                Quotas
              </Link>
            </CardTitle>
            <CardDescription>Limits of any project.</CardDescription>
          </CardHeader>
          <CardContent>
            <Link to="/admin/backups" className="text-sm underline-offset-4 hover:underline">
              Backups of all projects
            </Link>
          </CardContent>
        </Card>
      </div>
    </AdminPage>
  )
}

import type { ReactNode } from 'react'
import { usersDatabasesThroughApi } from '@/api/databases/status'
import type { Instance } from '@/api/instances/schemas'
import { Alert } from '@/components/ui/alert'
import { CopyButton } from '@/components/copy-button'

/**
 * Shows `children` (the databases or users panel) where the cloud manages them through its API;
 * on other datastores (PostgreSQL) says how they are managed there instead of offering forms the
 * cloud refuses: enable root, then use SQL with a client.
 */
export function UsersDatabasesSupport({
  instance,
  what,
  children,
}: {
  instance: Instance
  what: 'Databases' | 'Users'
  children: ReactNode
}) {
  if (usersDatabasesThroughApi(instance)) return <>{children}</>
  const address = instance.addresses?.find((a) => a.type === 'public') ?? instance.addresses?.[0]
  const host = address?.address ?? instance.ip?.[0] ?? '<instance address>'
  const command = `psql "host=${host} port=5432 user=root dbname=postgres sslmode=prefer"`
  const sql =
    what === 'Databases'
      ? 'CREATE DATABASE app;  -- DROP DATABASE app;'
      : "CREATE ROLE app LOGIN PASSWORD '…';  GRANT ALL ON DATABASE app TO app;"
  return (
    <section aria-labelledby={`${what}-sql-heading`} className="grid gap-3 rounded-lg border p-4">
      <h2 id={`${what}-sql-heading`} className="text-lg font-semibold">
        {what} are managed with SQL on {instance.datastore.type}
      </h2>
      <Alert variant="info" title="The cloud does not manage them through its API">
        Trove manages databases and users through its API for MySQL and MariaDB only; on{' '}
        {instance.datastore.type} it refuses those requests. Enable the root user below, connect
        with a PostgreSQL client as <code>root</code>, and run SQL.
      </Alert>
      <div className="grid gap-2 text-sm">
        <p className="font-medium">1. Connect (after enabling root)</p>
        <div className="flex min-w-0 items-center gap-2">
          <code className="min-w-0 flex-1 overflow-x-auto rounded bg-muted px-2 py-1 whitespace-nowrap">
            {command}
          </code>
          <CopyButton text={command} label="Copy the psql command" />
        </div>
        <p className="font-medium">2. Run SQL, for example</p>
        <div className="flex min-w-0 items-center gap-2">
          <code className="min-w-0 flex-1 overflow-x-auto rounded bg-muted px-2 py-1 whitespace-nowrap">
            {sql}
          </code>
          <CopyButton text={sql} label="Copy the SQL" />
        </div>
      </div>
    </section>
  )
}

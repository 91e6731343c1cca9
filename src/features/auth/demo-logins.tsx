import { useQuery } from '@tanstack/react-query'
import { FlaskConical } from 'lucide-react'
import { isEmbedded, serverInfoQueryOptions } from '@/api/identity/queries'
import { Button } from '@/components/ui/button'

export const DEMO_LOGINS = [
  { username: 'admin', password: 'secret', note: 'cloud administrator (project admin)' },
  { username: 'demo', password: 'demo', note: 'member of projects demo and demo-staging' },
  { username: 'alt', password: 'alt', note: 'member of project alt' },
] as const

/**
 * The demo accounts, shown only when the server says it runs the embedded demo cloud
 * (GET /healthz answers mode "embedded"); never against a real cloud.
 */
export function DemoLogins({
  onPick,
}: {
  onPick: (login: { username: string; password: string }) => void
}) {
  const info = useQuery(serverInfoQueryOptions())
  if (!isEmbedded(info.data)) return null
  return (
    <section
      aria-labelledby="demo-logins-title"
      className="grid gap-2 rounded-lg border bg-info-soft p-4 text-sm text-info-soft-foreground"
    >
      <h2 id="demo-logins-title" className="flex items-center gap-2 font-semibold">
        <FlaskConical className="size-4" aria-hidden="true" />
        Demo cloud
      </h2>
      <p>
        This console runs its built-in demo cloud. Sign in with one of these accounts (domain
        Default):
      </p>
      <ul className="grid gap-1.5">
        {DEMO_LOGINS.map((l) => (
          <li key={l.username} className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <code className="font-mono font-semibold">
              {l.username} / {l.password}
            </code>
            <span>{l.note}</span>
            <Button
              variant="link"
              size="sm"
              className="text-sm text-info-soft-foreground underline"
              onClick={() => onPick({ username: l.username, password: l.password })}
              aria-label={`Use ${l.username} / ${l.password}`}
            >
              Use
            </Button>
          </li>
        ))}
      </ul>
    </section>
  )
}

import { Terminal } from 'lucide-react'
import { curlCommand, ENDPOINT_VARIABLE } from '@/api/cli-twin/curl-command'
import { catalogUrl, type MutationRequest } from '@/api/cli-twin/mutation-request'
import { openstackCommand, shellLine } from '@/api/cli-twin/openstack-command'
import { CopyButton } from '@/components/copy-button'
import { useSession } from '@/hooks/use-session'

function Command({ label, text, testId }: { label: string; text: string; testId: string }) {
  return (
    <div className="grid gap-1">
      <div className="flex items-center justify-between gap-2">
        <span className="text-muted-foreground text-xs font-medium">{label}</span>
        <CopyButton text={text} label={`Copy the ${label} command`} />
      </div>
      <pre
        data-testid={testId}
        // Long commands scroll inside the box: keyboard users reach it too (axe: scrollable region).
        tabIndex={0}
        className="bg-muted max-h-40 overflow-auto rounded-md p-2 font-mono text-xs break-all whitespace-pre-wrap"
      >
        {text}
      </pre>
    </div>
  )
}

/**
 * The CLI twin of a dialog's request: the `openstack database ...` command that does the same
 * (or why there is none) and the exact curl request, each with a copy button. Closed by default.
 */
export function CliTwin({ request, open }: { request: MutationRequest; open?: boolean }) {
  const session = useSession()
  const cmd = openstackCommand(request)
  const variable = ENDPOINT_VARIABLE[request.service]
  const found = session ? catalogUrl(session.catalog, request.service, session.region) : undefined
  // A gateway rewrites the catalog to same-origin paths: show them as full URLs.
  const endpoint =
    found?.startsWith('/') && typeof window !== 'undefined' ? window.location.origin + found : found
  return (
    <details className="group rounded-md border text-sm" data-testid="cli-twin" open={open}>
      <summary className="hover:bg-muted/50 flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 font-medium">
        <Terminal aria-hidden="true" className="size-4" />
        Do this from the command line
      </summary>
      <div className="grid gap-3 border-t p-3">
        {'argv' in cmd ? (
          <Command label="openstack" text={shellLine(cmd.argv)} testId="cli-twin-openstack" />
        ) : (
          <p className="text-muted-foreground text-xs" data-testid="cli-twin-no-openstack">
            {cmd.none}
          </p>
        )}
        <Command label="curl" text={curlCommand(request)} testId="cli-twin-curl" />
        <p className="text-muted-foreground text-xs">
          <code>$OS_TOKEN</code> is a Keystone token (<code>openstack token issue</code>);{' '}
          <code>${variable}</code> is{' '}
          {endpoint ? (
            <code className="break-all">{endpoint}</code>
          ) : (
            'the endpoint in your catalog'
          )}
          .
        </p>
      </div>
    </details>
  )
}

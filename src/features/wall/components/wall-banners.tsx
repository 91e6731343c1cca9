import type { ReactNode } from 'react'
import { CloudOff, Info, KeyRound, TriangleAlert } from 'lucide-react'
import { formatDuration } from '@/lib/format'
import { cn } from '@/lib/cn'

function Banner({
  tone,
  icon,
  role,
  children,
  testId,
}: {
  tone: 'error' | 'warning' | 'info'
  icon: ReactNode
  role?: 'alert' | 'status'
  children: ReactNode
  testId?: string
}) {
  return (
    <div
      role={role}
      data-testid={testId}
      className={cn(
        'flex items-center gap-3 rounded-xl border-2 px-4 py-2 text-xl',
        tone === 'error' && 'border-red-400 bg-red-950 text-red-50',
        tone === 'warning' && 'border-amber-400 bg-amber-950 text-amber-50',
        tone === 'info' && 'border-sky-400 bg-sky-950 text-sky-50',
      )}
    >
      {icon}
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  )
}

/**
 * The API stopped answering: the wall keeps its last picture and says how old it is. The age
 * ticks visually; screen readers get the state once (the ticking part is hidden from them).
 */
export function StaleBanner({ updatedAt, now }: { updatedAt: number; now: number }) {
  return (
    <Banner
      tone="warning"
      testId="wall-stale"
      icon={<CloudOff aria-hidden="true" className="size-7 shrink-0" />}
    >
      <p>
        <strong>Stale:</strong>{' '}
        <span aria-hidden="true">last update {formatDuration(now - updatedAt)} ago — retrying</span>
        <span className="sr-only" role="status">
          the cloud is not answering; this is the last picture. Retrying by itself.
        </span>
      </p>
    </Banner>
  )
}

export function RejectedBanner({ message, setupHref }: { message: string; setupHref: string }) {
  return (
    <Banner
      tone="error"
      role="alert"
      testId="wall-rejected"
      icon={<KeyRound aria-hidden="true" className="size-7 shrink-0" />}
    >
      <p>
        <strong>Credential rejected.</strong> Keystone refused this wall&apos;s application
        credential ({message}). It may have been deleted or have expired. The wall stopped updating;
        the picture below is the last one.{' '}
        <a className="underline" href={setupHref}>
          Set up the wall again
        </a>
      </p>
    </Banner>
  )
}

export function SessionEndedBanner({
  setupHref,
  loginHref,
}: {
  setupHref: string
  loginHref: string
}) {
  return (
    <Banner
      tone="error"
      role="alert"
      testId="wall-session-ended"
      icon={<KeyRound aria-hidden="true" className="size-7 shrink-0" />}
    >
      <p>
        <strong>Sign-in expired.</strong> This wall ran on a console sign-in, which cannot renew
        itself.{' '}
        <a className="underline" href={loginHref}>
          Sign in again
        </a>
        , or{' '}
        <a className="underline" href={setupHref}>
          give the wall an application credential
        </a>{' '}
        so it runs unattended.
      </p>
    </Banner>
  )
}

export function WarningLine({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Banner
      tone="warning"
      testId={testId}
      icon={<TriangleAlert aria-hidden="true" className="size-6 shrink-0" />}
    >
      <p>{children}</p>
    </Banner>
  )
}

export function InfoLine({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Banner
      tone="info"
      testId={testId}
      icon={<Info aria-hidden="true" className="size-6 shrink-0" />}
    >
      <p>{children}</p>
    </Banner>
  )
}

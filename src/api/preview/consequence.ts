import type { QuotaResource } from '../limits/quota'

/**
 * The change preview's vocabulary (issue 17 §3): what a mutating action will do, computed before
 * it is sent from data the console already has. Pure data; `src/components/change-preview.tsx`
 * draws it.
 */

/** The actions a dialog can preview. */
export type PreviewAction =
  | 'restart'
  | 'resize-flavor'
  | 'resize-volume'
  | 'rename'
  | 'update-access'
  | 'reset-status'
  | 'upgrade'
  | 'delete'
  | 'promote'
  | 'eject'
  | 'detach'
  | 'create-replica'
  | 'attach-configuration'
  | 'detach-configuration'
  | 'create-backup'
  | 'delete-backup'

/** info: worth knowing; warning: check before going on; danger: loses something or will be refused. */
/** A change per quota resource (negative frees it). */
export type QuotaUsageDelta = Partial<Record<QuotaResource, number>>

export type ConsequenceTone = 'info' | 'warning' | 'danger'

export interface TopologyMember {
  name: string
  role: 'source' | 'replica' | 'standalone' | 'leaves' | 'joins'
}

export interface QuotaDeltaLine {
  resource: QuotaResource
  label: string
  unit: string
  /** Change in use (negative frees quota). */
  delta: number
  /** In use before and after (undefined while usage is unknown). */
  before: number | undefined
  after: number | undefined
  /** -1 = unlimited, undefined = unknown. */
  limit: number | undefined
  exceeds: boolean
}

interface Base {
  /** Stable key within one preview (also the test handle). */
  id: string
  tone: ConsequenceTone
  /** One sentence, plain text. */
  text: string
}

export type Consequence =
  | (Base & { kind: 'outage' | 'backups' | 'warning' | 'note' })
  | (Base & { kind: 'topology'; before: TopologyMember[]; after: TopologyMember[] })
  | (Base & { kind: 'quota'; lines: QuotaDeltaLine[] })

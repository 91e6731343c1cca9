import type { ScopeParams } from '@/api/instances/keys'
import type { Instance } from '@/api/instances/schemas'

/** What every dialog of an instance action takes. */
export interface InstanceDialogProps {
  instance: Instance
  scope: ScopeParams
  open: boolean
  onOpenChange: (open: boolean) => void
}

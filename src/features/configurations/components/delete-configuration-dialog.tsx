import { useNavigate } from '@tanstack/react-router'
import { toast } from 'sonner'
import type { ScopeParams } from '@/api/instances/keys'
import { useDeleteConfiguration } from '@/api/configurations/mutations'
import { describeError } from '@/api/errors'
import { Alert } from '@/components/ui/alert'
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog'
import { Button } from '@/components/ui/button'

/** Confirms a delete; the cloud's refusal (still attached) is shown in the dialog. */
export function DeleteConfigurationDialog({
  scope,
  group,
  attached,
  open,
  onOpenChange,
}: {
  scope: ScopeParams
  group: { id: string; name: string }
  attached: number
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const m = useDeleteConfiguration(scope)
  const navigate = useNavigate()
  return (
    <AlertDialog
      open={open}
      onOpenChange={(o) => {
        if (m.isPending) return
        if (!o) m.reset()
        onOpenChange(o)
      }}
    >
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete configuration group {group.name}?</AlertDialogTitle>
          <AlertDialogDescription>
            The group and its values are removed. This cannot be undone.
            {attached > 0
              ? ` It is attached to ${attached} instance${attached === 1 ? '' : 's'}: the cloud refuses to delete it until it is detached.`
              : ''}
          </AlertDialogDescription>
        </AlertDialogHeader>
        {m.error ? (
          <Alert variant="error" title="The cloud refused the delete">
            {describeError(m.error)}
          </Alert>
        ) : null}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={m.isPending}>Cancel</AlertDialogCancel>
          <Button
            variant="destructive"
            disabled={m.isPending}
            onClick={() =>
              m.mutate(
                { id: group.id },
                {
                  onSuccess: () => {
                    onOpenChange(false)
                    toast.success(`Configuration group ${group.name} deleted.`)
                    void navigate({ to: '/configurations' })
                  },
                },
              )
            }
          >
            {m.isPending ? 'Deleting…' : 'Delete group'}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  )
}

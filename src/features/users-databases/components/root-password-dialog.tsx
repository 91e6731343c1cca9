import { useState } from 'react'
import { Eye, EyeOff } from 'lucide-react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog'
import { Label } from '@/components/ui/label'
import { CopyButton } from '@/components/copy-button'

/**
 * The root password, shown this one time. Closing the dialog forgets it: the cloud does not show
 * it again and the console does not keep it.
 */
export function RootPasswordDialog({
  credentials,
  instanceName,
  onClose,
}: {
  credentials: { name: string; password: string } | null
  instanceName: string
  onClose: () => void
}) {
  const [shown, setShown] = useState(true)
  return (
    <Dialog open={credentials !== null} onOpenChange={(o) => (o ? undefined : onClose())}>
      <DialogContent
        // Outside clicks must not discard the password by accident.
        onInteractOutside={(e) => e.preventDefault()}
      >
        <DialogHeader>
          <DialogTitle>Root enabled on {instanceName}</DialogTitle>
          <DialogDescription>
            Sign in as <span className="font-mono">{credentials?.name}</span> with this password.
          </DialogDescription>
        </DialogHeader>
        <Alert variant="warning" title="This password will not be shown again">
          Copy it now and keep it somewhere safe. If it is lost, set a new one from the Root user
          section.
        </Alert>
        <div className="grid gap-1.5">
          <Label htmlFor="root-password">Password</Label>
          <div className="flex gap-2">
            <input
              id="root-password"
              readOnly
              type={shown ? 'text' : 'password'}
              value={credentials?.password ?? ''}
              className="h-9 min-w-0 flex-1 rounded-md border border-input bg-muted px-3 font-mono text-sm"
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button
              variant="outline"
              size="icon"
              aria-label={shown ? 'Hide password' : 'Show password'}
              aria-pressed={shown}
              onClick={() => setShown((s) => !s)}
            >
              {shown ? <EyeOff aria-hidden="true" /> : <Eye aria-hidden="true" />}
            </Button>
            <CopyButton
              text={credentials?.password ?? ''}
              label="Copy password"
              variant="outline"
            />
          </div>
        </div>
        <DialogFooter>
          <Button onClick={onClose}>I have saved it</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}

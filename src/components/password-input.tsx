import { useState, type ComponentProps } from 'react'
import { Eye, EyeOff, Wand2 } from 'lucide-react'
import { usePasswordPolicy } from '@/api/console-config/queries'
import { generatePolicyPassword } from '@/api/rules/password-strength'
import { CopyButton } from '@/components/copy-button'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'

/**
 * A password field with show/hide and, when `onGenerate` is given, a generator that fills in a
 * password the datastore and the operator's policy accept. A generated password is shown, with a
 * copy button, until it is edited: the cloud never shows a password again.
 */
export function PasswordInput({
  onGenerate,
  onChange,
  ...props
}: Omit<ComponentProps<'input'>, 'type'> & { onGenerate?: (password: string) => void }) {
  const policy = usePasswordPolicy()
  const [shown, setShown] = useState(false)
  const [generated, setGenerated] = useState<string | null>(null)
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-2 sm:flex-nowrap">
        <Input
          type={shown ? 'text' : 'password'}
          autoComplete="new-password"
          spellCheck={false}
          className="min-w-0 flex-1 basis-40 font-mono"
          onChange={(e) => {
            setGenerated(null)
            onChange?.(e)
          }}
          {...props}
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
        {onGenerate ? (
          <Button
            variant="outline"
            onClick={() => {
              const password = generatePolicyPassword(policy)
              onGenerate(password)
              setGenerated(password)
              setShown(true)
            }}
          >
            <Wand2 aria-hidden="true" />
            Generate
          </Button>
        ) : null}
      </div>
      {generated ? (
        <div
          className="flex flex-wrap items-center gap-2 rounded-md border bg-muted/50 px-3 py-1.5 text-sm"
          data-testid="generated-password"
        >
          <span>Generated: copy it now, it is not shown again once this form is sent.</span>
          <CopyButton text={generated} label="Copy password" variant="outline" />
        </div>
      ) : null}
    </div>
  )
}

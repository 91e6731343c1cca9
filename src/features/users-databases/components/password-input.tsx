import { useState, type ComponentProps } from 'react'
import { Eye, EyeOff, Wand2 } from 'lucide-react'
import { generatePassword } from '@/api/users/schemas'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'

/**
 * A password field with show/hide and, when `onGenerate` is given, a generator that fills in a
 * strong password the datastore accepts (and shows it, so it can be noted).
 */
export function PasswordInput({
  onGenerate,
  ...props
}: Omit<ComponentProps<'input'>, 'type'> & { onGenerate?: (password: string) => void }) {
  const [shown, setShown] = useState(false)
  return (
    <div className="flex gap-2">
      <Input
        type={shown ? 'text' : 'password'}
        autoComplete="new-password"
        spellCheck={false}
        className="font-mono"
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
            onGenerate(generatePassword())
            setShown(true)
          }}
        >
          <Wand2 aria-hidden="true" />
          Generate
        </Button>
      ) : null}
    </div>
  )
}

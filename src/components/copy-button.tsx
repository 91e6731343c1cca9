import { useEffect, useState } from 'react'
import { Check, Copy } from 'lucide-react'
import { Button, type ButtonVariant } from '@/components/ui/button'

/**
 * The one copy button: copies `text`, says "Copied" for a moment (and to screen readers), and
 * says so when the browser refuses (no clipboard outside a secure context).
 */
export function CopyButton({
  text,
  label = 'Copy',
  variant = 'ghost',
}: {
  text: string
  /** The accessible name before copying, e.g. "Copy password". */
  label?: string
  variant?: ButtonVariant
}) {
  const [copied, setCopied] = useState(false)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    if (!copied) return
    const t = window.setTimeout(() => setCopied(false), 2000)
    return () => window.clearTimeout(t)
  }, [copied])
  return (
    <Button
      variant={variant}
      size="sm"
      aria-label={copied ? 'Copied' : label}
      onClick={() => {
        // The clipboard is missing outside a secure context, whatever the DOM typings say.
        const clipboard = navigator.clipboard as Clipboard | undefined
        if (!clipboard) return setFailed(true)
        clipboard.writeText(text).then(
          () => {
            setFailed(false)
            setCopied(true)
          },
          () => setFailed(true),
        )
      }}
    >
      {copied ? (
        <Check aria-hidden="true" className="size-4" />
      ) : (
        <Copy aria-hidden="true" className="size-4" />
      )}
      <span aria-live="polite">
        {copied ? 'Copied' : failed ? 'Copy failed: select it' : 'Copy'}
      </span>
    </Button>
  )
}

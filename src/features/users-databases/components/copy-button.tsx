import { useEffect, useState } from 'react'
import { Check, Copy } from 'lucide-react'
import { Button } from '@/components/ui/button'

/** Copies `text`; says "Copied" for a moment (and to screen readers). */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    if (!copied) return
    const t = window.setTimeout(() => setCopied(false), 2000)
    return () => window.clearTimeout(t)
  }, [copied])
  return (
    <Button
      variant="outline"
      size="sm"
      aria-label={copied ? 'Copied' : label}
      onClick={() => {
        const write = navigator.clipboard?.writeText(text)
        if (!write) return setFailed(true)
        write.then(
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

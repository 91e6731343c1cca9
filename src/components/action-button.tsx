import { useId, type ReactNode } from 'react'
import { Button, type ButtonProps } from '@/components/ui/button'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import type { ActionAvailability } from '@/api/instances/status'

/**
 * A button that, when the action is not available, stays focusable (aria-disabled) and says why
 * in a tooltip and to screen readers, instead of silently greying out.
 */
export function ActionButton({
  availability,
  onClick,
  children,
  ...props
}: Omit<ButtonProps, 'onClick' | 'disabled'> & {
  availability: ActionAvailability
  onClick: () => void
  children: ReactNode
}) {
  const reasonId = useId()
  if (availability.allowed) {
    return (
      <Button {...props} onClick={onClick}>
        {children}
      </Button>
    )
  }
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Button
          {...props}
          aria-disabled="true"
          aria-describedby={reasonId}
          className="cursor-not-allowed opacity-60"
          onClick={(e) => e.preventDefault()}
        >
          {children}
        </Button>
      </TooltipTrigger>
      <TooltipContent>{availability.reason}</TooltipContent>
      <span id={reasonId} className="sr-only">
        {availability.reason}
      </span>
    </Tooltip>
  )
}

/** The popover built on Radix; load it through ./popover (it loads these on first use). */
import type { ComponentProps } from 'react'
import { Popover as PopoverPrimitive } from 'radix-ui'

export const Popover = PopoverPrimitive.Root
export const PopoverTrigger = PopoverPrimitive.Trigger

/** The popover's panel, in a portal. */
export function PopoverContent(props: ComponentProps<typeof PopoverPrimitive.Content>) {
  return (
    <PopoverPrimitive.Portal>
      <PopoverPrimitive.Content {...props} />
    </PopoverPrimitive.Portal>
  )
}

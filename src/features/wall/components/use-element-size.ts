import { useEffect, useState, type RefObject } from 'react'

export interface ElementSize {
  width: number
  height: number
  /** The root font size in px: tiles are sized in rem so they grow with the screen. */
  rem: number
}

/** The element's content size, followed with a ResizeObserver (window resize, 1080p -> 4K). */
export function useElementSize(ref: RefObject<HTMLElement | null>): ElementSize | undefined {
  const [size, setSize] = useState<ElementSize>()
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16
      setSize((old) =>
        old && old.width === el.clientWidth && old.height === el.clientHeight && old.rem === rem
          ? old
          : { width: el.clientWidth, height: el.clientHeight, rem },
      )
    }
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    return () => ro.disconnect()
  }, [ref])
  return size
}

export type ClassValue = string | number | false | null | undefined | ClassValue[]

/**
 * Joins class names, skipping falsy values. It does not resolve Tailwind conflicts (no
 * tailwind-merge): a caller's className is appended last, so prefer adding classes to
 * overriding the ones a primitive already sets.
 */
export function cn(...inputs: ClassValue[]): string {
  const out: string[] = []
  for (const input of inputs) {
    if (!input && input !== 0) continue
    if (Array.isArray(input)) {
      const inner = cn(...input)
      if (inner) out.push(inner)
    } else out.push(String(input))
  }
  return out.join(' ')
}

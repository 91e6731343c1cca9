/** Plain-text search helpers shared by the log viewers (case-insensitive, no regular expressions). */

/** Splits text around case-insensitive matches: odd indexes are the matches. */
export function highlightParts(text: string, query: string): string[] {
  if (!query) return [text]
  const parts: string[] = []
  const lower = text.toLowerCase()
  const q = query.toLowerCase()
  let at = 0
  for (let i = lower.indexOf(q); i !== -1; i = lower.indexOf(q, at)) {
    parts.push(text.slice(at, i), text.slice(i, i + q.length))
    at = i + q.length
  }
  parts.push(text.slice(at))
  return parts
}

/** The indexes of the lines that contain `query` (case-insensitive); none for an empty query. */
export function matchingLines(lines: readonly string[], query: string): number[] {
  if (!query) return []
  const q = query.toLowerCase()
  const out: number[] = []
  lines.forEach((line, i) => {
    if (line.toLowerCase().includes(q)) out.push(i)
  })
  return out
}

/** How many times `query` occurs in `text` (case-insensitive, not overlapping). */
export function countMatches(text: string, query: string): number {
  if (!query) return 0
  const lower = text.toLowerCase()
  const q = query.toLowerCase()
  let n = 0
  for (let i = lower.indexOf(q); i !== -1; i = lower.indexOf(q, i + q.length)) n++
  return n
}

/** The text's lines, without the empty one a trailing newline leaves. */
export function textLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split(/\r?\n/)
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

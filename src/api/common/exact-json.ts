/**
 * JSON.parse, except that integer literals too long to be exact as a JavaScript number (more than
 * 15 digits) arrive as their decimal text: `{"max_size": 18446744073709551615}` parses to
 * `{ max_size: '18446744073709551615' }`, never `18446744073709552000`. Strings, short numbers and
 * fractions are left as JSON.parse reads them.
 */
export function parseJsonExact(text: string): unknown {
  let out = ''
  let from = 0
  let i = 0
  const n = text.length
  while (i < n) {
    const ch = text[i]
    if (ch === '"') {
      // Skip the string, escapes included.
      i++
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
      i++
      continue
    }
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) {
      let j = i + (ch === '-' ? 1 : 0)
      while (j < n && isDigit(text[j])) j++
      const digits = j - i - (ch === '-' ? 1 : 0)
      const fractionOrExponent = j < n && /[.eE]/.test(text[j] ?? '')
      if (digits > 15 && !fractionOrExponent) {
        out += text.slice(from, i) + '"' + text.slice(i, j) + '"'
        from = j
      }
      // Skip the rest of the number (fraction, exponent).
      while (j < n && /[0-9.eE+-]/.test(text[j] ?? '')) j++
      i = j
      continue
    }
    i++
  }
  return JSON.parse(out + text.slice(from)) as unknown
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9'
}

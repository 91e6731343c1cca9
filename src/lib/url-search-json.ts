import { parseSearchWith, stringifySearchWith } from '@tanstack/react-router'

/** Where the router's default JSON parser starts trying (its own test, copied). */
const JSON_START = /^(?:\s|["[{\d-]|fa|nu|tr)/
/** A JSON number, the only JSON text that starts with a digit or a minus sign. */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?[ \t\n\r]*$/
/** Thrown for a value that is not JSON: made once, so a throw captures no stack. */
const NOT_JSON = new SyntaxError('not JSON')

/**
 * `JSON.parse` for URL search values that fails without building an error for the common case:
 * a value starting with a digit that is not a number (a project id such as "26b9aee…"). The
 * router's default tries `JSON.parse` on it, which throws a new SyntaxError: for every link
 * built (a list row's name is a link carrying the URL's `projectId`), on every keystroke that
 * shows other rows. Succeeds and fails exactly where `JSON.parse` does.
 */
export function parseSearchValue(text: string): unknown {
  if (!JSON_START.test(text)) throw NOT_JSON
  const c = text.charCodeAt(0)
  // A digit or '-': JSON only if the whole text is a number.
  if (((c >= 48 && c <= 57) || c === 45) && !JSON_NUMBER.test(text)) throw NOT_JSON
  return JSON.parse(text)
}

/** The router's search (de)serializers: its defaults' URLs, with `parseSearchValue`. */
export const parseSearch = parseSearchWith(parseSearchValue)
export const stringifySearch = stringifySearchWith(JSON.stringify, parseSearchValue)

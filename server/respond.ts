import type { z } from 'zod'

/**
 * A response body as the SPA's zod schema for it reads it (`z.input`): a view typed with this
 * cannot drop or misspell a field the SPA needs without failing the server's typecheck.
 * (server/contract/responses.test.ts parses every route's answer with the same schemas.)
 */
export type ResponseBody<S extends z.core.$ZodType> = z.input<S>

/**
 * `T` with the fields of `U` put in place of its own: for views that send a field in a form the
 * schema cannot name (RawNumber, written exactly by rawJson). Unlike `Omit`, it keeps the known
 * fields of a loose object (whose index signature would make `Omit` drop them all).
 */
export type Override<T, U> = { [K in keyof T as K extends keyof U ? never : K]: T[K] } & U

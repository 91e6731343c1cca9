import { randomInt } from 'node:crypto'
import { hashPassword } from '../identity/passwords'
import { isPlainObject } from '../http-util'
import { disableRoot, enableRoot, isRootEnabled } from '../store/user-database-queries'
import { readBody } from './context'
import { badRequest } from './errors'
import { passwordError, ROOT_USER_NAME } from './mysql-names'
import { pyRepr } from './validation-message'
import {
  loadTarget,
  requireReady,
  requireSupported,
  userNotFound,
  type ExtensionRegistrar,
} from './user-database-common'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** `utils.generate_random_password`: default_password_length (36) letters and digits. */
export function generateRootPassword(length = 36): string {
  let out = ''
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)]
  return out
}

/** `…/instances/{id}/root`: show, enable, disable (DefaultRootController). */
export const registerRootRoutes: ExtensionRegistrar = (app, base, deps) => {
  const { db, clock } = deps

  app.get(`${base}/instances/:id/root`, (c) => {
    const t = loadTarget(c, deps)
    requireSupported(t, deps, 'root')
    requireReady(t)
    return c.json({ rootEnabled: isRootEnabled(db, t.row.id) })
  })

  app.post(`${base}/instances/:id/root`, async (c) => {
    const body = await readBody(c)
    let given: string | undefined
    if (body !== undefined && body !== null) {
      if (!isPlainObject(body)) {
        throw badRequest(`Validation error: ${pyRepr(body)} is not of type 'object'`)
      }
      if ('password' in body && body.password !== null && body.password !== '') {
        if (typeof body.password !== 'string') {
          throw badRequest(
            `Validation error: password ${pyRepr(body.password)} is not of type 'string'`,
          )
        }
        given = body.password
      }
    }
    const t = loadTarget(c, deps)
    requireSupported(t, deps, 'root')
    requireReady(t)
    const name = ROOT_USER_NAME
    if (given !== undefined) {
      const problem = passwordError(given, t.family, `user ${name}`)
      if (problem) throw badRequest(problem)
    }
    const password = given ?? generateRootPassword()
    const hash = await hashPassword(password)
    enableRoot(db, t.row.id, hash, c.get('auth').user.id, clock.now())
    return c.json({ user: { name, password } }, 200)
  })

  app.delete(`${base}/instances/:id/root`, (c) => {
    const t = loadTarget(c, deps)
    requireSupported(t, deps, 'root')
    requireReady(t)
    if (!isRootEnabled(db, t.row.id)) throw userNotFound(ROOT_USER_NAME)
    disableRoot(db, t.row.id, c.get('auth').user.id, clock.now())
    return c.body(null, 204)
  })
}

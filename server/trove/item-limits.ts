import { badRequest } from './errors'

/**
 * The most users one request may name (create, change passwords, an instance's initial users).
 * Each password is an scrypt hash (~50 ms of a thread-pool thread): a bound keeps one request's
 * cost bounded, and the check runs before any hashing.
 */
export const MAX_USERS_PER_REQUEST = 50

/** Refuses a list of users longer than `MAX_USERS_PER_REQUEST` with Trove's 400. */
export function checkUserCount(count: number): void {
  if (count > MAX_USERS_PER_REQUEST) {
    throw badRequest(
      `Too many users in one request: ${count} given, at most ${MAX_USERS_PER_REQUEST} accepted. Send them in several requests.`,
    )
  }
}

import type { ActorResolver } from './actors'

/**
 * One fixed actor (user demo in project demo) for the journal's tests, crash child and bench:
 * every request is journaled as theirs, without a Keystone to ask.
 */
export const fixedActors: ActorResolver = {
  resolve: () =>
    Promise.resolve({
      userId: 'u1',
      userName: 'demo',
      projectId: 'p1',
      projectName: 'demo',
      isAdmin: false,
      expiresAt: Date.now() + 3_600_000,
    }),
  learn: () => {},
  regionOfEndpoint: () => null,
}

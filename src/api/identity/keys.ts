export const identityKeys = {
  all: ['identity'] as const,
  /** Projects the signed-in user can scope to (keyed by user, not project: it spans them). */
  projects: (userId: string) => [...identityKeys.all, 'projects', userId] as const,
  /** What the server behind this origin is (embedded demo cloud or gateway). */
  serverInfo: () => ['server-info'] as const,
}

export const identityKeys = {
  all: ['identity'] as const,
  /** Projects the signed-in user can scope to (keyed by user, not project: it spans them). */
  projects: (userId: string) => [...identityKeys.all, 'projects', userId] as const,
  /**
   * The cloud's project or user directory as one caller sees it (`who`: the session's user, or a
   * wall's credential): an admin's is the whole cloud, a member's only their own.
   */
  directory: (kind: 'projects' | 'users', who: string, admin: boolean) =>
    [...identityKeys.all, 'directory', kind, who, admin] as const,
  /** What the server behind this origin is (embedded demo cloud or gateway). */
  serverInfo: () => ['server-info'] as const,
}

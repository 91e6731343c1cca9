import type { InstanceParams } from '../instances/keys'

export interface LogParams extends InstanceParams {
  name: string
}

export const logKeys = {
  all: ['guest-logs'] as const,
  list: (p: InstanceParams) => [...logKeys.all, p.projectId, p.region, p.id, 'list'] as const,
  contents: (p: LogParams) =>
    [...logKeys.all, p.projectId, p.region, p.id, 'contents', p.name] as const,
  /** The rounds of following a log (publish, then read); their answer lands in `contents`. */
  follow: (p: LogParams) =>
    [...logKeys.all, p.projectId, p.region, p.id, 'follow', p.name] as const,
}

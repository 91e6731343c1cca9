import { useSyncExternalStore } from 'react'
import { taskStore, type TrackedTask } from '@/api/tasks/task-store'

export function useTasks(): readonly TrackedTask[] {
  return useSyncExternalStore(taskStore.subscribe, taskStore.get, taskStore.get)
}

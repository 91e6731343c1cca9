import { lazyComponent } from '@/lib/lazy-component'

/**
 * The instance dialogs as the pages render them: their code loads with the late preloads (or
 * when first opened), and each mounts only once opened. The detail page, its status guide and the
 * list all render these: nine closed dialogs, each with its form, queries and mutations, made the
 * detail page's first render (right after a launch, while the instance is in BUILD) several
 * times slower, and one static import anywhere keeps a dialog's code in the page's chunk.
 */
const whenOpen = (p: { open: boolean }) => p.open

export const RestartDialog = lazyComponent(
  () => import('./confirm-dialogs'),
  (m) => m.RestartDialog,
  whenOpen,
)
export const ResetStatusDialog = lazyComponent(
  () => import('./confirm-dialogs'),
  (m) => m.ResetStatusDialog,
  whenOpen,
)
export const DeleteInstanceDialog = lazyComponent(
  () => import('./delete-instance-dialog'),
  (m) => m.DeleteInstanceDialog,
  whenOpen,
)
export const ForceDeleteDialog = lazyComponent(
  () => import('./force-delete-dialog'),
  (m) => m.ForceDeleteDialog,
  whenOpen,
)
export const RenameDialog = lazyComponent(
  () => import('./rename-dialog'),
  (m) => m.RenameDialog,
  whenOpen,
)
export const ResizeFlavorDialog = lazyComponent(
  () => import('./resize-flavor-dialog'),
  (m) => m.ResizeFlavorDialog,
  whenOpen,
)
export const ResizeVolumeDialog = lazyComponent(
  () => import('./resize-volume-dialog'),
  (m) => m.ResizeVolumeDialog,
  whenOpen,
)
export const UpdateAccessDialog = lazyComponent(
  () => import('./update-access-dialog'),
  (m) => m.UpdateAccessDialog,
  whenOpen,
)
export const UpgradeDialog = lazyComponent(
  () => import('./upgrade-dialog'),
  (m) => m.UpgradeDialog,
  whenOpen,
)

/** The list's bulk dialogs: open while they have items. */
const withItems = (p: { instances: readonly unknown[] }) => p.instances.length > 0

export const BulkRestartInstancesDialog = lazyComponent(
  () => import('./bulk-restart-instances-dialog'),
  (m) => m.BulkRestartInstancesDialog,
  withItems,
)
export const BulkDeleteInstancesDialog = lazyComponent(
  () => import('./bulk-delete-instances-dialog'),
  (m) => m.BulkDeleteInstancesDialog,
  withItems,
)

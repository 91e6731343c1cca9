/**
 * Where a launch places the instance relative to its group (Trove's `locality`), in its own module
 * so the launch page's URL schema (lib/launch-search.ts) can name the choices without loading the
 * whole launch form schema.
 */
export const LOCALITIES = ['none', 'affinity', 'anti-affinity'] as const

/**
 * The volume types the embedded cloud offers (Cinder's, as Trove's
 * `GET /datastores/{ds}/versions/{v}/volume-types` lists them). A create accepts any type, as a
 * cloud whose Cinder has it would; these are the ones the console offers to pick.
 */
export const EMBEDDED_VOLUME_TYPES = [
  {
    id: '7b1a9d1e-54d6-4a5f-9a61-0d4c3f0e6c01',
    name: 'standard',
    description: 'Network block storage on hard disks',
    is_public: true,
  },
  {
    id: 'c2f3e4a5-6b7c-4d8e-9f01-23456789abcd',
    name: 'ssd',
    description: 'Network block storage on solid-state disks',
    is_public: true,
  },
] as const

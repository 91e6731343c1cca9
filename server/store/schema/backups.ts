/** Schema for the backups area (one migration; empty until that area needs tables). */
export const BACKUPS_SCHEMA = ``

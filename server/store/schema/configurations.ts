/** Schema for the configurations area (one migration; empty until that area needs tables). */
export const CONFIGURATIONS_SCHEMA = ``

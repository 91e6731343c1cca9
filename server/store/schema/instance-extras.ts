/** Schema for the instance-extras area (one migration; empty until that area needs tables). */
export const INSTANCE_EXTRAS_SCHEMA = ``

/** Schema for the users-databases area (one migration; empty until that area needs tables). */
export const USERS_DATABASES_SCHEMA = ``

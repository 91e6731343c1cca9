export const consoleConfigKeys = {
  all: ['console-config'] as const,
}

/** `sk-abcdef123456` → `sk-a…3456`; short values are fully hidden. Used wherever a secret is shown. */
export function maskSecret(value: string): string {
  if (value.length <= 12) return '••••••••'
  return `${value.slice(0, 4)}…${value.slice(-4)}`
}

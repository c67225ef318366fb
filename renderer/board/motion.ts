// Grbl's own words for its state (`Hold:0`, `Door:1`...) as keys the board translates; a word it does
// not know yet is shown as the firmware wrote it.
const details = {
  'hold:0': 'hold0',
  'hold:1': 'hold1',
  'door:0': 'door0',
  'door:1': 'door1',
  'door:2': 'door2',
  'door:3': 'door3',
  jog: 'jog',
  home: 'home',
  check: 'check',
  sleep: 'sleep',
} as const;

export type DetailKey = (typeof details)[keyof typeof details];

export function detailKey(detail: string | null): DetailKey | null {
  if (!detail) return null;
  const k = detail.trim().toLowerCase();
  return (details as Record<string, DetailKey | undefined>)[k] ?? (k === 'hold' ? 'hold0' : k === 'door' ? 'door0' : null);
}

// A PIN of 4 to 8 digits is only as good as it is hard to guess: the first ones people try are
// one digit repeated and runs on the keypad. The contract checks the shape; this, the guessability.
import { DomainError } from '../../api/errors';

export function weakPinRule(pin: string): 'repeated' | 'sequence' | null {
  if (/^(\d)\1+$/.test(pin)) return 'repeated';
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - digits[i]!));
  if (steps.size === 1 && (steps.has(1) || steps.has(-1))) return 'sequence';
  return null;
}

export function checkPinStrength(pin: string): void {
  const rule = weakPinRule(pin);
  if (rule) throw new DomainError('weak_pin', { rule });
}

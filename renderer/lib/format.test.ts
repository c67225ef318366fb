import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatDuration,
  formatLength,
  formatMoney,
  formatNumber,
  formatPercent,
  formatTime,
  formatUnit,
  formatWorkArea,
  initials,
  pick,
} from './format';

// Intl uses narrow no-break spaces in French; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

test('money in French and British English, whole amounts without decimals', () => {
  assert.equal(plain(formatMoney(25000, 'EUR', 'fr')), '250 €');
  assert.equal(plain(formatMoney(450, 'EUR', 'fr')), '4,50 €');
  assert.equal(formatMoney(25000, 'EUR', 'en'), '€250');
  assert.equal(formatMoney(450, 'EUR', 'en'), '€4.50');
  assert.equal(plain(formatMoney(123456, 'EUR', 'fr')), '1 234,56 €');
  assert.equal(formatMoney(0, 'EUR', 'en'), '€0');
  assert.equal(plain(formatMoney(1000, 'CHF', 'en')), 'CHF 10');
});

test('an invalid currency code still shows the amount', () => {
  assert.equal(plain(formatMoney(1050, 'nope', 'fr')), '10,50 nope');
});

test('times: the hour today, the date too on another day', () => {
  const now = new Date(2026, 2, 12, 9, 0);
  const lock = new Date(2026, 2, 12, 14, 32);
  assert.equal(formatTime(lock, 'fr', now), '14:32');
  assert.equal(formatTime(lock, 'en', now), '14:32');
  const tomorrow = new Date(2026, 2, 13, 8, 5);
  assert.equal(formatTime(tomorrow, 'fr', now), '13 mars à 08:05');
  assert.equal(formatTime(tomorrow, 'en', now), '13 March at 08:05');
  assert.equal(formatTime('not a date', 'fr', now), 'not a date');
});

test('dates for tables', () => {
  const d = new Date(2026, 2, 12, 14, 32, 5);
  assert.equal(formatDateTime(d, 'fr'), '12/03/2026 14:32:05');
  assert.equal(formatDateTime(d, 'en'), '12/03/2026, 14:32:05');
  assert.equal(formatDate(d, 'fr'), '12 mars 2026');
  assert.equal(formatDate(d, 'en'), '12 March 2026');
});

test('work areas', () => {
  assert.equal(plain(formatWorkArea({ x: 600, y: 1000, z: 0 }, 'fr')), '600 × 1 000 mm');
  assert.equal(formatWorkArea({ x: 250, y: 210, z: 220 }, 'en'), '250 × 210 × 220 mm');
});

test('localized content and initials', () => {
  assert.equal(pick({ fr: 'Bonjour', en: 'Hello' }, 'en'), 'Hello');
  assert.equal(pick({ fr: 'Bonjour', en: '' }, 'en'), 'Bonjour');
  assert.equal(initials('Léa Dubois'), 'LD');
  assert.equal(initials('Jean-Pierre'), 'JP');
  assert.equal(initials('camille'), 'C');
  assert.equal(initials('  '), '');
});

test('durations: seconds, minutes and seconds, hours and minutes', () => {
  assert.equal(plain(formatDuration(45.4, 'fr')), '45 s');
  assert.equal(plain(formatDuration(771.5, 'fr')), '12 min 52 s');
  assert.equal(plain(formatDuration(720, 'fr')), '12 min');
  assert.equal(plain(formatDuration(2 * 3600 + 5 * 60 + 20, 'fr')), '2 h 5 min');
  assert.equal(plain(formatDuration(3 * 3600, 'fr')), '3 h');
  assert.equal(formatDuration(771, 'en'), '12m 51s');
  assert.equal(formatDuration(2 * 3600 + 5 * 60, 'en'), '2h 5m');
  assert.equal(plain(formatDuration(Number.NaN, 'fr')), '0 s');
  assert.equal(plain(formatDuration(-3, 'fr')), '0 s');
});

test('numbers, lengths and sizes in the screen language', () => {
  assert.equal(plain(formatNumber(1234.56, 'fr')), '1 234,6');
  assert.equal(formatNumber(1234.56, 'en', 2), '1,234.56');
  assert.equal(plain(formatLength(509.48, 'fr')), '509 mm');
  assert.equal(plain(formatLength(1509.48, 'fr')), '1,51 m');
  assert.equal(formatLength(12_400, 'en'), '12.4 m');
  assert.equal(plain(formatBytes(140_714, 'fr')), '141 ko');
  assert.equal(formatBytes(104_857_600, 'en'), '104.9 MB');
  assert.equal(plain(formatBytes(1_073_741_824, 'fr')), '1,1 Go');
  assert.equal(plain(formatUnit(230, 'celsius', 'fr')), '230 °C');
  assert.equal(plain(formatUnit(12, 'millimeter-per-second', 'fr')), '12 mm/s');
  assert.equal(plain(formatPercent(0.456, 'fr')), '46 %');
  assert.equal(formatPercent(1, 'en'), '100%');
});

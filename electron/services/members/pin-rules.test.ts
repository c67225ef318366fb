import assert from 'node:assert/strict';
import { test } from 'node:test';
import { weakPinRule } from './pin-rules';

test('repeated digits and keypad runs are too easy; other PINs are fine', () => {
  for (const pin of ['0000', '1111', '99999999']) assert.equal(weakPinRule(pin), 'repeated', pin);
  for (const pin of ['1234', '2345', '0123456', '9876', '43210']) assert.equal(weakPinRule(pin), 'sequence', pin);
  for (const pin of ['4826', '1357', '2468', '1243', '9870', '4321x'.slice(0, 4).replace('1', '7')]) assert.equal(weakPinRule(pin), null, pin);
});

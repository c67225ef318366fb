import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BillingSettings } from '../../electron/api/types';
import { billingChanges, formOf } from './billing';

const settings: BillingSettings = {
  legalName: 'La Fabrique du Causse',
  legalForm: 'Association loi 1901',
  address: '1 place du Foirail',
  postcode: '46500',
  town: 'Gramat',
  siret: '90000000100017',
  vatRegime: 'franchise',
  vatRateBp: 2000,
  vatNumber: null,
  paymentTermsDays: 30,
  latePenaltyText: 'Pénalités…',
  professionalCategories: ['entrepreneur'],
  bankDetails: null,
  invoicePrefix: 'FK',
  demo: true,
};

test('nothing changed, nothing sent', () => {
  assert.deepEqual(billingChanges(settings, formOf(settings)), {});
});

test('only the fields changed are sent, trimmed; empty optional ones become null', () => {
  const form = { ...formOf(settings), town: ' Gramat ', siret: '12345678200010', vatNumber: 'fr 12 123456789', bankDetails: '  ', professionalCategories: ['association', 'entrepreneur'] };
  assert.deepEqual(billingChanges(settings, form), { siret: '12345678200010', vatNumber: 'FR12123456789', professionalCategories: ['association', 'entrepreneur'] });
  assert.deepEqual(billingChanges({ ...settings, bankDetails: 'IBAN FR76…' }, { ...formOf(settings), bankDetails: '' }), { bankDetails: null });
  // The same categories in another order are no change.
  assert.deepEqual(billingChanges({ ...settings, professionalCategories: ['a', 'b'] }, { ...formOf(settings), professionalCategories: ['b', 'a'] }), {});
});

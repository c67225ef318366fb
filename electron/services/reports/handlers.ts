// The statement, invoice, billing and report procedures, wired to their services. Whose statement or
// invoice one may read is checked here: a member their own, a manager anyone's.
import type { Caller, Handlers } from '../../api/dispatcher';
import { DomainError } from '../../api/errors';
import type { Store } from '../../store';
import type { AuditLog } from '../audit';
import { ensureBillingSettings, readBillingSettings, updateBillingSettings } from '../statements/billing-settings';
import { getInvoice, invoiceDocument, invoiceOwner, issueInvoice, listInvoices, previewInvoice } from '../statements/invoices';
import { memberStatement } from '../statements/statement';
import { reportTranslator } from './i18n';
import { entriesCsv, reportCsv } from './report-csv';
import { reportPdf } from './report-pdf';
import { usageReport } from './usage';

export interface ReportDeps {
  store: Store;
  audit: AuditLog;
  now: () => Date;
}

function self(caller: Caller): string {
  if (!caller.memberId) throw new DomainError('unauthenticated');
  return caller.memberId;
}

export function reportHandlers(d: ReportDeps) {
  const { store, audit, now } = d;
  ensureBillingSettings(store);
  const ownOrManager = (caller: Caller, memberId: string) => {
    if (memberId !== self(caller) && caller.role !== 'manager') throw new DomainError('forbidden');
  };
  const fileName = (key: string, from: string, to: string, lang: 'fr' | 'en', ext: string) =>
    `${reportTranslator(lang)(`file.${key}`)}-${from}-${to}.${ext}`;
  return {
    'statements.mine': ({ from, to }, caller) => memberStatement(store, self(caller), from, to),
    'statements.member': ({ memberId, from, to }) => memberStatement(store, memberId, from, to),
    'invoices.preview': ({ memberId, from, to }) => previewInvoice(store, memberId, from, to),
    'invoices.issue': async ({ memberId, from, to, buyer }, caller) => {
      const invoice = issueInvoice(store, { memberId, from, to, ...(buyer ? { buyer } : {}), issuedBy: caller.memberId, now: now() });
      audit.record(caller.memberId, 'invoice.issue', invoice.id, { number: invoice.number, member: memberId, totalTtcCents: invoice.totalTtcCents });
      await invoiceDocument(store, invoice.id);
      return invoice;
    },
    'invoices.list': ({ memberId, limit }, caller) => {
      if (caller.role === 'manager') return listInvoices(store, memberId ?? null, limit);
      const me = self(caller);
      if (memberId !== undefined && memberId !== me) throw new DomainError('forbidden');
      return listInvoices(store, me, limit);
    },
    'invoices.get': ({ invoiceId }, caller) => {
      ownOrManager(caller, invoiceOwner(store, invoiceId));
      return getInvoice(store, invoiceId);
    },
    'invoices.document': ({ invoiceId }, caller) => {
      ownOrManager(caller, invoiceOwner(store, invoiceId));
      return invoiceDocument(store, invoiceId);
    },
    'billing.settings': () => readBillingSettings(store),
    'billing.updateSettings': (patch, caller) => {
      const settings = updateBillingSettings(store, patch);
      audit.record(caller.memberId, 'billing.update', null, { fields: Object.keys(patch) });
      return settings;
    },
    'reports.usage': ({ from, to }) => usageReport(store, from, to, now()),
    'reports.csv': ({ from, to, table, lang }, caller) => {
      const csv = table === 'entries' ? entriesCsv(store, from, to, lang) : reportCsv(usageReport(store, from, to, now()), lang);
      // The ledger's lines name members: who took them away is worth knowing.
      if (table === 'entries') audit.record(caller.memberId, 'report.export', null, { table, from, to });
      return { fileName: fileName(table === 'entries' ? 'entries' : 'report', from, to, lang, 'csv'), mimeType: 'text/csv;charset=utf-8', dataBase64: Buffer.from(csv, 'utf8').toString('base64') };
    },
    'reports.pdf': async ({ from, to, lang }) => {
      const pdf = await reportPdf(usageReport(store, from, to, now()), lang);
      return { fileName: fileName('report', from, to, lang, 'pdf'), pdfBase64: pdf.toString('base64') };
    },
  } satisfies Partial<Handlers>;
}

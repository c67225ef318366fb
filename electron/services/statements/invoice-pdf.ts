// The invoice (or credit note) as a French PDF, drawn only from the invoice's own snapshot: the same
// invoice always gives the same document, whatever changed in the settings or the ledger since.
import type { InvoiceView } from '../../api/models';
import { colors, renderPdf, rule, winAnsi } from '../documents/pdf';
import { formats } from '../reports/i18n';
import { footerOnEveryPage, gridTable } from '../reports/pdf-parts';

export function invoicePdf(inv: InvoiceView): Promise<Buffer> {
  const f = formats('fr');
  const credit = inv.kind === 'credit_note';
  const title = credit ? 'Avoir' : 'Facture';
  const vat = inv.vatRegime === 'vat';
  const s = inv.seller;
  return renderPdf({ title: `${title} ${inv.number}`, createdAt: new Date(inv.issuedAt) }, (doc) => {
    // Every page names the invoice it belongs to.
    footerOnEveryPage(doc, (page) => `${title} ${inv.number} – page ${page}`);
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    const top = doc.y;
    // Seller, top left.
    doc.font('Helvetica-Bold').fontSize(13).fillColor(colors.accent).text(winAnsi(s.legalName), left, top, { width: width / 2 });
    doc.font('Helvetica').fontSize(9).fillColor(colors.ink);
    const sellerLines = [s.legalForm, ...s.address.split('\n'), `${s.postcode} ${s.town}`, `SIRET : ${s.siret}`];
    if (s.vatNumber) sellerLines.push(`N° TVA intracommunautaire : ${s.vatNumber}`);
    doc.text(winAnsi(sellerLines.join('\n')), { width: width / 2 });
    const afterSeller = doc.y;
    // Title, number and dates, top right.
    doc.font('Helvetica-Bold').fontSize(20).fillColor(colors.accent).text(winAnsi(title.toUpperCase()), left + width / 2, top, { width: width / 2, align: 'right' });
    doc.font('Helvetica').fontSize(10).fillColor(colors.ink);
    doc.text(
      winAnsi(
        [`N° ${inv.number}`, `Date : ${f.shortDay(inv.issueDay)}`, credit ? '' : `Échéance : ${f.shortDay(inv.dueDay)}`].filter(Boolean).join('\n'),
      ),
      { width: width / 2, align: 'right' },
    );
    doc.y = Math.max(afterSeller, doc.y) + 14;
    if (inv.demo) {
      doc.font('Helvetica-Bold').fontSize(10).fillColor('#b3261e').text(winAnsi('DÉMONSTRATION – vendeur fictif, document sans valeur'), left, doc.y, { width });
      doc.moveDown(0.5);
    }
    // Buyer, in a box on the right.
    const b = inv.buyer;
    const buyerLines = [b.name];
    if (b.address) buyerLines.push(...b.address.split('\n'));
    if (b.siret) buyerLines.push(`SIRET : ${b.siret}`);
    if (b.email) buyerLines.push(b.email);
    const boxX = left + width / 2;
    const boxY = doc.y;
    doc.font('Helvetica-Bold').fontSize(9).fillColor(colors.muted).text(winAnsi(credit ? 'Bénéficiaire' : 'Client'), boxX + 8, boxY + 6, { width: width / 2 - 16 });
    doc.font('Helvetica').fontSize(10).fillColor(colors.ink).text(winAnsi(buyerLines.join('\n')), { width: width / 2 - 16 });
    const boxH = doc.y - boxY + 6;
    doc.rect(boxX, boxY, width / 2, boxH).lineWidth(0.7).strokeColor(colors.rule).stroke();
    doc.y = boxY + boxH + 14;
    doc.x = left;
    doc.font('Helvetica').fontSize(10).fillColor(colors.ink).text(
      winAnsi(`Prestations et fournitures du ${f.shortDay(inv.from)} au ${f.shortDay(inv.to)}`),
      left,
      doc.y,
    );
    doc.moveDown(0.6);
    const ht = vat ? ' HT' : '';
    gridTable(
      doc,
      [
        { title: 'Date', width: 56 },
        { title: 'Désignation', width: 182 },
        { title: 'Quantité', width: 58, align: 'right' },
        { title: `P.U.${ht}`, width: 64, align: 'right' },
        { title: 'Remise', width: 60, align: 'right' },
        { title: `Montant${ht}`, width: 63, align: 'right' },
      ],
      inv.lines.map((l) => [
        f.shortDay(l.day),
        l.reductionText ? `${l.label}\n${l.reductionText}` : l.label,
        l.quantityText,
        l.unitPriceText,
        l.reductionHtCents !== 0 ? f.money(-l.reductionHtCents) : '',
        f.money(l.amountHtCents),
      ]),
    );
    // Totals, right-aligned under the table.
    const totals: { label: string; value: string; strong?: boolean }[] = vat
      ? [
          { label: 'Total HT', value: f.money(inv.totalHtCents) },
          { label: `TVA ${f.number(inv.vatRateBp / 100, 2)} %`, value: f.money(inv.totalVatCents) },
          { label: 'Total TTC', value: f.money(inv.totalTtcCents), strong: true },
        ]
      : [{ label: 'Total', value: f.money(inv.totalTtcCents), strong: true }];
    if (inv.paidCents !== 0) totals.push({ label: 'Déjà réglé', value: f.money(-inv.paidCents) });
    if (credit) totals.push({ label: 'À rembourser ou à déduire', value: f.money(-inv.dueCents), strong: true });
    else totals.push({ label: 'Net à payer', value: f.money(inv.dueCents), strong: true });
    if (doc.y + totals.length * 16 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const labelX = left + width - 230;
    for (const t of totals) {
      const y = doc.y;
      doc.font(t.strong ? 'Helvetica-Bold' : 'Helvetica').fontSize(10).fillColor(colors.ink);
      doc.text(winAnsi(t.label), labelX, y, { width: 130 });
      doc.text(winAnsi(t.value), labelX + 130, y, { width: 100, align: 'right' });
      doc.y = y + 15;
    }
    doc.x = left;
    doc.moveDown(1);
    rule(doc);
    doc.font('Helvetica').fontSize(8.5).fillColor(colors.muted);
    for (const m of inv.mentions) {
      doc.text(winAnsi(m), left, doc.y, { width, lineGap: 1 });
      doc.moveDown(0.3);
    }
    doc.moveDown(0.5);
    doc.text(
      winAnsi(`${s.legalName} – ${s.legalForm} – ${s.address.replace(/\n/g, ', ')}, ${s.postcode} ${s.town} – SIRET ${s.siret}${s.vatNumber ? ` – TVA ${s.vatNumber}` : ''}`),
      left,
      doc.y,
      { width, align: 'center' },
    );
  });
}

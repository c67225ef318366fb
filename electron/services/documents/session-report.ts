// The report of a trainer session, in French: for the lab's records and the funders' training figures.
import { frenchDate, frenchTime } from '../dates';
import { colors, fields, heading, renderPdf, rule, table, winAnsi } from './pdf';

export interface SessionReportData {
  lab: { name: string; town: string };
  module: { title: string; version: string };
  trainer: string;
  startedAt: string;
  endedAt: string;
  attendees: {
    name: string;
    profile: string;
    quiz: { correct: number; total: number; passed: boolean } | null;
    signedOff: boolean | null;
    expiresAt: string | null;
    note: string | null;
  }[];
  reference: string;
}

export function durationText(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  const h = Math.floor(min / 60);
  const m = min % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')}` : `${m} min`;
}

export function sessionReportPdf(d: SessionReportData): Promise<Buffer> {
  return renderPdf({ title: `Compte rendu de session - ${d.module.title}`, createdAt: new Date(d.endedAt) }, (doc) => {
    doc.font('Helvetica-Bold').fontSize(12).fillColor(colors.muted).text(winAnsi(`${d.lab.name} – ${d.lab.town}`));
    doc.moveDown(1);
    heading(doc, 'Compte rendu de session de formation');
    rule(doc);
    const certified = d.attendees.filter((a) => a.signedOff === true).length;
    fields(doc, [
      ['Module', `${d.module.title}, version ${d.module.version}`],
      ['Animateur·rice', d.trainer],
      ['Date', frenchDate(d.startedAt)],
      ['Horaires', `${frenchTime(d.startedAt)} – ${frenchTime(d.endedAt)} (durée ${durationText(Date.parse(d.endedAt) - Date.parse(d.startedAt))})`],
      ['Participant·es', `${d.attendees.length}, dont ${certified} habilité·e${certified > 1 ? 's' : ''}`],
    ]);
    doc.moveDown(1);
    const quiz = (q: SessionReportData['attendees'][number]['quiz']) =>
      q ? `${q.correct}/${q.total} (${Math.round((q.correct / q.total) * 100)} %) ${q.passed ? 'réussi' : 'non réussi'}` : 'non passé';
    const practical = (a: SessionReportData['attendees'][number]) =>
      a.signedOff === true ? `validée${a.expiresAt ? `, jusqu'au ${frenchDate(a.expiresAt)}` : ''}` : a.signedOff === false ? 'à refaire' : 'non évaluée';
    table(
      doc,
      [
        { title: 'Participant·e', width: 120 },
        { title: 'Profil', width: 95 },
        { title: 'Quiz', width: 95 },
        { title: 'Validation pratique', width: 105 },
        { title: 'Remarque', width: 68 },
      ],
      d.attendees.map((a) => [a.name, a.profile, quiz(a.quiz), practical(a), a.note ?? '']),
    );
    doc.moveDown(1);
    doc.font('Helvetica').fontSize(9).fillColor(colors.muted).text(winAnsi(`Document établi par le kiosque le ${frenchDate(d.endedAt)}. Référence : ${d.reference}`));
  });
}

// The attestation a member takes home after a session: the paper "machine passport" stamp, in French.
import { frenchDate } from '../dates';
import { colors, fields, heading, renderPdf, rule, winAnsi } from './pdf';

export interface AttestationData {
  lab: { name: string; town: string };
  member: string;
  module: { title: string; version: string; durationMin: number };
  machines: string[];
  quiz: { at: string; correct: number; total: number } | null;
  signedOffAt: string;
  trainer: string;
  expiresAt: string;
  sessionStartedAt: string;
  reference: string;
  issuedAt: string;
}

export function attestationPdf(d: AttestationData): Promise<Buffer> {
  return renderPdf({ title: `Attestation de formation - ${d.member}`, createdAt: new Date(d.issuedAt) }, (doc) => {
    doc.font('Helvetica-Bold').fontSize(12).fillColor(colors.muted).text(winAnsi(`${d.lab.name} – ${d.lab.town}`));
    doc.moveDown(1.5);
    heading(doc, 'Attestation de formation à la sécurité', 22);
    rule(doc);
    doc.font('Helvetica').fontSize(12).fillColor(colors.ink);
    doc.text(
      winAnsi(
        `${d.lab.name} atteste que ${d.member} a suivi la formation « ${d.module.title} » (version ${d.module.version}), ` +
          `réussi son quiz de sécurité et été validé·e en pratique par un·e animateur·rice du lieu.`,
      ),
      { align: 'left', lineGap: 3 },
    );
    doc.moveDown(1);
    const quiz = d.quiz
      ? `${frenchDate(d.quiz.at)} (${d.quiz.correct} bonnes réponses sur ${d.quiz.total}, ${Math.round((d.quiz.correct / d.quiz.total) * 100)} %)`
      : 'non enregistré';
    fields(doc, [
      ['Personne formée', d.member],
      ['Module', `${d.module.title}, version ${d.module.version}`],
      ['Machines concernées', d.machines.length > 0 ? d.machines.join(', ') : '-'],
      ['Session de formation', `${frenchDate(d.sessionStartedAt)}, durée prévue ${d.module.durationMin} min`],
      ['Quiz réussi le', quiz],
      ['Validation pratique le', frenchDate(d.signedOffAt)],
      ['Validée par', d.trainer],
      ["Valable jusqu'au", frenchDate(d.expiresAt)],
    ]);
    doc.moveDown(1.5);
    doc.font('Helvetica').fontSize(10).fillColor(colors.muted);
    doc.text(
      winAnsi(
        "Cette habilitation ouvre les machines du module sur le kiosque du lieu jusqu'à la date indiquée, tant que le module " +
          "n'a pas changé de version. Elle ne remplace pas la vigilance : en cas de doute, demandez à l'équipe.",
      ),
      { lineGap: 2 },
    );
    doc.moveDown(2);
    doc.text(winAnsi(`Fait à ${d.lab.town}, le ${frenchDate(d.issuedAt)}. Référence : ${d.reference}`));
  });
}

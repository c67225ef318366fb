// PDFs kept in the store: written in the same transaction as what they record (a session's end), read
// back by kind, session and member. An erased member's attestation is emptied, never deleted.
import { createHash } from 'node:crypto';
import type { StoredDocument } from '../../api/models';
import type { Store } from '../../store';

export type DocumentKind = 'session_report' | 'attestation';

export interface DocumentRow {
  id: string;
  kind: DocumentKind;
  session_id: string;
  member_id: string | null;
  file_name: string;
  erased_at: string | null;
}

export function saveDocument(store: Store, d: { kind: DocumentKind; sessionId: string; memberId: string | null; fileName: string; pdf: Buffer }): string {
  return store.writer.insert('documents', {
    kind: d.kind,
    session_id: d.sessionId,
    member_id: d.memberId,
    file_name: d.fileName,
    sha256: createHash('sha256').update(d.pdf).digest('hex'),
    size_bytes: d.pdf.length,
    pdf_base64: d.pdf.toString('base64'),
    erased_at: null,
  });
}

export function replaceDocument(store: Store, id: string, pdf: Buffer): void {
  store.writer.update('documents', id, {
    sha256: createHash('sha256').update(pdf).digest('hex'),
    size_bytes: pdf.length,
    pdf_base64: pdf.toString('base64'),
  });
}

export function sessionDocuments(store: Store, sessionId: string): DocumentRow[] {
  return store.db
    .prepare(
      `SELECT id, kind, session_id, member_id, file_name, erased_at FROM documents
       WHERE session_id = ? AND erased_at IS NULL ORDER BY kind DESC, id`,
    )
    .all(sessionId) as DocumentRow[];
}

export function readDocument(store: Store, sessionId: string, kind: DocumentKind, memberId: string | null): StoredDocument | null {
  const row = store.db
    .prepare(
      `SELECT file_name, pdf_base64 FROM documents
       WHERE session_id = ? AND kind = ? AND member_id IS ? AND erased_at IS NULL ORDER BY id DESC LIMIT 1`,
    )
    .get(sessionId, kind, memberId) as { file_name: string; pdf_base64: string } | undefined;
  return row ? { fileName: row.file_name, pdfBase64: row.pdf_base64 } : null;
}

/** Empties every attestation of a member whose account is closed: they carry the name. */
export function eraseAttestations(store: Store, memberId: string, at: string): void {
  const ids = store.db
    .prepare("SELECT id FROM documents WHERE member_id = ? AND kind = 'attestation' AND erased_at IS NULL")
    .pluck()
    .all(memberId) as string[];
  for (const id of ids) store.writer.update('documents', id, { pdf_base64: '', size_bytes: 0, sha256: '', erased_at: at });
}

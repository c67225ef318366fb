// Authored long texts (the charter, a module's steps) arrive as plain text: paragraphs separated by a
// blank line, "# " for a heading, "- " or "• " for list items, "1. " for numbered ones. A first line
// standing alone, short and without final punctuation, is the text's title. Read into blocks the
// screen lays out, never as HTML: nothing in them may become markup.

export type TextBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[]; ordered: boolean };

const bullet = /^\s*(?:[-•*]|\d+[.)])\s+/u;
const numbered = /^\s*\d+[.)]\s+/u;

export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of text.replace(/\r\n?/gu, '\n').split(/\n\s*\n/u)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
    let para: string[] = [];
    let list: string[] = [];
    let ordered = false;
    const flush = () => {
      if (para.length) blocks.push({ kind: 'paragraph', text: para.join(' ') });
      if (list.length) blocks.push({ kind: 'list', items: list, ordered });
      para = [];
      list = [];
    };
    for (const line of lines) {
      if (/^#{1,6}\s+/u.test(line)) {
        flush();
        blocks.push({ kind: 'heading', text: line.replace(/^#{1,6}\s+/u, '') });
      } else if (bullet.test(line)) {
        if (para.length) {
          blocks.push({ kind: 'paragraph', text: para.join(' ') });
          para = [];
        }
        if (list.length === 0) ordered = numbered.test(line);
        list.push(line.replace(bullet, ''));
      } else if (list.length) {
        // A wrapped list item goes on with the item before it.
        list[list.length - 1] += ` ${line}`;
      } else {
        para.push(line);
      }
    }
    flush();
  }
  const first = blocks[0];
  if (first?.kind === 'paragraph' && first.text.length <= 80 && !/[.:;!?…,]$/u.test(first.text) && blocks.length > 1) {
    blocks[0] = { kind: 'heading', text: first.text };
  }
  return blocks;
}

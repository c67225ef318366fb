// Authored text laid out as headings, paragraphs and lists (see lib/text-blocks.ts).
import { useMemo } from 'react';
import { textBlocks } from '../lib/text-blocks';

export function TextBlocks({ text, className }: { text: string; className?: string }) {
  const blocks = useMemo(() => textBlocks(text), [text]);
  return (
    <div className={className ? `text-blocks ${className}` : 'text-blocks'}>
      {blocks.map((b, i) =>
        b.kind === 'heading' ? (
          <h3 key={i}>{b.text}</h3>
        ) : b.kind === 'list' && b.ordered ? (
          <ol key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ol>
        ) : b.kind === 'list' ? (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ) : (
          <p key={i}>{b.text}</p>
        ),
      )}
    </div>
  );
}

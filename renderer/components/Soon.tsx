// An honest panel for what later work will build: what will be there, no fake data.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SparkIcon } from './icons';

export function Soon({ lead, items, footer, art }: { lead: string; items: string[]; footer?: string; art?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="soon card">
      <div className="soon-body">
        <span className="soon-badge">
          <SparkIcon size={22} />
          {t('app.soon')}
        </span>
        <p className="soon-lead">{lead}</p>
        <ul className="soon-list">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        {footer ? <p className="soon-footer">{footer}</p> : null}
      </div>
      {art ? <div className="soon-art">{art}</div> : null}
    </section>
  );
}

// The beginner projects the lab offers, as big picture cards: what it is, what makes it (the laser or
// a printer), a tap to open its parameters.
import { useTranslation } from 'react-i18next';
import type { TemplateInfo } from '../../electron/api/types';
import { BoltIcon, CubeIcon } from '../components/icons';
import { errorMessage } from '../i18n/errors';
import type { Loaded } from '../state/useLoad';
import { useKiosk } from '../state/kiosk';
import { Progress } from '../components/Progress';
import { TemplateArt } from './TemplateArt';
import { templateText } from './text';

export function TemplateGallery({ list, compact = false, onOpen }: { list: Loaded<TemplateInfo[]>; compact?: boolean; onOpen(t: TemplateInfo): void }) {
  const { t, i18n } = useTranslation();
  const { lang } = useKiosk();
  if (list.phase === 'loading') return <Progress label={t('templates.loading')} fraction={null} lang={lang} />;
  if (list.phase === 'failed') {
    return (
      <p className="form-error" role="alert" data-testid="templates-error">
        {errorMessage(list.error, t, lang)}
      </p>
    );
  }
  if (list.value.length === 0) return <p className="empty">{t('templates.none')}</p>;
  return (
    <ul className={`template-gallery${compact ? ' is-compact' : ''}`} data-testid="template-gallery" data-count={list.value.length}>
      {list.value.map((tpl) => (
        <li key={tpl.id}>
          <button type="button" className="template-card" data-testid="template-card" data-template={tpl.id} onClick={() => onOpen(tpl)}>
            <TemplateArt id={tpl.id} kind={tpl.kind} size={compact ? 112 : 200} />
            <span className="template-card-body">
              <span className="template-name">{templateText(i18n, lang, tpl.nameKey)}</span>
              <span className="template-card-desc">{templateText(i18n, lang, tpl.descriptionKey)}</span>
              <span className={`template-kind template-kind-${tpl.kind}`}>
                {tpl.kind === 'print' ? <CubeIcon size={18} /> : <BoltIcon size={18} />}
                {compact ? t(`templates.kindShort.${tpl.kind}`) : t(`templates.kind.${tpl.kind}`)}
              </span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

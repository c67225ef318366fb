// The head of a preparation screen: the way back, the file with its kind, and what the screen read of
// it (its size) on the right.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredFile } from '../../electron/api/types';
import { BackIcon } from '../components/icons';
import { FileArt } from './art';
import { extensionOf } from './formats';

export function PrepFileTop({ file, kicker, onBack, children }: { file: StoredFile; kicker: string; onBack(): void; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="prep-top">
      <button type="button" className="btn btn-secondary" data-testid="prep-back" onClick={onBack}>
        <BackIcon />
        <span>{t('prepare.back')}</span>
      </button>
      <div className="prep-file">
        <FileArt ext={extensionOf(file.name)} size={44} />
        <div>
          <p className="kicker">{kicker}</p>
          <p className="prep-file-name" data-testid="prep-file-name">
            {file.name}
          </p>
        </div>
      </div>
      {children}
    </div>
  );
}

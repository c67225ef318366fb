import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/api/types';
import { errorMessage } from '../i18n/errors';
import type { Lang } from '../lib/format';

export function ErrorLine({ error, lang }: { error: ApiError; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <p className="form-error" role="alert" data-code={error.code}>
      {errorMessage(error, t, lang)}
    </p>
  );
}

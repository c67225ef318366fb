// Where a member stands for a module, as a coloured badge with a word (colour alone says nothing to
// some): not yet, quiz passed (sign-off to do), certified until a date, expired, outdated.
import { useTranslation } from 'react-i18next';
import type { CertificationStatus } from '../../electron/api/types';
import { AlertIcon, CheckIcon, HourglassIcon, QuizIcon, RefreshIcon } from '../components/icons';
import { formatDate, type Lang } from '../lib/format';

const icons = { none: QuizIcon, quiz_passed: HourglassIcon, valid: CheckIcon, expired: AlertIcon, outdated: RefreshIcon } as const;

export function CertificationBadge({ status, expiresAt, lang, testId }: { status: CertificationStatus; expiresAt?: string | null; lang: Lang; testId?: string }) {
  const { t } = useTranslation();
  const Icon = icons[status];
  const label =
    status === 'valid' && expiresAt
      ? t('certs.validUntil', { date: formatDate(expiresAt, lang) })
      : status === 'expired' && expiresAt
        ? t('certs.expiredOn', { date: formatDate(expiresAt, lang) })
        : t(`certs.status.${status}`);
  return (
    <span className={`cert-badge cert-${status}`} data-testid={testId} data-status={status}>
      <Icon size={22} />
      <span>{label}</span>
    </span>
  );
}

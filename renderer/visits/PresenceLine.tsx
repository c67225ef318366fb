// "Right now: 3 in the fablab, 2 coworking": who is in, without names, read again every minute and
// whenever `version` changes (a check-in on this screen).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PeopleIcon } from '../components/icons';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';

export function PresenceLine({ version }: { version: number }) {
  const { t } = useTranslation();
  const { call } = useKiosk();
  const { state, reload } = useLoad(() => call('visits.current', {}), [call]);
  useEffect(() => {
    const timer = window.setInterval(reload, 60_000);
    return () => window.clearInterval(timer);
  }, [reload]);
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  if (state.phase !== 'ready') return null;
  const p = state.value;
  const parts = (['fablab', 'coworking', 'event'] as const).filter((k) => p.byPurpose[k] > 0).map((k) => t(`visits.presence.${k}`, { count: p.byPurpose[k] }));
  return (
    <p className="presence" data-testid="presence" data-total={p.total}>
      <PeopleIcon size={26} />
      <span>{p.total === 0 ? t('visits.presenceNone') : `${t('visits.presenceNow')} ${parts.join(' · ')}`}</span>
    </p>
  );
}

// Every version of every safety module the kiosk loaded: which one is in force, and how many valid
// certifications each version carries (an older one no longer opens the machines).
import { useTranslation } from 'react-i18next';
import { formatDate } from '../lib/format';
import { useModuleLabel } from '../screens/labels';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';
import { ErrorLine } from './ErrorLine';

export function ModulesPanel() {
  const { t } = useTranslation();
  const { call, lang } = useKiosk();
  const moduleLabel = useModuleLabel();
  const { state } = useLoad(() => call('training.moduleVersions', {}), [call]);
  return (
    <section className="card table-card" aria-labelledby="modules-title" data-testid="module-versions">
      <div className="table-head">
        <div>
          <h2 id="modules-title">{t('manage.modulesTitle')}</h2>
          <p className="muted">{t('manage.modulesLead')}</p>
        </div>
      </div>
      {state.phase === 'failed' ? <ErrorLine error={state.error} lang={lang} /> : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('manage.colModule')}</th>
              <th scope="col">{t('manage.colVersion')}</th>
              <th scope="col">{t('manage.colPublished')}</th>
              <th scope="col">{t('manage.colCertified')}</th>
              <th scope="col">{t('manage.colContent')}</th>
            </tr>
          </thead>
          <tbody>
            {state.phase === 'ready'
              ? state.value.map((v) => (
                  <tr key={`${v.code}-${v.version}`} data-testid="module-version" data-code={v.code} data-current={v.current}>
                    <th scope="row">{moduleLabel(v.code)}</th>
                    <td>
                      {v.version} {v.current ? <span className="pill pill-ok">{t('manage.current')}</span> : <span className="pill">{t('manage.older')}</span>}
                    </td>
                    <td className="nowrap">{formatDate(v.publishedAt, lang)}</td>
                    <td>{v.certified}</td>
                    <td>
                      <code>{v.contentSha256.slice(0, 12)}</code>
                    </td>
                  </tr>
                ))
              : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}

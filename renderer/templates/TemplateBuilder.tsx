// One template: its parameters on the left, its preview on the right, built again by the back end a
// moment after each change (the laser's outlines flat, a printed part in 3D), its size in mm, and the
// way on to the laser or print preparation with the file it made. Visitors see the parameters and
// are asked to sign in to build.
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, BuiltTemplate, TemplateInfo } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { ArrowIcon, BackIcon, RulerIcon, SignInIcon } from '../components/icons';
import { Progress } from '../components/Progress';
import { prepError } from '../prepare/errors';
import { formatNumber } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { OutlinePreview } from './OutlinePreview';
import { buildPayload, initialValues, problemsOf, valuesKey, type ParamValue, type Values } from './params';
import { decodePositions } from './positions';
import { TemplateArt } from './TemplateArt';
import { TemplateForm } from './TemplateForm';
import { templateText } from './text';

const MeshStage = lazy(() => import('../print/MeshStage'));

/** Long enough for a finger on a slider to settle, short enough to feel live. */
const buildDelayMs = 400;

type Build = { phase: 'idle' } | { phase: 'building'; key: string; previous: BuiltTemplate | null } | { phase: 'ready'; key: string; built: BuiltTemplate } | { phase: 'failed'; key: string; error: ApiError };

export function TemplateBuilder({ template, onBack, onUse }: { template: TemplateInfo; onBack(): void; onUse(built: BuiltTemplate): void }) {
  const { t, i18n } = useTranslation();
  const { call, member, lang, navigate } = useKiosk();
  const [values, setValues] = useState<Values>(() => initialValues(template.params));
  const problems = useMemo(() => problemsOf(template.params, values), [template.params, values]);
  const key = valuesKey(values);
  const [build, setBuild] = useState<Build>({ phase: 'idle' });
  const seq = useRef(0);

  useEffect(() => {
    if (!member || problems.length > 0) {
      seq.current++;
      setBuild((b) => (b.phase === 'ready' ? b : { phase: 'idle' }));
      return;
    }
    const id = ++seq.current;
    setBuild((b) => ({ phase: 'building', key, previous: b.phase === 'ready' ? b.built : b.phase === 'building' ? b.previous : null }));
    const timer = window.setTimeout(() => {
      call('templates.build', { id: template.id, params: buildPayload(template.params, values) }).then(
        (built) => id === seq.current && setBuild({ phase: 'ready', key, built }),
        (err: unknown) => id === seq.current && setBuild({ phase: 'failed', key, error: toApiError(err) }),
      );
    }, buildDelayMs);
    return () => window.clearTimeout(timer);
    // `key` stands for the values.
  }, [call, member, template.id, key, problems.length]);

  const shown = build.phase === 'ready' ? build.built : build.phase === 'building' ? build.previous : null;
  const current = build.phase === 'ready' && build.key === key ? build.built : null;
  const positions = useMemo(() => (shown?.kind === 'print' && shown.preview.positions ? decodePositions(shown.preview.positions) : null), [shown]);
  const size = shown ? { x: shown.bounds.max.x - shown.bounds.min.x, y: shown.bounds.max.y - shown.bounds.min.y, z: shown.bounds.max.z - shown.bounds.min.z } : null;
  const mm = (v: number) => formatNumber(v, lang, 1);

  const set = (k: string, v: ParamValue) => setValues((vs) => ({ ...vs, [k]: v }));

  return (
    <div className="template-builder" data-testid="template-builder" data-template={template.id}>
      <div className="prep-top">
        <button type="button" className="btn btn-secondary" data-testid="template-back" onClick={onBack}>
          <BackIcon />
          <span>{t('templates.back')}</span>
        </button>
        <div className="prep-file">
          <TemplateArt id={template.id} kind={template.kind} size={72} />
          <div>
            <p className="kicker">{t(`templates.kind.${template.kind}`)}</p>
            <h2 className="template-title">{templateText(i18n, lang, template.nameKey)}</h2>
          </div>
        </div>
        <p className="template-desc muted">{templateText(i18n, lang, template.descriptionKey)}</p>
      </div>

      <div className="template-grid">
        <section className="card template-params" aria-labelledby="template-params-title">
          <h2 id="template-params-title" className="panel-title">
            {t('templates.paramsTitle')}
          </h2>
          <TemplateForm params={template.params} values={values} problems={problems} lang={lang} onChange={set} />
          <button type="button" className="btn btn-secondary" data-testid="template-defaults" onClick={() => setValues(initialValues(template.params))}>
            {t('templates.defaults')}
          </button>
        </section>

        <section className="card template-preview" aria-labelledby="template-preview-title">
          <div className="template-preview-head">
            <h2 id="template-preview-title" className="panel-title">
              {t('templates.previewTitle')}
            </h2>
            {size ? (
              <p className="template-size" data-testid="template-size" data-x={Math.round(size.x * 10) / 10} data-y={Math.round(size.y * 10) / 10} data-z={Math.round(size.z * 10) / 10}>
                <RulerIcon size={22} />
                {shown?.kind === 'print' || size.z > 0.01
                  ? t('templates.size3', { x: mm(size.x), y: mm(size.y), z: mm(size.z) })
                  : t('templates.size2', { x: mm(size.x), y: mm(size.y) })}
              </p>
            ) : null}
          </div>
          <div className="template-stage" data-testid="template-stage" data-state={build.phase}>
            {!member ? (
              <div className="template-signin" data-testid="template-signin">
                <TemplateArt id={template.id} kind={template.kind} size={220} />
                <p>{t('templates.signInToBuild')}</p>
                <button type="button" className="btn btn-primary btn-huge" data-testid="template-signin-button" onClick={() => navigate('signin')}>
                  <SignInIcon size={30} />
                  <span>{t('nav.signIn')}</span>
                </button>
              </div>
            ) : shown?.kind === 'print' ? (
              <Suspense fallback={<div className="preview-stage mesh-stage" />}>
                <MeshStage
                  positions={positions}
                  modelKey={shown.file.id}
                  tone="ok"
                  area={null}
                  label={t('templates.previewTitle')}
                  testId="template-mesh"
                />
              </Suspense>
            ) : shown ? (
              <OutlinePreview built={shown} lang={lang} />
            ) : build.phase === 'failed' ? null : (
              <div className="template-placeholder">
                <TemplateArt id={template.id} kind={template.kind} size={220} />
              </div>
            )}
            {member && build.phase === 'building' ? (
              <div className="preview-overlay template-building">
                <Progress label={t('templates.building')} fraction={null} lang={lang} testId="template-progress" />
              </div>
            ) : null}
            {member && build.phase === 'failed' ? (
              <p className="preview-overlay preview-problem" role="alert" data-testid="template-error" data-code={build.error.code}>
                {prepError(build.error, t, lang, ['templates'])}
              </p>
            ) : null}
            {member && problems.length > 0 ? (
              <p className="preview-overlay template-fix" role="status">
                {t('templates.fixFirst')}
              </p>
            ) : null}
          </div>
          {member ? (
            <div className="template-use">
              <button type="button" className="btn btn-primary btn-huge" data-testid="template-use" disabled={!current} onClick={() => current && onUse(current)}>
                <ArrowIcon size={30} direction="right" />
                <span>{current?.kind === 'print' ? t('templates.usePrint') : current?.kind === 'laser' ? t('templates.useLaser') : t('templates.use')}</span>
              </button>
              <p className="muted">{current ? t(current.kind === 'print' ? 'templates.useHintPrint' : 'templates.useHintLaser') : t('templates.useWait')}</p>
            </div>
          ) : null}
        </section>
      </div>
    </div>
  );
}

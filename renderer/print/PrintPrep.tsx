// Preparing a print from a 3D model (STL, 3MF, OBJ): the printer and the filament, the model in 3D on
// the printer's bed (turned, scaled, laid flat as the maker asks; refused clearly when it does not
// fit), the few choices the lab leaves open, then the slicing with its progress and a way to stop it,
// and the results with the price, the toolpath and the queue.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, MeshSource, MeshTransform, PreparedJob, PrintChoices, StoredFile } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { cachedStoredFile } from '../board/job-file';
import { CloseIcon, CubeIcon, LayersIcon, RefreshIcon } from '../components/icons';
import { Progress } from '../components/Progress';
import { gcodeMachines } from '../gcode/summary';
import { errorMessage } from '../i18n/errors';
import { prepError } from '../prepare/errors';
import { codeText } from '../i18n/prepare-codes';
import { formatNumber, formatWorkArea, pick } from '../lib/format';
import { Segmented, Toggle } from '../prepare/controls';
import { MachineMaterialStep } from '../prepare/MachineMaterialStep';
import { PrepGo } from '../prepare/PrepGo';
import { PrepFileTop } from '../prepare/PrepFileTop';
import { PrepFindingList } from '../prepare/PrepFindings';
import { PreparedResults } from '../prepare/PreparedResults';
import { StageBar } from '../prepare/StageBar';
import { printStages } from '../prepare/stages';
import { usePrepareProgress } from '../prepare/usePrepareProgress';
import { usePrepScroll } from '../prepare/usePrepScroll';
import { useKiosk } from '../state/kiosk';
import {
  defaultChoices,
  identity,
  infillSteps,
  isIdentity,
  largestScalePct,
  layerHeightMm,
  maxScalePct,
  minScalePct,
  qualities,
  scaledTo,
  timeFactor,
  transformKey,
  turned,
  type Axis,
} from './choices';
import type { BedBox } from './mesh-data';
import { InfillIcon, LayFlatIcon, QualityIcon, RotateIcon } from './PrintIcons';
import { useMesh } from './useMesh';

const MeshStage = lazy(() => import('./MeshStage'));

type Work =
  | { phase: 'idle'; cancelled?: boolean }
  | { phase: 'slicing'; cancelling: boolean }
  | { phase: 'done'; job: PreparedJob; machineId: string; materialId: string }
  | { phase: 'failed'; error: ApiError };

type Check = { phase: 'idle' } | { phase: 'checking'; key: string } | { phase: 'ready'; key: string; value: MeshSource } | { phase: 'failed'; key: string; error: ApiError };

export function PrintPrep({ file, localFile, onBack }: { file: StoredFile; localFile: File | null; onBack(): void }) {
  const { t } = useTranslation();
  const { call, machines, catalog, lang } = useKiosk();
  const printers = useMemo(() => gcodeMachines(machines).filter((m) => m.kind === 'fdm'), [machines]);
  const filaments = useMemo(() => (catalog?.materials ?? []).filter((m) => m.kind === 'filament'), [catalog]);

  const [machineId, setMachineId] = useState<string | null>(() => (printers.length === 1 ? printers[0]!.id : null));
  const [materialId, setMaterialId] = useState<string | null>(null);
  const machine = printers.find((m) => m.id === machineId) ?? null;
  const material = filaments.find((m) => m.id === materialId) ?? null;
  const [transform, setTransform] = useState<MeshTransform>(identity);
  const [choices, setChoices] = useState<PrintChoices>(defaultChoices);
  const [work, setWork] = useState<Work>({ phase: 'idle' });
  const [showResults, setShowResults] = useState(false);

  // The model's bytes for the 3D view: the maker's own file, or read back from the kiosk.
  const [model, setModel] = useState<{ blob: Blob | null; fraction: number; error: ApiError | null }>({ blob: localFile, fraction: 1, error: null });
  useEffect(() => {
    if (localFile) return;
    let live = true;
    cachedStoredFile(call, file.id, file.name, (read, total) => live && setModel((m) => ({ ...m, fraction: total > 0 ? read / total : 1 }))).then(
      (f) => live && setModel({ blob: f, fraction: 1, error: null }),
      (err: unknown) => live && setModel({ blob: null, fraction: 1, error: toApiError(err) }),
    );
    return () => {
      live = false;
    };
  }, [call, file.id, file.name, localFile]);

  const bed: BedBox | null = machine?.workArea ? { area: machine.workArea, origin: machine.workOrigin } : null;
  const mesh = useMesh(model.blob, file.name, transform, bed);

  // The back end's word on the size and the fit, for this printer and this placement (after a pause).
  const checkKey = machine ? `${machine.id}|${transformKey(transform)}` : '';
  const [check, setCheck] = useState<Check>({ phase: 'idle' });
  useEffect(() => {
    if (!machine) {
      setCheck({ phase: 'idle' });
      return;
    }
    let live = true;
    setCheck({ phase: 'checking', key: checkKey });
    const timer = window.setTimeout(() => {
      call('print.inspect', { fileId: file.id, machineId: machine.id, transform }).then(
        (value) => live && setCheck({ phase: 'ready', key: checkKey, value }),
        (err: unknown) => live && setCheck({ phase: 'failed', key: checkKey, error: toApiError(err) }),
      );
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [call, file.id, checkKey]);

  const slicing = work.phase === 'slicing';
  const progress = usePrepareProgress(file.id, slicing);
  const checked = check.phase === 'ready' && check.key === checkKey ? check.value : null;
  const fits = checked?.fits ?? null;
  const tone = fits === false || mesh.phase === 'failed' || (mesh.phase === 'ready' && mesh.inside === false) ? 'bad' : machine ? 'ok' : 'neutral';

  const missing = !machine
    ? 'pickPrinter'
    : !material
      ? 'pickFilament'
      : check.phase === 'failed'
        ? 'checkFailed'
        : !checked
          ? 'checking'
          : !checked.fits
            ? 'tooLarge'
            : null;

  const slice = useCallback(async () => {
    if (!machine || !material) return;
    setWork({ phase: 'slicing', cancelling: false });
    try {
      const job = await call('print.slice', { fileId: file.id, machineId: machine.id, materialId: material.id, choices, transform });
      setWork({ phase: 'done', job, machineId: machine.id, materialId: material.id });
      setShowResults(true);
    } catch (err) {
      const e = toApiError(err);
      if (e.code === 'preparation_failed' && e.params?.reason === 'slicer_cancelled') setWork({ phase: 'idle', cancelled: true });
      else setWork({ phase: 'failed', error: e });
    }
  }, [call, file.id, machine, material, choices, transform]);

  const cancel = () => {
    setWork((w) => (w.phase === 'slicing' ? { phase: 'slicing', cancelling: true } : w));
    call('print.cancel', { fileId: file.id }).catch(() => {});
  };

  // Printer and filament chosen: the model on the bed comes into view.
  const chosen = machine !== null && material !== null;
  const placing = usePrepScroll<HTMLDivElement>(showResults, chosen);

  if (showResults && work.phase === 'done') {
    const m = printers.find((x) => x.id === work.machineId);
    if (m) {
      return (
        <div className="prep-screen" data-testid="print-prep">
          <PreparedResults
            job={work.job}
            machine={m}
            material={filaments.find((x) => x.id === work.materialId) ?? null}
            sourceName={file.name}
            onEdit={() => setShowResults(false)}
          />
        </div>
      );
    }
  }

  const size = checked?.sizeMm ?? (mesh.phase === 'ready' ? { x: mesh.max.x - mesh.min.x, y: mesh.max.y - mesh.min.y, z: mesh.max.z - mesh.min.z } : null);
  const size100 = size ? { x: size.x / (transform.scalePct / 100), y: size.y / (transform.scalePct / 100), z: size.z / (transform.scalePct / 100) } : null;
  const maxPct = size100 && machine?.workArea ? Math.min(maxScalePct, largestScalePct(size100, machine.workArea)) : null;
  const fitsTurned = size && machine?.workArea ? size.y <= machine.workArea.x && size.x <= machine.workArea.y && size.z <= machine.workArea.z : false;
  const mm = (v: number) => formatNumber(v, lang, 1);
  const busy = slicing;
  // "Too large" is said above, with its fixes; the other findings (units converted, slivers) below it.
  const checkFindings = (checked?.findings ?? []).filter((f) => !f.code.startsWith('model_too_large'));

  return (
    <div className="prep-screen" data-testid="print-prep">
      <PrepFileTop file={file} kicker={t('print.kicker')} onBack={onBack}>
        {mesh.phase === 'ready' ? (
          <p className="prep-file-size muted">
            {t('print.triangles', { count: mesh.triangles, formatted: formatNumber(mesh.triangles, lang, 0) })} ·{' '}
            {t('print.fileSize', { x: mm(mesh.sourceSize.x), y: mm(mesh.sourceSize.y), z: mm(mesh.sourceSize.z) })}
          </p>
        ) : null}
      </PrepFileTop>

      <MachineMaterialStep
        idPrefix="print"
        texts={{ machine: t('print.stepPrinter'), material: t('print.stepFilament'), noMachine: t('print.noPrinter'), noMaterial: t('print.noFilament') }}
        machines={printers}
        materials={filaments}
        machineId={machineId}
        materialId={materialId}
        lang={lang}
        disabled={busy}
        onMachine={(m) => setMachineId(m.id)}
        onMaterial={(m) => setMaterialId(m.id)}
      />

      <div className="print-grid" ref={placing}>
        <section className="card print-view-card" aria-labelledby="print-view-title">
          <h2 id="print-view-title" className="panel-title">
            <CubeIcon />
            {t('print.viewTitle')}
          </h2>
          <Suspense fallback={<div className="preview-stage mesh-stage" />}>
            <MeshStage
              positions={mesh.phase === 'ready' ? mesh.positions : null}
              modelKey={mesh.phase === 'ready' ? mesh.key : ''}
              tone={tone}
              area={machine?.workArea ?? null}
              origin={machine?.workOrigin}
              label={t('print.viewTitle')}
              testId="print-stage"
            >
              {model.error ? (
                <p className="preview-overlay preview-problem" role="alert">
                  {errorMessage(model.error, t, lang)}
                </p>
              ) : mesh.phase === 'failed' ? (
                <p className="preview-overlay preview-problem" role="alert" data-testid="print-mesh-error" data-code={mesh.code}>
                  {codeText(t, lang, mesh.code, mesh.params, 'error', 'print.previewFailed', ['print'])}
                </p>
              ) : mesh.phase !== 'ready' ? (
                <div className="preview-overlay">
                  <Progress label={t('print.loadingModel')} fraction={model.blob ? null : model.fraction} lang={lang} testId="print-mesh-progress" />
                </div>
              ) : null}
            </MeshStage>
          </Suspense>
          <div className="transform-bar" role="group" aria-label={t('print.placeTitle')}>
            <button
              type="button"
              className="btn btn-secondary btn-toggle tool-btn"
              data-testid="print-layflat"
              aria-pressed={transform.layFlat}
              disabled={busy}
              onClick={() => setTransform((tr) => ({ ...tr, layFlat: !tr.layFlat }))}
            >
              <LayFlatIcon />
              <span>{t('print.layFlat')}</span>
            </button>
            {(['x', 'y', 'z'] as Axis[]).map((axis) => (
              <button
                key={axis}
                type="button"
                className="btn btn-secondary tool-btn"
                data-testid={`print-rotate-${axis}`}
                disabled={busy}
                aria-label={t('print.rotateLabel', { axis: axis.toUpperCase() })}
                onClick={() => setTransform((tr) => turned(tr, axis))}
              >
                <RotateIcon axis={axis} />
                <span>{t('print.rotate', { axis: axis.toUpperCase(), deg: transform.rotateDeg[axis] })}</span>
              </button>
            ))}
            <div className="scale-control" role="group" aria-label={t('print.scale')}>
              <button
                type="button"
                className="btn btn-secondary btn-square"
                aria-label={t('print.smaller')}
                disabled={busy || transform.scalePct <= minScalePct}
                onClick={() => setTransform((tr) => scaledTo(tr, tr.scalePct - 10))}
              >
                <span aria-hidden="true">−</span>
              </button>
              <span className="scale-value" data-testid="print-scale">
                {t('print.scaleValue', { pct: formatNumber(transform.scalePct, lang, 0) })}
              </span>
              <button
                type="button"
                className="btn btn-secondary btn-square"
                aria-label={t('print.larger')}
                disabled={busy || transform.scalePct >= maxScalePct}
                onClick={() => setTransform((tr) => scaledTo(tr, tr.scalePct + 10))}
              >
                <span aria-hidden="true">+</span>
              </button>
            </div>
            <button
              type="button"
              className="btn btn-secondary tool-btn"
              data-testid="print-reset"
              disabled={busy || isIdentity(transform)}
              onClick={() => setTransform(identity)}
            >
              <RefreshIcon />
              <span>{t('print.reset')}</span>
            </button>
          </div>
          <p className="muted bed-hint">{t('preview.hint')}</p>
        </section>

        <div className="print-side">
          <section className="card fit-card" aria-labelledby="fit-title" data-testid="print-fit" data-fits={fits === null ? '' : fits ? 'yes' : 'no'}>
            <h2 id="fit-title" className="panel-title">
              {t('print.sizeTitle')}
            </h2>
            {!machine ? (
              <p className="muted">{t('print.pickPrinterForFit')}</p>
            ) : check.phase === 'failed' ? (
              <p className="form-error" role="alert" data-testid="print-check-error" data-code={check.error.code}>
                {prepError(check.error, t, lang, ['print'])}
              </p>
            ) : (
              <>
                <p className="fit-size" data-testid="print-size">
                  {size ? t('print.size', { x: mm(size.x), y: mm(size.y), z: mm(size.z) }) : '—'}
                </p>
                {fits === null ? (
                  <Progress label={t('print.checking')} fraction={null} lang={lang} />
                ) : fits ? (
                  <p className="fit-verdict fit-ok">
                    <span className="tag tag-ok">{t('print.fits')}</span> {t('print.fitsText', { machine: machine.name, area: formatWorkArea(machine.workArea!, lang) })}
                  </p>
                ) : (
                  <div className="fit-verdict fit-bad" role="alert">
                    <p>
                      <span className="tag tag-bad">{t('print.tooLarge')}</span>{' '}
                      {t('print.tooLargeText', { machine: machine.name, area: machine.workArea ? formatWorkArea(machine.workArea, lang) : '' })}
                    </p>
                    <div className="fit-fixes">
                      {fitsTurned ? (
                        <button type="button" className="btn btn-secondary" onClick={() => setTransform((tr) => turned(tr, 'z'))}>
                          <RotateIcon axis="z" />
                          <span>{t('print.fixTurn')}</span>
                        </button>
                      ) : null}
                      {maxPct !== null && maxPct >= minScalePct && maxPct < transform.scalePct ? (
                        <button type="button" className="btn btn-secondary" data-testid="print-fix-scale" onClick={() => setTransform((tr) => scaledTo(tr, maxPct))}>
                          <span>{t('print.fixScale', { pct: formatNumber(maxPct, lang, 0) })}</span>
                        </button>
                      ) : null}
                    </div>
                  </div>
                )}
                {checkFindings.length > 0 ? <PrepFindingList findings={checkFindings} lang={lang} testId="print-check-findings" /> : null}
              </>
            )}
          </section>

          <section className="card choices-card" aria-labelledby="choices-title">
            <h2 id="choices-title" className="panel-title">
              <LayersIcon />
              {t('print.choicesTitle')}
            </h2>
            <p className="choice-label">{t('print.quality')}</p>
            <Segmented
              label={t('print.quality')}
              value={choices.quality}
              big
              disabled={busy}
              testId="print-quality"
              options={qualities.map((q) => ({
                value: q,
                icon: <QualityIcon quality={q} />,
                label: t(`print.qualityName.${q}`),
                hint: t('print.qualityHint', { layer: formatNumber(layerHeightMm[q], lang, 2), factor: formatNumber(timeFactor(q), lang, 1) }),
              }))}
              onChange={(q) => setChoices((c) => ({ ...c, quality: q }))}
            />
            <p className="choice-label">{t('print.infill')}</p>
            <Segmented
              label={t('print.infill')}
              value={choices.infillPct}
              disabled={busy}
              testId="print-infill"
              options={infillSteps.map((p) => ({ value: p, icon: <InfillIcon pct={p} />, label: `${formatNumber(p, lang, 0)} %` }))}
              onChange={(p) => setChoices((c) => ({ ...c, infillPct: p }))}
            />
            <p className="muted choice-hint">{t('print.infillHint')}</p>
            <div className="choice-toggles">
              <Toggle label={t('print.supports')} hint={t('print.supportsHint')} checked={choices.supports} disabled={busy} testId="print-supports" onChange={(v) => setChoices((c) => ({ ...c, supports: v }))} />
              <Toggle label={t('print.brim')} hint={t('print.brimHint')} checked={choices.brim} disabled={busy} testId="print-brim" onChange={(v) => setChoices((c) => ({ ...c, brim: v }))} />
            </div>
          </section>
        </div>
      </div>

      <PrepGo
        testIdPrefix="print"
        button={
          <button type="button" className="btn btn-primary btn-huge prep-go-button" data-testid="print-slice" disabled={missing !== null || busy} onClick={() => void slice()}>
            <LayersIcon size={32} />
            <span>{slicing ? t('print.slicing') : t('print.slice')}</span>
          </button>
        }
        missing={missing}
        hint={missing ? t(`print.missing.${missing}`) : t('print.ready', { machine: machine?.name ?? '', material: material ? pick(material.name, lang) : '' })}
        running={
          slicing ? (
            <div className="prep-progress-row">
              <StageBar progress={progress} stages={printStages} lang={lang} testId="print-progress" />
              <button type="button" className="btn btn-secondary" data-testid="print-cancel" disabled={work.cancelling} onClick={cancel}>
                <CloseIcon />
                <span>{work.cancelling ? t('print.cancelling') : t('print.cancel')}</span>
              </button>
            </div>
          ) : null
        }
        error={work.phase === 'failed' ? work.error : null}
        errorFrom={['print']}
        lang={lang}
        onSeeResults={work.phase === 'done' && !showResults ? () => setShowResults(true) : null}
      >
        {work.phase === 'idle' && work.cancelled ? (
          <p className="muted" role="status" data-testid="print-cancelled">
            {t('print.cancelled')}
          </p>
        ) : null}
      </PrepGo>
    </div>
  );
}

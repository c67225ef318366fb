// Preparing a laser job from a drawing (SVG, DXF) or an image (PNG, JPEG): the laser and the sheet,
// the drawing placed on the bed, what each colour becomes (or how the image is engraved), then the
// back end makes the G-code and the results come with the price, the 3D toolpath and the queue.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ApiError,
  LaserOperationChoice,
  LaserPreset,
  MachineSummary,
  Placement,
  PreparedJob,
  RasterChoice,
  StoredFile,
} from '../../electron/api/types';
import { toApiError } from '../api/client';
import { cachedStoredFile } from '../board/job-file';
import { BackIcon, BoltIcon, CrosshairIcon } from '../components/icons';
import { Progress } from '../components/Progress';
import { gcodeMachines } from '../gcode/summary';
import { errorMessage } from '../i18n/errors';
import { prepError } from '../prepare/errors';
import { formatNumber, pick } from '../lib/format';
import { MachineMaterialStep } from '../prepare/MachineMaterialStep';
import { PrepFileTop } from '../prepare/PrepFileTop';
import { PrepGo } from '../prepare/PrepGo';
import { PrepFindingList } from '../prepare/PrepFindings';
import { PreparedResults } from '../prepare/PreparedResults';
import { StageBar } from '../prepare/StageBar';
import { laserStages } from '../prepare/stages';
import { usePrepareProgress } from '../prepare/usePrepareProgress';
import { usePrepScroll } from '../prepare/usePrepScroll';
import { useLoad } from '../state/useLoad';
import { useKiosk } from '../state/kiosk';
import { BedEditor } from './BedEditor';
import { LayerPanel } from './LayerPanel';
import { clampToBed, fitsBed, initialPlacement, type Size } from './placement';
import { RasterPanel } from './RasterPanel';
import { previewGrid } from './raster-preview';
import { burnsSomething, defaultChoices, defaultRaster, ditherMethods, operationsPayload, rebase, rebaseRaster } from './settings';
import { useRasterPreview } from './useRasterPreview';

type Work =
  | { phase: 'idle' }
  | { phase: 'preparing' }
  | { phase: 'done'; job: PreparedJob; machineId: string; materialId: string }
  | { phase: 'failed'; error: ApiError };

/** Thumbnails of the methods: enough cells to see the grain. */
const thumbCells = 150;

export function LaserPrep({ file, localFile, onBack }: { file: StoredFile; localFile: File | null; onBack(): void }) {
  const { t } = useTranslation();
  const { call, machines, catalog, lang } = useKiosk();
  const lasers = useMemo(() => gcodeMachines(machines).filter((m) => m.kind === 'laser'), [machines]);
  const sheets = useMemo(() => (catalog?.materials ?? []).filter((m) => m.kind === 'sheet'), [catalog]);

  const inspect = useLoad(() => call('laser.inspect', { fileId: file.id }), [call, file.id]);
  const source = inspect.state.phase === 'ready' ? inspect.state.value : null;

  const [machineId, setMachineId] = useState<string | null>(() => (lasers.length === 1 ? lasers[0]!.id : null));
  const [materialId, setMaterialId] = useState<string | null>(null);
  const machine = lasers.find((m) => m.id === machineId) ?? null;
  const material = sheets.find((m) => m.id === materialId) ?? null;
  const bed: Size | null = machine?.workArea ? { w: machine.workArea.x, h: machine.workArea.y } : null;

  const [preset, setPreset] = useState<LaserPreset | null>(null);
  const [presetError, setPresetError] = useState<ApiError | null>(null);
  const [choices, setChoices] = useState<LaserOperationChoice[]>([]);
  const [raster, setRaster] = useState<RasterChoice>(() => defaultRaster(null));
  const [placement, setPlacement] = useState<Placement | null>(null);
  const [work, setWork] = useState<Work>({ phase: 'idle' });
  const [showResults, setShowResults] = useState(false);

  // The lab's settings for this laser × sheet.
  useEffect(() => {
    setPreset(null);
    setPresetError(null);
    if (!machineId || !materialId) return;
    let live = true;
    call('laser.preset', { machineId, materialId }).then(
      (p) => live && setPreset(p),
      (err: unknown) => live && setPresetError(toApiError(err)),
    );
    return () => {
      live = false;
    };
  }, [call, machineId, materialId]);

  // The colours as the kiosk suggests them, then at the preset's values whenever it changes.
  useEffect(() => {
    if (source) setChoices((prev) => (prev.length === source.layers.length ? rebase(prev, preset) : defaultChoices(source.layers, preset)));
    setRaster((r) => rebaseRaster(r.powerPct === undefined && preset ? defaultRaster(preset) : r, preset));
  }, [source, preset]);

  // Placed once the drawing and the bed are known; kept on the bed when the laser changes.
  useEffect(() => {
    if (!source || !bed) return;
    setPlacement((p) => (p ? clampToBed(p, bed) : initialPlacement({ w: source.widthMm, h: source.heightMm }, bed)));
  }, [source, bed?.w, bed?.h]);

  // The image for the engraving preview: the maker's own file, or read back from the kiosk.
  const [image, setImage] = useState<Blob | null>(localFile);
  useEffect(() => {
    if (localFile || source?.kind !== 'image') return;
    let live = true;
    cachedStoredFile(call, file.id, file.name).then(
      (f) => live && setImage(f),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [call, file.id, file.name, localFile, source?.kind]);

  const isImage = source?.kind === 'image';
  const grid = placement ? previewGrid(placement.widthMm, placement.heightMm, raster.linesPerMm, thumbCells) : { cols: 1, rows: 1 };
  const preview = useRasterPreview(isImage ? image : null, { brightness: raster.brightness, contrast: raster.contrast, invert: raster.invert }, grid, ditherMethods);
  const bedImage = preview.phase === 'ready' ? (preview.urls[raster.dither] ?? null) : preview.phase === 'working' ? (preview.previous?.[raster.dither] ?? null) : null;

  const preparing = work.phase === 'preparing';
  const progress = usePrepareProgress(file.id, preparing);
  const fits = placement && bed ? fitsBed(placement, bed) : false;
  const missing = !machine
    ? 'pickLaser'
    : !material
      ? 'pickSheet'
      : !preset
        ? presetError
          ? 'noPreset'
          : 'loadingPreset'
        : !source || !placement
          ? 'loading'
          : !fits
            ? 'offBed'
            : isImage && !preset.raster
              ? 'noRaster'
              : !isImage && !burnsSomething(choices)
                ? 'nothingBurns'
                : null;

  const prepare = useCallback(async () => {
    if (!machine || !material || !placement || !source) return;
    setWork({ phase: 'preparing' });
    try {
      const job = await call('laser.prepare', {
        fileId: file.id,
        machineId: machine.id,
        materialId: material.id,
        operations: operationsPayload(choices),
        placement,
        ...(source.kind === 'image' ? { raster } : {}),
      });
      setWork({ phase: 'done', job, machineId: machine.id, materialId: material.id });
      setShowResults(true);
    } catch (err) {
      setWork({ phase: 'failed', error: toApiError(err) });
    }
  }, [call, file.id, machine, material, placement, source, choices, raster]);

  // Laser and sheet chosen: the drawing on the bed comes into view.
  const ready = preset !== null && source !== null;
  const editing = usePrepScroll<HTMLDivElement>(showResults, ready);

  if (showResults && work.phase === 'done') {
    const m = lasers.find((x) => x.id === work.machineId);
    if (m) {
      return (
        <div className="prep-screen" data-testid="laser-prep">
          <PreparedResults
            job={work.job}
            machine={m}
            material={sheets.find((x) => x.id === work.materialId) ?? null}
            sourceName={file.name}
            onEdit={() => setShowResults(false)}
            extra={<FrameCard job={work.job} machine={m} />}
          />
        </div>
      );
    }
  }

  return (
    <div className="prep-screen" data-testid="laser-prep">
      <PrepFileTop file={file} kicker={isImage ? t('laser.kickerImage') : t('laser.kicker')} onBack={onBack}>
        {source ? (
          <p className="prep-file-size muted" data-testid="laser-source-size">
            {t('laser.sourceSize', { w: formatNumber(source.widthMm, lang, 1), h: formatNumber(source.heightMm, lang, 1) })}
            {source.imagePx ? ` · ${t('laser.pixels', { w: source.imagePx.width, h: source.imagePx.height })}` : ''}
          </p>
        ) : null}
      </PrepFileTop>

      <MachineMaterialStep
        idPrefix="laser"
        texts={{ machine: t('laser.stepMachine'), material: t('laser.stepMaterial'), noMachine: t('laser.noLaser'), noMaterial: t('laser.noSheet') }}
        machines={lasers}
        materials={sheets}
        machineId={machineId}
        materialId={materialId}
        lang={lang}
        disabled={preparing}
        onMachine={(m) => setMachineId(m.id)}
        onMaterial={(m) => setMaterialId(m.id)}
      >
        {presetError ? (
          <p className="form-error" role="alert" data-testid="laser-preset-error">
            {prepError(presetError, t, lang, ['laser', 'laser-raster'])}
          </p>
        ) : null}
      </MachineMaterialStep>

      {inspect.state.phase === 'loading' ? (
        <section className="card step-card">
          <Progress label={t('laser.reading')} fraction={null} lang={lang} testId="laser-inspect-progress" />
        </section>
      ) : inspect.state.phase === 'failed' ? (
        <section className="card step-card">
          <p className="form-error" role="alert" data-testid="laser-inspect-error" data-code={inspect.state.error.code}>
            {prepError(inspect.state.error, t, lang, ['laser', 'laser-raster'])}
          </p>
          <button type="button" className="btn btn-secondary btn-huge" onClick={onBack}>
            <BackIcon />
            <span>{t('prepare.otherFile')}</span>
          </button>
        </section>
      ) : source ? (
        <>
          {source.findings.length > 0 ? (
            <section className="card findings-card">
              <PrepFindingList findings={source.findings} lang={lang} testId="laser-source-findings" />
            </section>
          ) : null}
          <div className="laser-grid" ref={editing}>
            {bed && placement ? (
              <BedEditor
                source={source}
                bed={bed}
                placement={placement}
                choices={choices}
                imageUrl={bedImage}
                disabled={preparing}
                lang={lang}
                onChange={setPlacement}
              />
            ) : (
              <section className="card bed-card bed-empty">
                <CrosshairIcon size={48} />
                <p>{t('laser.pickLaserForBed')}</p>
              </section>
            )}
            {isImage ? (
              <RasterPanel raster={raster} preset={preset} preview={preview} disabled={preparing} lang={lang} onChange={setRaster} />
            ) : (
              <LayerPanel layers={source.layers} choices={choices} preset={preset} disabled={preparing} lang={lang} onChange={setChoices} />
            )}
          </div>
        </>
      ) : null}

      <PrepGo
        testIdPrefix="laser"
        button={
          <button
            type="button"
            className="btn btn-primary btn-huge prep-go-button"
            data-testid="laser-prepare"
            disabled={missing !== null || preparing}
            onClick={() => void prepare()}
          >
            <BoltIcon size={32} />
            <span>{preparing ? t('laser.preparing') : t('laser.prepare')}</span>
          </button>
        }
        missing={missing}
        hint={missing ? t(`laser.missing.${missing}`) : t('laser.ready', { machine: machine?.name ?? '', material: material ? pick(material.name, lang) : '' })}
        running={preparing ? <StageBar progress={progress} stages={laserStages} lang={lang} testId="laser-progress" /> : null}
        error={work.phase === 'failed' ? work.error : null}
        errorFrom={['laser', 'laser-raster']}
        lang={lang}
        onSeeResults={work.phase === 'done' && !showResults ? () => setShowResults(true) : null}
      />
    </div>
  );
}

/** Traces the job's outline with the beam off, so the maker sees where it will burn on the sheet. */
function FrameCard({ job, machine }: { job: PreparedJob; machine: MachineSummary }) {
  const { t } = useTranslation();
  const { call, lang } = useKiosk();
  const [state, setState] = useState<{ phase: 'idle' } | { phase: 'busy' } | { phase: 'done' } | { phase: 'failed'; error: ApiError }>({ phase: 'idle' });
  const frame = async () => {
    setState({ phase: 'busy' });
    try {
      await call('laser.frame', { machineId: machine.id, fileId: job.gcode.id });
      setState({ phase: 'done' });
    } catch (err) {
      setState({ phase: 'failed', error: toApiError(err) });
    }
  };
  return (
    <section className="card frame-card" aria-labelledby="frame-title">
      <div className="frame-row">
        <button type="button" className="btn btn-secondary btn-huge" data-testid="laser-frame" disabled={state.phase === 'busy'} onClick={() => void frame()}>
          <CrosshairIcon size={30} />
          <span>{state.phase === 'busy' ? t('laser.framing') : t('laser.frame')}</span>
        </button>
        <div>
          <h2 id="frame-title" className="frame-title">
            {t('laser.frameTitle')}
          </h2>
          <p className="muted">{t('laser.frameText')}</p>
        </div>
      </div>
      {state.phase === 'done' ? (
        <p className="frame-done" role="status" data-testid="laser-frame-done">
          {t('laser.frameDone', { machine: machine.name })}
        </p>
      ) : null}
      {state.phase === 'failed' ? (
        <p className="form-error" role="alert" data-testid="laser-frame-error" data-code={state.error.code}>
          {errorMessage(state.error, t, lang)}
        </p>
      ) : null}
    </section>
  );
}

// "Check a G-code file": choose the machine (and the filament of a printer), bring the file, and
// read what the back end found, beside the 3D preview the page builds from the same file. The file
// goes to the back end in chunks while a worker reads it for the preview; both show their progress.
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, GcodeAnalysis, MachineSummary, Material, StoredFile } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { CloseIcon, GearIcon, RefreshIcon, UsbIcon } from '../components/icons';
import { Progress } from '../components/Progress';
import { errorMessage } from '../i18n/errors';
import { formatBytes, type Lang } from '../lib/format';
import { LazyToolpathPreview } from '../preview/LazyToolpathPreview';
import { useToolpath, type ToolpathState } from '../preview/useToolpath';
import { MachinePicker, MaterialChips } from '../prepare/Pickers';
import { useKiosk } from '../state/kiosk';
import { Figures, Findings, JobBar, VerdictBanner } from './Results';
import { SendToMachine } from './SendToMachine';
import { filaments, gcodeMachines, needsFilament, previewMachine } from './summary';
import { isAbort, uploadFile } from './upload';

/** What the file input offers: the extensions the back end stores as G-code. */
export const gcodeAccept = '.gcode,.gco,.g,.nc,.ngc';

type Work =
  | { phase: 'idle' }
  | { phase: 'uploading'; fraction: number }
  | { phase: 'analyzing'; fraction: number | null }
  | { phase: 'done'; analysis: GcodeAnalysis; machineId: string; materialId: string | null }
  | { phase: 'failed'; error: ApiError };

export function GcodeCheck() {
  const { t } = useTranslation();
  const { call, machines, catalog, lang, onEvent } = useKiosk();
  const eligible = useMemo(() => gcodeMachines(machines), [machines]);
  const filamentList = useMemo(() => filaments(catalog?.materials), [catalog]);

  const [machineId, setMachineId] = useState<string | null>(null);
  const [materialId, setMaterialId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [stored, setStored] = useState<StoredFile | null>(null);
  const [work, setWork] = useState<Work>({ phase: 'idle' });
  const [showResults, setShowResults] = useState(false);
  /** Each upload or analysis gets a number; replies to an older one are dropped. */
  const runId = useRef(0);
  const abort = useRef<AbortController | null>(null);
  const fileStep = useRef<HTMLElement>(null);

  const machine = eligible.find((m) => m.id === machineId) ?? null;
  const fdm = needsFilament(machine);
  const material = fdm ? (filamentList.find((m) => m.id === materialId) ?? null) : null;
  const ready = machine !== null && (!fdm || material !== null || filamentList.length === 0);
  const busy = work.phase === 'uploading' || work.phase === 'analyzing';

  const pm = useMemo(() => (machine ? previewMachine(machine) : null), [machine]);
  const toolpath = useToolpath(file, pm);

  useEffect(
    () => () => {
      runId.current++;
      abort.current?.abort();
    },
    [],
  );

  const analyze = useCallback(
    async (s: StoredFile, id: number, m: MachineSummary, mat: Material | null) => {
      setWork({ phase: 'analyzing', fraction: null });
      const stop = onEvent((ev) => {
        if (ev.type !== 'analysis.progress' || ev.fileId !== s.id || runId.current !== id) return;
        setWork((w) => (w.phase === 'analyzing' ? { phase: 'analyzing', fraction: ev.fraction } : w));
      });
      try {
        const analysis = await call('gcode.analyze', { fileId: s.id, machineId: m.id, ...(mat ? { materialId: mat.id } : {}) });
        if (runId.current !== id) return;
        setWork({ phase: 'done', analysis, machineId: m.id, materialId: mat?.id ?? null });
        setShowResults(true);
      } catch (err) {
        if (runId.current === id) setWork({ phase: 'failed', error: toApiError(err) });
      } finally {
        stop();
      }
    },
    [call, onEvent],
  );

  const start = useCallback(
    async (f: File) => {
      if (!machine) return;
      abort.current?.abort();
      const id = ++runId.current;
      const controller = new AbortController();
      abort.current = controller;
      setFile(f);
      setStored(null);
      setWork({ phase: 'uploading', fraction: 0 });
      try {
        const s = await uploadFile(call, f, {
          signal: controller.signal,
          onProgress: (sent, total) => {
            if (runId.current === id) setWork({ phase: 'uploading', fraction: total > 0 ? sent / total : 1 });
          },
        });
        if (runId.current !== id) return;
        setStored(s);
        await analyze(s, id, machine, material);
      } catch (err) {
        if (runId.current !== id || isAbort(err)) return;
        setWork({ phase: 'failed', error: toApiError(err) });
        // A file the back end refused is not previewed either.
        setFile(null);
      }
    },
    [call, analyze, machine, material],
  );

  const recheck = () => {
    if (!stored || !machine) return;
    void analyze(stored, ++runId.current, machine, material);
  };

  const cancel = () => {
    runId.current++;
    abort.current?.abort();
    setWork({ phase: 'idle' });
    setFile(null);
    setStored(null);
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    // The same file chosen again must fire again.
    e.target.value = '';
    if (f) void start(f);
  };

  // Once the machine (and filament) are chosen, and while the file travels, the file step is in view.
  useEffect(() => {
    if (ready && !showResults) fileStep.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [ready, machineId, materialId, showResults, busy, work.phase]);

  // The results start at the top of the screen.
  useEffect(() => {
    if (showResults) document.getElementById('main')?.scrollTo({ top: 0, behavior: 'instant' });
  }, [showResults]);

  const chooseMachine = (m: MachineSummary) => {
    setMachineId(m.id);
    if (m.kind !== 'fdm') setMaterialId(null);
  };

  if (showResults && work.phase === 'done') {
    const m = eligible.find((x) => x.id === work.machineId) ?? machine;
    const mat = filamentList.find((x) => x.id === work.materialId) ?? null;
    if (m) {
      return (
        <ResultsView
          analysis={work.analysis}
          machine={m}
          material={mat}
          file={file}
          stored={stored}
          toolpath={toolpath}
          lang={lang}
          onChangeMachine={() => setShowResults(false)}
          onFile={onFile}
        />
      );
    }
  }

  return (
    <div className="gcode-setup">
      <p className="kicker">{t('gcode.title')}</p>
      <section className="card step-card" aria-labelledby="gcode-step-machine">
        <h2 id="gcode-step-machine" className="field-label">
          <span className="step">1</span>
          {t('gcode.stepMachine')}
        </h2>
        {eligible.length === 0 ? (
          <p className="empty">{t('gcode.noMachines')}</p>
        ) : (
          <MachinePicker machines={eligible} value={machineId} lang={lang} disabled={busy} labelledBy="gcode-step-machine" testId="gcode-machine" showKind onChange={chooseMachine} />
        )}
        {fdm ? (
          <div className="material-row">
            <p className="material-label" id="gcode-filament">
              {t('gcode.filament')}
              <span className="muted"> — {t('gcode.filamentHint')}</span>
            </p>
            {filamentList.length === 0 ? (
              <p className="muted">{t('gcode.noFilament')}</p>
            ) : (
              <MaterialChips materials={filamentList} value={materialId} lang={lang} disabled={busy} labelledBy="gcode-filament" testId="gcode-material" onChange={(mat) => setMaterialId(mat.id)} />
            )}
          </div>
        ) : null}
      </section>

      <section ref={fileStep} className="card step-card file-step" aria-labelledby="gcode-step-file">
        <h2 id="gcode-step-file" className="field-label">
          <span className="step">2</span>
          {t('gcode.stepFile')}
        </h2>
        <div className="file-row">
          <label className={`btn btn-primary btn-huge file-button${!ready || busy ? ' is-disabled' : ''}`}>
            <UsbIcon size={32} />
            <span>{stored && !busy ? t('gcode.otherFile') : t('gcode.chooseFile')}</span>
            <input
              type="file"
              className="visually-hidden"
              accept={gcodeAccept}
              data-testid="gcode-file-input"
              disabled={!ready || busy}
              onChange={onFile}
            />
          </label>
          {stored && !busy ? (
            <button type="button" className="btn btn-secondary btn-huge" disabled={!ready} onClick={recheck}>
              <RefreshIcon />
              <span>{t('gcode.recheck')}</span>
            </button>
          ) : null}
          <p className="file-hint muted">
            {!machine ? t('gcode.pickMachineFirst') : !ready ? t('gcode.pickFilamentFirst') : t('gcode.fileHint')}
          </p>
        </div>
        {file && (busy || stored) ? (
          <p className="file-name">{t('gcode.currentFile', { name: file.name, size: formatBytes(file.size, lang) })}</p>
        ) : null}
        {busy ? (
          <div className="progress-stack">
            <Progress
              label={t('gcode.uploading')}
              fraction={work.phase === 'uploading' ? work.fraction : 1}
              lang={lang}
              testId="gcode-upload-progress"
            />
            {work.phase === 'analyzing' ? (
              <Progress label={t('gcode.analyzing')} fraction={work.fraction} lang={lang} testId="gcode-analysis-progress" />
            ) : null}
            {toolpath.phase === 'loading' ? (
              <Progress label={t('preview.loading')} fraction={toolpath.fraction} lang={lang} testId="preview-progress" />
            ) : null}
            <button type="button" className="btn btn-secondary" onClick={cancel}>
              <CloseIcon />
              <span>{t('gcode.cancel')}</span>
            </button>
          </div>
        ) : null}
        {work.phase === 'failed' ? (
          <p className="form-error" role="alert" data-testid="gcode-error" data-code={work.error.code}>
            {errorMessage(work.error, t, lang)}
          </p>
        ) : null}
      </section>
    </div>
  );
}

function ResultsView({
  analysis,
  machine,
  material,
  file,
  stored,
  toolpath,
  lang,
  onChangeMachine,
  onFile,
}: {
  analysis: GcodeAnalysis;
  machine: MachineSummary;
  material: Material | null;
  file: File | null;
  stored: StoredFile | null;
  toolpath: ToolpathState;
  lang: Lang;
  onChangeMachine(): void;
  onFile(e: ChangeEvent<HTMLInputElement>): void;
}) {
  const { t } = useTranslation();
  const name = stored?.name ?? file?.name ?? analysis.file.name;
  const size = stored?.sizeBytes ?? file?.size ?? analysis.file.sizeBytes;
  return (
    <div className="results-grid" data-testid="gcode-results">
      <div className="results-main">
        <JobBar label={t('gcode.title')} machine={machine} material={material} fileName={name} sizeBytes={size} lang={lang}>
          <button type="button" className="btn btn-secondary" onClick={onChangeMachine}>
            <GearIcon size={22} />
            <span>{t('gcode.changeMachine')}</span>
          </button>
          <label className="btn btn-secondary file-button">
            <UsbIcon size={22} />
            <span>{t('gcode.otherFile')}</span>
            <input type="file" className="visually-hidden" accept={gcodeAccept} data-testid="gcode-file-input" onChange={onFile} />
          </label>
        </JobBar>
        <VerdictBanner analysis={analysis} machine={machine} />
        <SendToMachine analysis={analysis} machine={machine} material={material} />
        <Figures analysis={analysis} machine={machine} material={material} lang={lang} />
        <Findings analysis={analysis} lang={lang} />
      </div>
      <LazyToolpathPreview state={toolpath} workArea={machine.workArea} workOrigin={machine.workOrigin} lang={lang} />
    </div>
  );
}

// Preparing a job, two ways in. "J'ai un fichier": a drawing or an image goes to the laser's
// preparation, a 3D model to a printer's (a G-code already made has its check just below). "Je pars
// d'un modèle": the beginner templates, built with the maker's parameters, then on to the same
// preparations. Visitors see the templates and are asked to sign in to bring a file or build one.
import { useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuiltTemplate, StoredFile, TemplateInfo } from '../../electron/api/types';
import { CloseIcon, JobIcon, SignInIcon, UsbIcon } from '../components/icons';
import { Progress } from '../components/Progress';
import { GcodeCheck } from '../gcode/GcodeCheck';
import { errorMessage } from '../i18n/errors';
import { LaserPrep } from '../laser/LaserPrep';
import { formatBytes } from '../lib/format';
import { FileArt, TemplatesIcon } from '../prepare/art';
import { acceptFor, routeOf, shownFormats } from '../prepare/formats';
import { useUpload } from '../prepare/useUpload';
import { PrintPrep } from '../print/PrintPrep';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';
import { TemplateBuilder } from '../templates/TemplateBuilder';
import { TemplateGallery } from '../templates/TemplateGallery';

type View =
  | { v: 'home' }
  | { v: 'laser' | 'print'; file: StoredFile; local: File | null; from: TemplateInfo | null }
  | { v: 'template'; template: TemplateInfo };

export function JobsScreen() {
  const { t } = useTranslation();
  const { member, call } = useKiosk();
  const [view, setView] = useState<View>({ v: 'home' });
  const templates = useLoad(() => call('templates.list', {}), [call]);

  useEffect(() => {
    document.getElementById('main')?.scrollTo({ top: 0, behavior: 'instant' });
  }, [view]);

  // Signed out on the way (idle, another person): back to what a visitor may see.
  useEffect(() => {
    if (!member && (view.v === 'laser' || view.v === 'print')) setView({ v: 'home' });
  }, [member, view.v]);

  const home = () => setView({ v: 'home' });

  if (view.v === 'laser' || view.v === 'print') {
    const back = view.from ? () => setView({ v: 'template', template: view.from! }) : home;
    return (
      <div className="screen screen-jobs" data-testid="screen-jobs" data-view={view.v}>
        {view.v === 'laser' ? (
          <LaserPrep key={view.file.id} file={view.file} localFile={view.local} onBack={back} />
        ) : (
          <PrintPrep key={view.file.id} file={view.file} localFile={view.local} onBack={back} />
        )}
      </div>
    );
  }

  if (view.v === 'template') {
    const from = view.template;
    return (
      <div className="screen screen-jobs" data-testid="screen-jobs" data-view="template">
        <TemplateBuilder
          key={from.id}
          template={from}
          onBack={home}
          onUse={(built: BuiltTemplate) => setView({ v: built.kind, file: built.file, local: null, from })}
        />
      </div>
    );
  }

  return (
    <div className="screen screen-jobs" data-testid="screen-jobs" data-view="home">
      <div className="jobs-head">
        <h1 className="screen-title">{t('jobs.title')}</h1>
        <p className="screen-lead">{t('prepare.lead')}</p>
      </div>
      <div className="ways">
        <FileWay onFile={(file, local) => setView({ v: routeOf(file.name) === 'print' ? 'print' : 'laser', file, local, from: null })} />
        <section className="card way way-templates" aria-labelledby="way-templates-title" data-testid="way-templates">
          <div className="way-head">
            <span className="way-icon way-icon-green" aria-hidden="true">
              <TemplatesIcon size={34} />
            </span>
            <div>
              <h2 id="way-templates-title" className="way-title">
                {t('prepare.wayTemplates')}
              </h2>
              <p className="way-lead">{t('prepare.wayTemplatesLead')}</p>
            </div>
          </div>
          <TemplateGallery list={templates.state} compact onOpen={(template) => setView({ v: 'template', template })} />
        </section>
      </div>
      {member ? (
        <section id="jobs-gcode" className="jobs-gcode" data-testid="jobs-gcode" aria-labelledby="jobs-gcode-title">
          <div className="jobs-gcode-head">
            <h2 id="jobs-gcode-title" className="way-title">
              {t('prepare.gcodeTitle')}
            </h2>
            <p className="way-lead">{t('gcode.lead')}</p>
          </div>
          <GcodeCheck />
        </section>
      ) : null}
    </div>
  );
}

/** "J'ai un fichier": the formats as pictures, one big button, the upload's progress. */
function FileWay({ onFile }: { onFile(file: StoredFile, local: File): void }) {
  const { t } = useTranslation();
  const { member, lang, navigate } = useKiosk();
  const { state, upload, cancel, reset } = useUpload();
  const [gcodeNote, setGcodeNote] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const busy = state.phase === 'uploading';

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    // The same file chosen again must fire again.
    e.target.value = '';
    if (!f) return;
    setGcodeNote(null);
    setRefused(null);
    reset();
    const route = routeOf(f.name);
    if (route === 'gcode') {
      setGcodeNote(f.name);
      return;
    }
    if (route === null) {
      setRefused(f.name);
      return;
    }
    const stored = await upload(f);
    if (stored) onFile(stored, f);
  };

  const toCheck = () => document.getElementById('jobs-gcode')?.scrollIntoView({ behavior: 'smooth', block: 'start' });

  return (
    <section className="card way way-file" aria-labelledby="way-file-title" data-testid="way-file">
      <div className="way-head">
        <span className="way-icon" aria-hidden="true">
          <UsbIcon size={34} />
        </span>
        <div>
          <h2 id="way-file-title" className="way-title">
            {t('prepare.wayFile')}
          </h2>
          <p className="way-lead">{t('prepare.wayFileLead')}</p>
        </div>
      </div>
      <ul className="format-rows">
        <li className="format-row">
          <span className="format-arts">
            {shownFormats.laser.map((ext) => (
              <FileArt key={ext} ext={ext} size={52} />
            ))}
          </span>
          <span className="format-what">
            <strong>{t('prepare.formatLaser')}</strong>
            <span className="muted">{t('prepare.formatLaserHint')}</span>
          </span>
        </li>
        <li className="format-row">
          <span className="format-arts">
            {shownFormats.print.map((ext) => (
              <FileArt key={ext} ext={ext} size={52} />
            ))}
          </span>
          <span className="format-what">
            <strong>{t('prepare.formatPrint')}</strong>
            <span className="muted">{t('prepare.formatPrintHint')}</span>
          </span>
        </li>
      </ul>
      {member ? (
        <>
          <div className="way-actions">
            <label className={`btn btn-primary btn-huge file-button${busy ? ' is-disabled' : ''}`}>
              <UsbIcon size={32} />
              <span>{t('prepare.chooseFile')}</span>
              <input
                type="file"
                className="visually-hidden"
                accept={acceptFor(['laser', 'print'])}
                data-testid="prepare-file-input"
                disabled={busy}
                onChange={(e) => void choose(e)}
              />
            </label>
            <button type="button" className="btn btn-secondary way-gcode-link" onClick={toCheck}>
              <FileArt ext="gcode" size={26} label={false} />
              <span>{t('prepare.haveGcode')}</span>
            </button>
          </div>
          {state.phase === 'uploading' ? (
            <div className="progress-stack">
              <p className="file-name">{t('gcode.currentFile', { name: state.name, size: formatBytes(state.size, lang) })}</p>
              <Progress label={t('gcode.uploading')} fraction={state.fraction} lang={lang} testId="prepare-upload-progress" />
              <button type="button" className="btn btn-secondary" onClick={cancel}>
                <CloseIcon />
                <span>{t('gcode.cancel')}</span>
              </button>
            </div>
          ) : null}
          {state.phase === 'failed' ? (
            <p className="form-error" role="alert" data-testid="prepare-upload-error" data-code={state.error.code}>
              {errorMessage(state.error, t, lang)}
            </p>
          ) : null}
          {refused ? (
            <p className="form-error" role="alert" data-testid="prepare-refused">
              {t('prepare.refused', { name: refused })}
            </p>
          ) : null}
          {gcodeNote ? (
            <div className="way-note" role="status" data-testid="prepare-gcode-note">
              <JobIcon />
              <p>{t('prepare.gcodeNote', { name: gcodeNote })}</p>
              <button type="button" className="btn btn-secondary" onClick={toCheck}>
                {t('prepare.toCheck')}
              </button>
            </div>
          ) : null}
        </>
      ) : (
        <div className="way-actions">
          <p className="way-signin">{t('prepare.signInForFile')}</p>
          <button type="button" className="btn btn-primary btn-huge" data-testid="prepare-signin" onClick={() => navigate('signin')}>
            <SignInIcon size={30} />
            <span>{t('nav.signIn')}</span>
          </button>
        </div>
      )}
    </section>
  );
}

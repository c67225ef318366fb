import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { createTransport } from './api/bridge';
import { createI18n } from './i18n';
import { bundledFirmwareTexts } from './i18n/firmware-files';
import { bundledPrepareTexts } from './i18n/prepare-files';
import './styles/app.css';
import './styles/board.css';
import './styles/membership.css';
import './styles/training.css';
import './styles/manage.css';
import './styles/prepare.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

const i18n = createI18n({ firmware: bundledFirmwareTexts(), prepare: bundledPrepareTexts() });
const transport = createTransport();

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App transport={transport} />
    </I18nextProvider>
  </StrictMode>,
);

// The 3D toolpath view, loaded apart (three.js is large) with a card that says so meanwhile: the
// G-code check and the prepared job both show it beside their results.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Progress } from '../components/Progress';
import type { ToolpathPreviewProps } from './ToolpathPreview';

const ToolpathPreview = lazy(() => import('./ToolpathPreview'));

export function LazyToolpathPreview(props: ToolpathPreviewProps) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <section className="card preview-card">
          <div className="preview-stage">
            <div className="preview-overlay">
              <Progress label={t('preview.loading')} fraction={null} lang={props.lang} />
            </div>
          </div>
        </section>
      }
    >
      <ToolpathPreview {...props} />
    </Suspense>
  );
}

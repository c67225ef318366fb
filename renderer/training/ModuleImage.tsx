// A module's illustration. The back end sends the SVG as text; it is shown through an <img> (a data
// URL), where an SVG cannot run scripts or reach the network, whatever the file holds.
import { useEffect, useState } from 'react';
import { useKiosk } from '../state/kiosk';

/** Illustrations do not change within a module version: one fetch per file for the page's life. */
const cache = new Map<string, Promise<string>>();

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function ModuleImage({ code, file, alt, className }: { code: string; file: string | null; alt: string; className?: string }) {
  const { call } = useKiosk();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    setUrl(null);
    setFailed(false);
    if (!file) return;
    let live = true;
    const key = `${code}/${file}`;
    let p = cache.get(key);
    if (!p) {
      p = call('training.image', { code, file }).then((r) => svgDataUrl(r.svg));
      cache.set(key, p);
      p.catch(() => cache.delete(key));
    }
    p.then((u) => live && setUrl(u)).catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [call, code, file]);

  const cls = `module-image${className ? ` ${className}` : ''}`;
  if (!file || failed) return <div className={`${cls} module-image-none`} aria-hidden="true" />;
  if (!url) return <div className={`${cls} module-image-loading`} aria-hidden="true" />;
  return <img className={cls} src={url} alt={alt} draggable={false} data-testid="module-image" />;
}

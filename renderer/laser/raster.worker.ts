// The engraving preview, next to the page: the image decoded by the browser, then the laser core's
// own steps (tone curve, area resampling to the grid, dithering: jobs/laser/raster, Node-free) for
// each method asked, each returned as a small PNG. The decoded image is kept for the next settings.
import { dither } from '../../jobs/laser/raster/dither';
import { toGray } from '../../jobs/laser/raster/gray';
import { resampleGray } from '../../jobs/laser/raster/resample';
import { grayToRgba, type RasterPreviewReply, type RasterPreviewRequest } from './raster-preview';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<RasterPreviewRequest>) => void) | null;
  postMessage(message: RasterPreviewReply): void;
};

/** Decoded at most this size on its longer side: more than any preview grid needs. */
const decodeMaxPx = 800;

let cached: { image: Blob; width: number; height: number; data: Uint8Array } | null = null;

async function decoded(image: Blob): Promise<{ width: number; height: number; data: Uint8Array }> {
  if (cached && cached.image === image) return cached;
  const probe = await createImageBitmap(image);
  const k = Math.min(1, decodeMaxPx / Math.max(probe.width, probe.height));
  const width = Math.max(1, Math.round(probe.width * k));
  const height = Math.max(1, Math.round(probe.height * k));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D context in the worker');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(probe, 0, 0, width, height);
  probe.close();
  const px = ctx.getImageData(0, 0, width, height);
  cached = { image, width, height, data: new Uint8Array(px.data.buffer, px.data.byteOffset, px.data.byteLength) };
  return cached;
}

async function preview(req: RasterPreviewRequest): Promise<RasterPreviewReply> {
  const img = await decoded(req.image);
  const gray = toGray(img, req.tone);
  const cells = resampleGray(gray, img.width, img.height, req.cols, req.rows);
  const canvas = new OffscreenCanvas(req.cols, req.rows);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D context in the worker');
  const images: { method: RasterPreviewRequest['methods'][number]; png: Blob }[] = [];
  for (const method of req.methods) {
    const burnt = dither(cells, req.cols, req.rows, method);
    const rgba = new ImageData(req.cols, req.rows);
    grayToRgba(burnt, rgba.data);
    ctx.clearRect(0, 0, req.cols, req.rows);
    ctx.putImageData(rgba, 0, 0);
    images.push({ method, png: await canvas.convertToBlob({ type: 'image/png' }) });
  }
  return { id: req.id, type: 'done', cols: req.cols, rows: req.rows, images };
}

scope.onmessage = (e) => {
  const req = e.data;
  preview(req).then(
    (reply) => scope.postMessage(reply),
    (err: unknown) => scope.postMessage({ id: req.id, type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};

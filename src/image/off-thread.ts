// createImageBitmap in a short-lived worker, for reduced decodes (see resize.worker.ts). One
// worker per call: huge images are rare, and a finished worker gives its memory back at once.

import type { ResizeRequest, ResizeResponse } from './resize.worker';

/** createImageBitmap(blob, options) run in a worker; on the page's thread if no worker starts. */
export function createImageBitmapOffThread(blob: Blob, options: ImageBitmapOptions): Promise<ImageBitmap> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./resize.worker.ts', import.meta.url), { type: 'module', name: 'image-resize' });
  } catch {
    return createImageBitmap(blob, options);
  }
  return new Promise<ImageBitmap>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<ResizeResponse>) => ('bitmap' in data ? resolve(data.bitmap) : reject(new Error(data.error)));
    // The worker's script failed to load: decode here after all.
    worker.onerror = (event) => {
      event.preventDefault();
      createImageBitmap(blob, options).then(resolve, reject);
    };
    worker.postMessage({ blob, options } satisfies ResizeRequest);
  }).finally(() => worker.terminate());
}

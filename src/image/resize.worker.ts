// Decodes one image at a reduced size, off the page's thread: Chromium resizes inside
// createImageBitmap on the calling thread, which froze the page for 1.8 s on a 12000×9000 PNG;
// here the page kept running. The bitmap is transferred back, not copied.

interface WorkerScope {
  onmessage: ((event: MessageEvent<ResizeRequest>) => void) | null;
  postMessage(message: ResizeResponse, transfer?: Transferable[]): void;
}

export interface ResizeRequest {
  readonly blob: Blob;
  readonly options: ImageBitmapOptions;
}

export type ResizeResponse = { readonly bitmap: ImageBitmap } | { readonly error: string };

const scope = self as unknown as WorkerScope;

scope.onmessage = async ({ data }) => {
  try {
    const bitmap = await createImageBitmap(data.blob, data.options);
    scope.postMessage({ bitmap }, [bitmap]);
  } catch (error) {
    scope.postMessage({ error: String(error) });
  }
};

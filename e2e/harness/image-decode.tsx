// A page for e2e/image-decode.spec.ts: the image layer alone. `window.imageHarness` decodes bytes
// the test sends (base64) and reads back sizes, notes, colours and network pixels; the page also
// shows the upload control and takes drops and pastes, listing what it received.

import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { networkPixels, squareCanvas } from '../../src/image/crop';
import { decodeImage, ImageInputError, type DecodedImage, type DecodeOptions } from '../../src/image/decode';
import { ImageInput } from '../../src/ui/classify/ImageInput';
import { usePageImageInput } from '../../src/ui/classify/usePageImageInput';
import '../../src/ui/styles.css';

type Rgba = number[];

/** What a test needs to know about a decode, as plain data. */
export type DecodeSummary =
  | {
      readonly ok: true;
      readonly format: string;
      readonly width: number;
      readonly height: number;
      readonly bitmap: readonly [number, number];
      readonly scale: number;
      readonly notes: readonly string[];
      readonly ms: number;
      /** Colours a quarter of the way across the bitmap, near its top, middle and bottom. */
      readonly top: Rgba;
      readonly centre: Rgba;
      readonly bottom: Rgba;
    }
  | { readonly ok: false; readonly error: string; readonly isImageInputError: boolean; readonly ms: number };

declare global {
  interface Window {
    imageHarness: {
      decode(base64: string, name: string, options?: DecodeOptions): Promise<DecodeSummary>;
      decodeBlob(blob: Blob, name: string, options?: DecodeOptions): Promise<DecodeSummary>;
      /** networkPixels of the last decoded image. */
      pixels(size: number): { rgb: number[]; preview: [number, number] };
      /** squareCanvas of the last decoded image: its size and the colours of its four quadrants. */
      square(displaySize: number): { size: [number, number]; quadrants: Rgba[] };
    };
    svgScriptRan?: boolean;
  }
}

let last: DecodedImage | undefined;

function colourAt(source: CanvasImageSource & { width: number; height: number }, fx: number, fy: number): Rgba {
  const canvas = new OffscreenCanvas(1, 1);
  const context = canvas.getContext('2d')!;
  context.drawImage(source, Math.floor(fx * (source.width - 1)), Math.floor(fy * (source.height - 1)), 1, 1, 0, 0, 1, 1);
  return [...context.getImageData(0, 0, 1, 1).data];
}

async function decodeBlob(blob: Blob, name: string, options?: DecodeOptions): Promise<DecodeSummary> {
  const start = performance.now();
  try {
    const image = await decodeImage(blob, name, options);
    last = image;
    const { bitmap } = image;
    return {
      ok: true,
      format: image.format,
      width: image.width,
      height: image.height,
      bitmap: [bitmap.width, bitmap.height],
      scale: image.scale,
      notes: image.notes,
      ms: Math.round(performance.now() - start),
      top: colourAt(bitmap, 0.25, 0.1),
      centre: colourAt(bitmap, 0.25, 0.5),
      bottom: colourAt(bitmap, 0.25, 0.9),
    };
  } catch (error) {
    return { ok: false, error: String((error as Error).message), isImageInputError: error instanceof ImageInputError, ms: Math.round(performance.now() - start) };
  }
}

window.imageHarness = {
  decode: (base64, name, options) => decodeBlob(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]), name, options),
  decodeBlob,
  pixels(size) {
    const { rgb, preview } = networkPixels(last!, size);
    return { rgb: [...rgb], preview: [preview.width, preview.height] };
  },
  square(displaySize) {
    const canvas = squareCanvas(last!, displaySize);
    return { size: [canvas.width, canvas.height], quadrants: [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]].map(([x, y]) => colourAt(canvas, x, y)) };
  },
};

interface Received {
  readonly name: string;
  readonly bytes: number;
  readonly type: string;
}

function Harness() {
  const [received, setReceived] = useState<Received[]>([]);
  const [error, setError] = useState<string>();
  const [listening, setListening] = useState(true);
  const receive = (blob: Blob, name: string) => setReceived((list) => [...list, { name, bytes: blob.size, type: blob.type }]);
  usePageImageInput(receive, listening);
  return (
    <main style={{ maxWidth: '48rem', margin: '0 auto', padding: '1.5rem' }}>
      <ImageInput onImage={receive} onError={setError} />
      <p>
        <label>
          <input type="checkbox" checked={listening} onChange={(event) => setListening(event.target.checked)} /> Take drops and pastes
        </label>
      </p>
      <label>
        A text field <input type="text" />
      </label>
      {error && <p role="alert">{error}</p>}
      <ol aria-label="Received">
        {received.map((item, i) => (
          <li key={i}>{`${item.name}: ${item.bytes} bytes${item.type ? `, ${item.type}` : ''}`}</li>
        ))}
      </ol>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);

import { useEffect, useRef } from 'react';
import type { NetworkInput } from './useClassifier';

/** Shown size of the network's input, in CSS pixels (pixelated: each input pixel a visible square). */
const DISPLAY = 160;

/** Exactly what the network sees: the centre crop resized to its input size. */
export function NetworkInputFigure({ input, preparation }: { readonly input: NetworkInput; readonly preparation: string | undefined }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    canvas.current?.getContext('2d')?.putImageData(input.preview, 0, 0);
  }, [input]);
  return (
    <figure className="network-input">
      <canvas
        ref={canvas}
        width={input.size}
        height={input.size}
        aria-label="Network input"
        style={{ width: DISPLAY, height: DISPLAY }}
      />
      <figcaption>
        What the network sees: the centre square, {input.size}×{input.size} pixels{preparation ? `, ${preparation}` : ''}.
      </figcaption>
    </figure>
  );
}

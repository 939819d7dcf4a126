import { useEffect, useId, useRef } from 'react';
import { squareCanvas } from '../../image/crop';
import type { DecodedImage } from '../../image/decode';
import type { CamResult } from '../../runtime/classify/protocol';
import { heatPixels } from './heat-colors';

/** Shown size of the photo and its overlay, in CSS pixels. */
const DISPLAY = 288;

interface CamFigureProps {
  readonly image: DecodedImage;
  readonly cam: CamResult | undefined;
  readonly className: string | undefined;
  /** Why the map could not be computed. */
  readonly error: string | undefined;
  readonly modules: readonly string[];
  readonly module: string;
  readonly opacity: number;
  readonly onModule: (module: string) => void;
  readonly onOpacity: (opacity: number) => void;
}

/** The photo's centre crop with the Grad-CAM map over it, the module chooser and the opacity slider. */
export function CamFigure({ image, cam, className, error, modules, module, opacity, onModule, onOpacity }: CamFigureProps) {
  const photo = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const moduleId = useId();
  const opacityId = useId();

  useEffect(() => {
    const context = photo.current?.getContext('2d');
    if (context) context.drawImage(squareCanvas(image, DISPLAY), 0, 0, DISPLAY, DISPLAY);
  }, [image]);

  useEffect(() => {
    const context = overlay.current?.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, DISPLAY, DISPLAY);
    if (!cam) return;
    // The map at its own resolution, then scaled up with smoothing (as Grad-CAM's figures are).
    const small = document.createElement('canvas');
    small.width = cam.width;
    small.height = cam.height;
    small.getContext('2d')?.putImageData(new ImageData(heatPixels(cam.heat), cam.width, cam.height), 0, 0);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(small, 0, 0, DISPLAY, DISPLAY);
  }, [cam]);

  return (
    <figure className="cam">
      <div className="cam-stack" style={{ width: DISPLAY, height: DISPLAY }}>
        <canvas ref={photo} width={DISPLAY} height={DISPLAY} aria-label="Photo" />
        <canvas
          ref={overlay}
          width={DISPLAY}
          height={DISPLAY}
          aria-label="Grad-CAM"
          data-module={cam?.module}
          data-class={cam?.classIndex}
          style={{ opacity }}
        />
      </div>
      <figcaption>
        {error ?? (cam && className !== undefined
          ? `Grad-CAM: where ${module} found evidence for “${className}” (${cam.width}×${cam.height} map, red = most).`
          : 'Grad-CAM: computing…')}
      </figcaption>
      <div className="cam-controls">
        <div className="field">
          <label htmlFor={moduleId}>Grad-CAM module</label>
          <select id={moduleId} value={module} onChange={(event) => onModule(event.target.value)}>
            {modules.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={opacityId}>Overlay opacity</label>
          <input
            id={opacityId}
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={opacity}
            onChange={(event) => onOpacity(Number(event.target.value))}
          />
        </div>
      </div>
    </figure>
  );
}

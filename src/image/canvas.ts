// 2D canvases off the DOM when the browser has OffscreenCanvas, else detached <canvas> elements.

export type Canvas = OffscreenCanvas | HTMLCanvasElement;
export type Context2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

export function makeCanvas(width: number, height: number): Canvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/** The 2D context, smoothing at its best: every draw here is a resize. */
export function context2d(canvas: Canvas, options?: CanvasRenderingContext2DSettings): Context2D {
  const context = canvas.getContext('2d', options) as Context2D | null;
  if (!context) throw new Error('This browser gave no 2D canvas context.');
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  return context;
}

/** Gives a large canvas's memory back now rather than at garbage collection. */
export function release(canvas: Canvas): void {
  canvas.width = 0;
  canvas.height = 0;
}

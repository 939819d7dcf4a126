// The drawn graph as a file: a standalone SVG (styles inlined, since the page's stylesheet does
// not travel with it; the whole drawing, not the current pan and zoom) and a PNG drawn from it.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Presentation properties the stylesheet sets on graph elements. Not `display`: the view hides
 * text when zoomed far out, and a file should always have it.
 */
const STYLED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linejoin',
  'stroke-linecap',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
] as const;

/** The drawing's own size: the svg's data-width/height (set by GraphView), else its box. */
function drawingSize(svg: SVGSVGElement): { width: number; height: number } {
  const width = Number(svg.dataset.width) || svg.clientWidth;
  const height = Number(svg.dataset.height) || svg.clientHeight;
  return { width: Math.ceil(width), height: Math.ceil(height) };
}

/** A standalone SVG document of the whole graph, with inline styles and namespaces. */
export function exportSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const copy = copies[i];
    const computed = getComputedStyle(original);
    const style = STYLED.map((p) => [p, computed.getPropertyValue(p)] as const)
      .filter(([, v]) => v !== '' && v !== 'none' && v !== 'normal')
      .map(([p, v]) => `${p}:${v}`)
      .join(';');
    if (style) copy.setAttribute('style', style);
    for (const attribute of ['class', 'tabindex', 'role', 'aria-label', 'aria-current', 'aria-expanded']) copy.removeAttribute(attribute);
  });
  // The whole drawing at scale 1, whatever the current pan and zoom, without the zoomed-out labels.
  for (const layer of clone.querySelectorAll('[data-zoom-layer]')) layer.removeAttribute('transform');
  for (const scaled of clone.querySelectorAll('[data-zoom-scaled]')) scaled.remove();
  const { width, height } = drawingSize(svg);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  clone.insertBefore(background, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** Browsers refuse canvases beyond about 16k pixels a side or 2^28 pixels in all. */
const MAX_SIDE = 16384;
const MAX_AREA = 120_000_000;

/** The graph as a PNG at `scale` pixels per unit, reduced if the canvas would be too large. */
export async function exportPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { width, height } = drawingSize(svg);
  const k = Math.min(scale, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)));
  const url = URL.createObjectURL(new Blob([exportSvg(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * k);
    canvas.height = Math.round(height * k);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas context');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

// Reads the encoding: colour on a log scale and bar length, both of the same quantity, so the
// picture does not depend on seeing colour. HTML, not SVG: the region's one svg is the drawing.

import { formatCompact } from '../../analysis/format';
import type { NodeEncoding } from './encoding';

export function GraphLegend({ encoding }: { readonly encoding: NodeEncoding }) {
  const { ramp, min, max, label } = encoding;
  return (
    <div className="graph-legend" aria-label={`Legend: box colour and bar length show ${label}`} role="note">
      <span className="graph-legend-ramp" style={{ background: `linear-gradient(to right, ${ramp.from}, ${ramp.to})` }} />
      <span>
        {formatCompact(min)} → {formatCompact(max)} {label} (colour: log scale)
      </span>
      <span className="graph-legend-bar" style={{ background: ramp.bar }} />
      <span>bar: share of the largest box shown</span>
    </div>
  );
}

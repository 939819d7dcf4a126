import { getNetwork, networkNames } from '../../model';
import { markArea } from './accuracy';
import { networkMark } from './network-marks';

interface AccuracyLegendProps {
  /** The networks on the chart. */
  readonly networks: readonly string[];
  /** The chart's size scale: the largest mark's area in px² and the params it stands for. */
  readonly maxArea: number;
  readonly maxParams: number;
}

/** Parameter counts the size key shows, where the chart reaches them. */
const SIZES = [10e6, 50e6, 150e6];

/** A swatch's size, inline: the figure's rule that charts fill its width must not stretch it. */
const box = (half: number) => ({ width: 2 * half, height: 2 * half });

/** A mark drawn on its own, in a box just large enough. */
function Swatch({ network, area }: { readonly network: string; readonly area: number }) {
  const mark = networkMark(network, area);
  const half = Math.ceil(1.5 * Math.sqrt(area / Math.PI)) + 1;
  return (
    <svg className="cmp-acc-swatch" style={box(half)} viewBox={`${-half} ${-half} ${2 * half} ${2 * half}`} aria-hidden="true">
      <path className="cmp-acc-dot" d={mark.path} fill={mark.colour} stroke={mark.colour} />
    </svg>
  );
}

/** Which mark is which network, and what a mark's size says: the key to the accuracy chart. */
export function AccuracyLegend({ networks, maxArea, maxParams }: AccuracyLegendProps) {
  const shown = networkNames.filter((name) => networks.includes(name));
  const sizes = SIZES.filter((params) => params <= maxParams * 1.05);
  return (
    <div className="cmp-acc-legend">
      <ul aria-label="Networks">
        {shown.map((name) => (
          <li key={name}>
            <Swatch network={name} area={Math.PI * 25} />
            {getNetwork(name).shortName}
          </li>
        ))}
      </ul>
      <ul aria-label="Mark area: parameters">
        <li className="cmp-acc-legend-title">Area: params</li>
        {sizes.map((params) => {
          const r = Math.sqrt(markArea(params, maxParams, maxArea) / Math.PI);
          const half = Math.ceil(r) + 1;
          return (
            <li key={params}>
              <svg className="cmp-acc-swatch" style={box(half)} viewBox={`${-half} ${-half} ${2 * half} ${2 * half}`} aria-hidden="true">
                <circle className="cmp-acc-size" r={r} />
              </svg>
              {params / 1e6}M
            </li>
          );
        })}
      </ul>
    </div>
  );
}

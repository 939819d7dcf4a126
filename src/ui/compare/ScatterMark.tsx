import type { KeyboardEvent } from 'react';
import { formatCount } from '../../analysis/format';
import type { LabelSpot } from './labels';
import { networkMark } from './network-marks';
import type { ScatterPoint } from './scatter';

interface ScatterMarkProps {
  readonly point: ScatterPoint;
  /** The point's position in pixels. */
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly spot: LabelSpot;
  readonly labelWidth: number;
  readonly labelHeight: number;
  readonly opsLabel: string;
  readonly onPick: (point: ScatterPoint) => void;
}

/** One configuration: its network's mark (network-marks.ts; ringed when A or B) and its label; a button. */
export function ScatterMark({ point, x, y, text, spot, labelWidth, labelHeight, opsLabel, onPick }: ScatterMarkProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onPick(point);
  };
  // The leader line ends at the label's nearer vertical edge.
  const edge = spot.x > x ? spot.x - 2 : spot.x + labelWidth + 2;
  const figures = `${formatCount(point.params)} params, ${formatCount(point.ops)} ${opsLabel}`;
  const mark = networkMark(point.network);
  return (
    <g
      className={`cmp-mark${point.roles.length > 0 ? ' cmp-mark-picked' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={`${text}: ${figures}. Compare with it as B`}
      onClick={() => onPick(point)}
      onKeyDown={onKeyDown}
    >
      <title>{`${point.label}\n${figures}`}</title>
      {spot.leader && <line className="cmp-leader" x1={x} y1={y} x2={edge} y2={spot.y + labelHeight / 2} />}
      <circle className="cmp-hit" cx={x} cy={y} r={10} />
      <circle className="cmp-focus-ring" cx={x} cy={y} r={12} />
      {point.roles.length > 0 && <circle className="cmp-ring" cx={x} cy={y} r={9} />}
      <path className="cmp-dot" transform={`translate(${x},${y})`} d={mark.path} fill={mark.colour} />
      <text className="cmp-mark-label" x={spot.x} y={spot.y + labelHeight - 3}>
        {text}
      </text>
    </g>
  );
}

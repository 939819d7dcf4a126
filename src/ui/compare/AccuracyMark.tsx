import type { KeyboardEvent } from 'react';
import { formatCount } from '../../analysis/format';
import { formatAccuracy, type AccuracyPoint } from './accuracy';
import { LABEL_HEIGHT, type PlacedMark } from './accuracy-layout';
import { networkMark } from './network-marks';

interface AccuracyMarkProps {
  readonly mark: PlacedMark;
  readonly opsLabel: string;
  /** What a click does, as the start of the button's name: "Explore ResNet-152". */
  readonly action: (label: string) => string;
  readonly onPick: (point: AccuracyPoint) => void;
}

/** The figures of a point in words, with the accuracy's source. */
function figures(point: AccuracyPoint, opsLabel: string): { accuracy: string; cost: string } {
  const accuracy = point.accuracy
    ? `${formatAccuracy(point.accuracy.top1)} ImageNet top-1 (${point.accuracy.source}, ${point.accuracy.url})`
    : 'no published ImageNet accuracy';
  return { accuracy, cost: `${formatCount(point.ops)} ${opsLabel}, ${formatCount(point.params)} params` };
}

/** One configuration of the accuracy chart: its network's mark, sized by its params, and its name; a button. */
export function AccuracyMark({ mark, opsLabel, action, onPick }: AccuracyMarkProps) {
  const { point, x, y, area, reach, label } = mark;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onPick(point);
  };
  const { accuracy, cost } = figures(point, opsLabel);
  const now = point.roles.length > 0 ? `; now ${point.roles.join(' and ')}` : '';
  const shape = networkMark(point.network, area);
  // The leader line ends at the label's nearer vertical edge.
  const edge = label && (label.spot.x > x ? label.spot.x - 2 : label.spot.x + label.width + 2);
  return (
    <g
      className={`cmp-mark${point.roles.length > 0 ? ' cmp-mark-picked' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={`${action(point.label)}: ${accuracy}; ${cost}${now}`}
      onClick={() => onPick(point)}
      onKeyDown={onKeyDown}
    >
      <title>{[point.label, accuracy, cost, point.accuracy?.note].filter(Boolean).join('\n')}</title>
      {label?.spot.leader && edge !== undefined && (
        <line className="cmp-leader" x1={x} y1={y} x2={edge} y2={label.spot.y + LABEL_HEIGHT / 2} />
      )}
      <circle className="cmp-hit" cx={x} cy={y} r={Math.max(reach, 9)} />
      <circle className="cmp-focus-ring" cx={x} cy={y} r={reach + 5} />
      {point.roles.length > 0 && <circle className="cmp-ring" cx={x} cy={y} r={reach + 2} />}
      <path className="cmp-acc-dot" transform={`translate(${x},${y})`} d={shape.path} fill={shape.colour} stroke={shape.colour} />
      {label && (
        <text className="cmp-mark-label" x={label.spot.x} y={label.spot.y + LABEL_HEIGHT - 3}>
          {label.text}
        </text>
      )}
    </g>
  );
}

// One box of the graph. Props are primitives so that React.memo skips unchanged boxes when the
// layout is recomputed; events are handled once, on the layer (see GraphView).

import { memo } from 'react';
import type { GraphNodeKind } from './types';
import { fitText } from './text-fit';

export interface GraphNodeViewProps {
  readonly id: string;
  readonly kind: GraphNodeKind;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly label: string;
  readonly sublabel: string;
  /** `128M MACs · 164K params`. */
  readonly numbers: string;
  readonly ariaLabel: string;
  readonly fill: string;
  readonly barColour: string;
  /** Bar length as a fraction of the width. */
  readonly share: number;
  readonly selected: boolean;
  /** A collapsed module holding the selected layer or branch. */
  readonly holdsSelected: boolean;
  readonly expandable: boolean;
  readonly expanded: boolean;
  readonly tap: boolean;
  /** The one box in the tab order (roving focus; the arrow keys reach the others). */
  readonly tabbable: boolean;
}

const PAD = 10;
const TOGGLE = 18;

/** A module, layer, join or the input, drawn at its layout position. */
export const GraphNodeView = memo(function GraphNodeView(props: GraphNodeViewProps) {
  const { id, kind, x, y, w, h, selected } = props;
  const pill = kind === 'join' || kind === 'input';
  const className = ['node', `node-${kind}`, props.expanded && 'is-expanded', props.tap && 'is-tap', selected && 'is-selected', props.holdsSelected && 'holds-selected']
    .filter(Boolean)
    .join(' ');
  const interactive = kind !== 'input';
  return (
    <>
      <g
        className={className}
        transform={`translate(${x},${y})`}
        data-id={id}
        role={interactive ? 'button' : 'img'}
        tabIndex={interactive ? (props.tabbable ? 0 : -1) : undefined}
        aria-label={props.ariaLabel}
        aria-current={selected ? 'true' : undefined}
        aria-expanded={props.expandable ? props.expanded : undefined}
      >
        <rect className="node-box" width={w} height={h} rx={pill ? h / 2 : 6} fill={pill || props.expanded ? undefined : props.fill} />
        {pill ? (
          <text className="node-label" x={w / 2} y={h / 2 + 4} textAnchor="middle">
            {kind === 'input' ? `input ${props.sublabel}` : props.label}
          </text>
        ) : (
          <>
            <text className="node-label" x={PAD} y={18}>
              {fitText(props.label, w - 2 * PAD - (props.expandable ? TOGGLE + 4 : 0), 12.5, 'bold')}
            </text>
            {!props.expanded && (
              <rect className="node-bar" x={1} y={h - 4} width={Math.max(0, (w - 2) * props.share)} height={3} fill={props.barColour} />
            )}
          </>
        )}
        {props.expandable && (
          <g className="node-toggle" data-toggle="" transform={`translate(${w - PAD - TOGGLE + 4},${PAD - 4})`} aria-hidden="true">
            <rect width={TOGGLE} height={TOGGLE} rx={4} />
            <path d={props.expanded ? 'M5 9h8' : 'M5 9h8M9 5v8'} />
          </g>
        )}
      </g>
      {/* What it is and its numbers, drawn over the box but outside the button: the button's name
          has them exactly (labels.ts) and its visible text is its label alone, as WCAG's "label
          in name" asks. Clicks pass through to the box. */}
      {!pill && (
        <g className="node-detail" data-detail={id} transform={`translate(${x},${y})`} aria-hidden="true" pointerEvents="none">
          <text className="node-sub" x={PAD} y={33}>
            {fitText(props.sublabel, w - 2 * PAD, 11)}
          </text>
          <text className="node-num" x={PAD} y={h - 11}>
            {fitText(props.numbers, w - 2 * PAD, 10.5)}
          </text>
        </g>
      )}
    </>
  );
});

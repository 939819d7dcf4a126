// The text on and for each box: its numbers line and its accessible name (which starts with the
// node id, so a screen reader and a test can find it).

import { formatCompact, formatCount } from '../../analysis/format';
import { formatShape } from '../../model/shapes';
import { assertNever } from '../../model/types';
import type { NodeEncoding } from './encoding';
import type { GraphNode } from './types';

/** The encoded quantity first: `128M MACs · 164K params`. */
export function numbersLine(node: GraphNode, encoding: NodeEncoding, opsLabel: string): string {
  const ops = `${formatCompact(encoding.ops(node))} ${opsLabel}`;
  const params = `${formatCompact(node.params)} params`;
  return encoding.label === 'params' ? `${params} · ${ops}` : `${ops} · ${params}`;
}

/** `inception_3a, concat module, 163,696 params, 128,049,152 MACs`. */
export function ariaLabel(node: GraphNode, encoding: NodeEncoding, opsLabel: string): string {
  const counts = `${formatCount(node.params)} params, ${formatCount(encoding.ops(node))} ${opsLabel}`;
  switch (node.kind) {
    case 'module':
      return `${node.id}, ${node.ref.kind} module${node.tap ? ', side output' : ''}, ${counts}`;
    case 'layer':
      return `${node.id}, ${node.sublabel}, ${counts}`;
    case 'join':
      return `${node.id}, ${node.sublabel}, output ${formatShape(node.ref.output)}`;
    case 'input':
      return `input, ${node.sublabel}`;
    default:
      return assertNever(node.kind);
  }
}

// Mouse and keyboard on graph boxes, handled once on the drawing layer (event delegation): the
// boxes stay plain memoised elements with no handlers of their own.

import type { KeyboardEvent, MouseEvent } from 'react';
import { directionOf, neighbour } from './navigate';
import type { GraphLayout, GraphNode } from './types';

export interface NodeActions {
  readonly layout: GraphLayout;
  readonly byId: ReadonlyMap<string, GraphNode>;
  onSelect(id: string): void;
  onToggle(path: string): void;
}

const onToggleButton = (target: EventTarget) => Boolean((target as Element).closest?.('[data-toggle]'));

/** Focuses the box of a node inside `layer` (GraphView brings a focused box into view). */
function focusIn(layer: Element, id: string): void {
  layer.querySelector<SVGGElement>(`[data-id="${CSS.escape(id)}"]`)?.focus({ preventScroll: true });
}

/** Click, double-click and key handlers for the layer that holds the boxes. */
export function nodeEvents(actions: NodeActions) {
  const nodeAt = (target: EventTarget): GraphNode | undefined => {
    const element = (target as Element).closest?.('[data-id]');
    return element ? actions.byId.get(element.getAttribute('data-id') ?? '') : undefined;
  };
  return {
    onClick(event: MouseEvent) {
      const node = nodeAt(event.target);
      if (!node) return;
      if (node.expandable && onToggleButton(event.target)) actions.onToggle(node.id);
      else if (node.selectId !== undefined) actions.onSelect(node.selectId);
    },
    onDoubleClick(event: MouseEvent) {
      const node = nodeAt(event.target);
      // A double-click on the +/− button has already toggled twice.
      if (node?.expandable && !onToggleButton(event.target)) actions.onToggle(node.id);
    },
    onKeyDown(event: KeyboardEvent) {
      const node = nodeAt(event.target);
      if (!node) return;
      const direction = directionOf(event.key);
      if (direction) {
        const next = neighbour(actions.layout, node.id, direction);
        if (next !== undefined) focusIn(event.currentTarget, next);
      } else if (event.key === 'Enter' || event.key === ' ') {
        if (node.selectId !== undefined) actions.onSelect(node.selectId);
      } else if (event.key === '+' || event.key === '=') {
        if (node.expandable && !node.expanded) actions.onToggle(node.id);
      } else if (event.key === '-' || event.key === '_') {
        // Inside an expanded module, − closes that module and focus follows to it once it is
        // drawn (React commits a key press before the next frame).
        if (node.expanded) actions.onToggle(node.id);
        else if (node.parent !== undefined) {
          const [layer, parent] = [event.currentTarget, node.parent];
          actions.onToggle(parent);
          requestAnimationFrame(() => focusIn(layer, parent));
        }
      } else {
        return;
      }
      event.preventDefault(); // arrows and space would scroll the page
    },
  };
}

// Finding a module or layer in the description tree (pure).

import { childPath } from '../../model/shapes';
import { isBlock, type Block, type Model, type Node } from '../../model/types';

/**
 * Where a module path or layer id is: the index of its top-level module, and (for a module with
 * branches) the paths of the branches.
 */
export function locate(model: Model, path: string): { index: number; branches: string[] } {
  const found = (node: Node, parent: string): Block | 'layer' | undefined => {
    if (!isBlock(node)) return `${parent}/${node.name}` === path ? 'layer' : undefined;
    const own = childPath(parent, node.id);
    if (own === path) return node;
    if (!path.startsWith(`${own}/`)) return undefined;
    const children = node.kind === 'sequence' ? node.children : node.branches;
    for (const child of children) {
      const hit = found(child, own);
      if (hit) return hit;
    }
    return undefined;
  };
  const top = model.root.children;
  for (let index = 0; index < top.length; index++) {
    const hit = found(top[index], '');
    if (hit === undefined) continue;
    const branches = hit !== 'layer' && hit.kind !== 'sequence' ? hit.branches.map((b) => `${path}/${b.id}`) : [];
    return { index, branches };
  }
  throw new Error(`unknown module or layer "${path}"`);
}

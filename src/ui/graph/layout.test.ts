import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../analysis/counts';
import { configure } from '../../model';
import { edgesThroughNodes, overlappingNodes } from './geometry';
import { layoutGraph } from './layout';

const configs: [string, string, Record<string, string>][] = [
  ['googlenet', 'googlenet', {}],
  ['googlenet aux=on', 'googlenet', { aux: 'on' }],
  ['googlenet aux=on bn=on branch5x5=3x3-3x3', 'googlenet', { aux: 'on', bn: 'on', branch5x5: '3x3-3x3' }],
  ['googlenet inception=naive', 'googlenet', { inception: 'naive' }],
  ['xception', 'xception', {}],
  ['xception residual=off', 'xception', { residual: 'off' }],
  ['xception order=pointwise-first intermediate=relu', 'xception', { order: 'pointwise-first', intermediate: 'relu' }],
];

const analysisOf = (network: string, options: Record<string, string>) => analyze(configure(network, options).model);
const everything = (analysis: Analysis) => new Set(analysis.modules.map((m) => m.path));
const none = new Set<string>();

describe.each(configs)('layoutGraph(%s)', (_, network, options) => {
  const analysis = analysisOf(network, options);

  it.each([
    ['collapsed', none],
    ['fully expanded', everything(analysis)],
  ])('%s: no two node boxes overlap', (_, expanded) => {
    expect(overlappingNodes(layoutGraph(analysis, expanded).nodes)).toEqual([]);
  });

  it.each([
    ['collapsed', none],
    ['fully expanded', everything(analysis)],
  ])('%s: no edge passes through a node it does not connect', (_, expanded) => {
    expect(edgesThroughNodes(layoutGraph(analysis, expanded))).toEqual([]);
  });

  it.each([
    ['collapsed', none],
    ['fully expanded', everything(analysis)],
  ])('%s: everything lies inside width × height, ids are unique', (_, expanded) => {
    const layout = layoutGraph(analysis, expanded);
    for (const n of [...layout.nodes, ...layout.groups]) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.x + n.w).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.h).toBeLessThanOrEqual(layout.height);
    }
    for (const e of layout.edges) for (const [x, y] of e.points) expect(x >= 0 && y >= 0 && x <= layout.width && y <= layout.height).toBe(true);
    expect(new Set(layout.nodes.map((n) => n.id)).size).toBe(layout.nodes.length);
    expect(new Set(layout.edges.map((e) => e.id)).size).toBe(layout.edges.length);
  });

  it('collapsed: one node per top-level module, one edge into each', () => {
    const layout = layoutGraph(analysis, none);
    const top = analysis.root.children;
    expect(layout.nodes.map((n) => n.id)).toEqual(['input', ...top.filter((m) => !m.tap).map((m) => m.path), ...top.filter((m) => m.tap).map((m) => m.path)]);
    expect(layout.edges).toHaveLength(top.length);
  });

  it('fully expanded: every layer appears exactly once, and every edge joins two drawn nodes', () => {
    const layout = layoutGraph(analysis, everything(analysis));
    const layerIds = layout.nodes.filter((n) => n.kind === 'layer').map((n) => n.id);
    expect(layerIds.sort()).toEqual(analysis.layers.map((l) => l.id).sort());
    const ids = new Set(layout.nodes.map((n) => n.id));
    for (const e of layout.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
    // Every node but the input is fed by at least one edge.
    const fed = new Set(layout.edges.map((e) => e.to));
    expect(layout.nodes.filter((n) => n.kind !== 'input' && !fed.has(n.id)).map((n) => n.id)).toEqual([]);
  });

  it('fully expanded: a join per parallel module, fed by each branch', () => {
    const layout = layoutGraph(analysis, everything(analysis));
    for (const m of analysis.modules.filter((m) => m.kind !== 'sequence')) {
      const into = layout.edges.filter((e) => e.to === `${m.path}/${m.kind}`);
      expect(into).toHaveLength(m.children.length);
      expect(into.filter((e) => e.kind === 'identity')).toHaveLength(m.children.filter((b) => b.items.length === 0).length);
    }
  });
});

describe('layoutGraph edges', () => {
  const analysis = analysisOf('googlenet', { aux: 'on' });

  it('counts edges: one per layer (and split, join) when fully expanded', () => {
    const expanded = everything(analysis);
    const layout = layoutGraph(analysis, expanded);
    // Every node but the input has exactly one incoming edge, except joins (one per branch).
    const joins = analysis.modules.filter((m) => m.kind === 'concat' || m.kind === 'add');
    const branches = joins.reduce((n, m) => n + m.children.length, 0);
    expect(layout.edges).toHaveLength(layout.nodes.length - 1 - joins.length + branches);
  });

  it('labels an edge with its producer\'s output shape', () => {
    const layout = layoutGraph(analysis, none);
    const into3a = layout.edges.find((e) => e.to === 'inception_3a');
    expect(into3a?.label).toBe('28×28×192');
    expect(layout.edges.find((e) => e.from === 'input')?.label).toBe('224×224×3');
  });

  it('puts an aux head beside the module it reads, level with it, fed by a tap edge', () => {
    const layout = layoutGraph(analysis, none);
    const node = (id: string) => layout.nodes.find((n) => n.id === id)!;
    const aux = node('aux1');
    const producer = node('inception_4a');
    expect(aux.y + aux.h / 2).toBe(producer.y + producer.h / 2);
    expect(aux.x).toBeGreaterThan(producer.x + producer.w);
    expect(layout.edges.find((e) => e.to === 'aux1')).toMatchObject({ from: 'inception_4a', kind: 'tap', label: '14×14×512' });
  });

  it('routes an identity shortcut from the split to the join, in its own lane', () => {
    const xception = analysisOf('xception', {});
    const layout = layoutGraph(xception, new Set(['block5']));
    const identity = layout.edges.find((e) => e.kind === 'identity');
    expect(identity).toMatchObject({ from: 'block5', to: 'block5/add', label: '19×19×728' });
    const main = layout.nodes.find((n) => n.id === 'block5/main')!;
    const laneX = Math.max(...identity!.points.map(([x]) => x));
    expect(laneX).toBeGreaterThan(main.x + main.w);
  });
});

describe('layoutGraph with partly expanded modules', () => {
  // A small deterministic generator: the same subsets every run.
  const random = (seed: number) => () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };

  it.each([
    ['googlenet', { aux: 'on' }],
    ['googlenet', { aux: 'on', bn: 'on', branch5x5: '3x3-3x3' }],
    ['xception', {}],
  ] as const)('%s %o: 200 random subsets, no overlap and no edge through a node', (network, options) => {
    const analysis = analysisOf(network, options);
    const next = random(7);
    for (let i = 0; i < 200; i++) {
      const share = next();
      const expanded = new Set(analysis.modules.filter(() => next() < share).map((m) => m.path));
      const layout = layoutGraph(analysis, expanded);
      expect({ expanded: [...expanded], overlaps: overlappingNodes(layout.nodes) }).toEqual({ expanded: [...expanded], overlaps: [] });
      expect({ expanded: [...expanded], crossings: edgesThroughNodes(layout) }).toEqual({ expanded: [...expanded], crossings: [] });
    }
  });

  it('an expanded aux1 with collapsed modules below pushes aux2 aside, not through it', () => {
    const analysis = analysisOf('googlenet', { aux: 'on' });
    const layout = layoutGraph(analysis, new Set(['aux1']));
    expect(overlappingNodes(layout.nodes)).toEqual([]);
    expect(edgesThroughNodes(layout)).toEqual([]);
  });
});

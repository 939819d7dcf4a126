// The `counts` table, in the manner of Keras' summary and torchinfo: modules as headed groups,
// layers indented under them, totals at the end.

import { isModuleCount, type Analysis, type LayerCount, type ModuleCount } from '../analysis/counts';
import { formatCount } from '../analysis/format';
import { formatShape } from '../model/shapes';

interface Row {
  readonly label: string;
  readonly type: string;
  readonly output: string;
  readonly params: string;
  readonly macs: string;
}

const moduleRow = (m: ModuleCount, depth: number): Row => ({
  label: `${'  '.repeat(depth)}${m.path}${m.tap ? ' (side output)' : ''}`,
  type: m.kind,
  output: formatShape(m.output),
  params: formatCount(m.params),
  macs: formatCount(m.macs),
});

const layerRow = (l: LayerCount, depth: number): Row => ({
  label: `${'  '.repeat(depth)}${l.name}`,
  type: l.kind,
  output: formatShape(l.output),
  params: formatCount(l.params),
  macs: formatCount(l.macs),
});

/** Rows of a module: its header, then its layers and nested modules in network order. */
function moduleRows(m: ModuleCount, depth: number): Row[] {
  return [
    moduleRow(m, depth),
    ...m.items.flatMap((item) => (isModuleCount(item) ? moduleRows(item, depth + 1) : [layerRow(item, depth + 1)])),
  ];
}

/** The whole report as text, ready to print. */
export function countsTable(analysis: Analysis, title: string, optionLine: string): string {
  const rows = analysis.root.children.flatMap((m) => moduleRows(m, 0));
  const header: Row = { label: 'Module / layer', type: 'Type', output: 'Output shape', params: 'Params', macs: 'MACs' };
  const width = (key: keyof Row) => Math.max(...[header, ...rows].map((r) => r[key].length));
  const widths = { label: width('label'), type: width('type'), output: width('output'), params: width('params'), macs: width('macs') };
  const line = (r: Row) =>
    [
      r.label.padEnd(widths.label),
      r.type.padEnd(widths.type),
      r.output.padEnd(widths.output),
      r.params.padStart(widths.params),
      r.macs.padStart(widths.macs),
    ].join('  ');
  const rule = (ch: string) => ch.repeat(line(header).length);
  const t = analysis.totals;
  return [
    `${title}, input ${formatShape(analysis.input)}`,
    optionLine,
    rule('='),
    line(header),
    rule('='),
    ...rows.map(line),
    rule('='),
    `Total params:         ${formatCount(t.params)}`,
    `Trainable params:     ${formatCount(t.trainable)}`,
    `Non-trainable params: ${formatCount(t.nonTrainable)} (BatchNorm moving mean and variance)`,
    `MACs:                 ${formatCount(t.macs)} (multiply-accumulates of conv and dense kernels, one image)`,
    `FLOPs:                ${formatCount(t.flops)} (2 × MACs)`,
    `Activations:          ${formatCount(t.activations)} (output values of every layer and join, one image)`,
    '',
  ].join('\n');
}

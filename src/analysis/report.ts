// Machine-readable reports of an analysis (JSON and CSV), shared by the CLI and the page's export.

import type { OptionValue } from '../model/options';
import { layerFormula, type Analysis, type Cost } from './counts';

export interface CountsReport {
  readonly model: string;
  readonly options: Readonly<Record<string, OptionValue>>;
  readonly input: readonly number[];
  readonly totals: Cost;
  readonly modules: readonly {
    readonly path: string;
    readonly kind: string;
    readonly output: readonly number[];
    readonly params: number;
    readonly trainable: number;
    readonly macs: number;
  }[];
  readonly layers: readonly {
    readonly name: string;
    readonly module: string;
    readonly type: string;
    readonly output: readonly number[];
    readonly params: number;
    readonly trainable: number;
    readonly macs: number;
    readonly formula: string;
  }[];
}

/** The `counts --format json` object. */
export function countsReport(analysis: Analysis, options: Readonly<Record<string, OptionValue>>): CountsReport {
  const { params, trainable, nonTrainable, macs, flops, activations } = analysis.totals;
  return {
    model: analysis.name,
    options,
    input: analysis.input,
    totals: { params, trainable, nonTrainable, macs, flops, activations },
    modules: analysis.modules.map((m) => ({
      path: m.path,
      kind: m.tap ? 'tap' : m.kind,
      output: m.output,
      params: m.params,
      trainable: m.trainable,
      macs: m.macs,
    })),
    layers: analysis.layers.map((l) => ({
      name: l.name,
      module: l.module,
      type: l.kind,
      output: l.output,
      params: l.params,
      trainable: l.trainable,
      macs: l.macs,
      formula: layerFormula(l),
    })),
  };
}

/** RFC 4180 quoting: only fields with a comma, quote or newline are quoted. */
const csvField = (value: string | number): string => {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** One row per layer, with a header row; shapes written as H×W×C. */
export function layersCsv(analysis: Analysis): string {
  const header = ['name', 'module', 'type', 'output', 'params', 'trainable', 'macs', 'formula'];
  const rows = analysis.layers.map((l) =>
    [l.name, l.module, l.kind, l.output.join('×'), l.params, l.trainable, l.macs, layerFormula(l)].map(csvField).join(','),
  );
  return [header.join(','), ...rows].join('\n') + '\n';
}

// Adding a network is its builder and one registry entry: a third, tiny network registered here
// is accepted by the CLI, the URL state, the option controls, the compare view and the training
// form, with nothing else written for it.

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli/run';
import { choice, numeric, registerNetwork, resolveOptions, type Model, type NetworkDef } from './model';
import { conv2d, dense, sequence } from './model/layers';
import { defaultConfig, networks } from './model/networks';
import { describeConfig } from './ui/compare/configs';
import { markLegend, networkMark } from './ui/compare/network-marks';
import { scatterPoints } from './ui/compare/scatter';
import { OptionsForm } from './ui/controls/OptionsForm';
import { explore } from './ui/explore';
import { parseUrl, toUrl } from './ui/state/url-state';
import { checkForm, defaultForm, trainingChoices } from './ui/training/settings';

const specs = [
  choice('pool', ['max', 'avg'], 'The pool before the classifier.'),
  numeric('classes', { default: 10, min: 1, max: 1000, integer: true }, 'Number of output classes.'),
  numeric('input', { default: 32, min: 8, max: 256, integer: true }, 'Input height and width in pixels.'),
] as const;

function tinynet(given: Readonly<Record<string, unknown>>): Model {
  const o = resolveOptions('tinynet', specs, given);
  const pool = { kind: o.pool === 'max' ? 'maxPool' : 'avgPool', name: 'pool1', size: 2, stride: 2, padding: 'valid' } as const;
  return {
    name: 'tinynet',
    input: [o.input, o.input, 3],
    root: sequence('tinynet', [
      sequence('conv1', [conv2d('conv1', 8, 3, { activation: 'relu' })]),
      sequence('pool1', [pool]),
      sequence('head', [{ kind: 'globalAvgPool', name: 'gap' }, dense('logits', o.classes, 'softmax')]),
    ]),
  };
}

const tiny: NetworkDef = {
  name: 'tinynet',
  title: 'TinyNet (a test network)',
  shortName: 'TinyNet',
  specs,
  presets: { standard: {}, small: { input: '16' } },
  defaultPreset: 'standard',
  trainablePreset: 'small',
  contrast: { pool: 'avg' },
  inputs: { explorer: { scale: [0, 1] } },
  build: tinynet,
};

let unregister: () => void;
beforeAll(() => {
  unregister = registerNetwork(tiny);
});
afterAll(() => unregister());

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('a third network, registered and nothing else', () => {
  it('is counted by the CLI, listed in its help, and its options are checked', async () => {
    const counted = await cli('counts', 'tinynet', '--set', 'pool=avg', '--format', 'json');
    expect(counted.err).toBe('');
    expect(counted.code).toBe(0);
    const report = JSON.parse(counted.out);
    expect(report.model).toBe('tinynet');
    // conv1 3x3x3x8 + 8 biases, logits 8x10 + 10.
    expect(report.totals.params).toBe(3 * 3 * 3 * 8 + 8 + 8 * 10 + 10);
    expect((await cli('help')).out).toContain('tinynet — TinyNet (a test network); presets: standard, small');
    const bad = await cli('counts', 'tinynet', '--set', 'pool=min');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('valid values: max, avg');
  });

  it('round-trips through the URL, with its own defaults and contrast', () => {
    const { state, notices } = parseUrl('?net=tinynet&pool=avg&vs.input=64');
    expect(notices).toEqual([]);
    expect(state.config).toEqual({ network: 'tinynet', text: { pool: 'avg', classes: '10', input: '32' } });
    expect(state.compare).toEqual({ network: 'tinynet', text: { pool: 'avg', classes: '10', input: '64' } });
    expect(toUrl(state)).toBe('?net=tinynet&pool=avg&vs.input=64');
    expect(parseUrl('?net=tinynet').state.compare.text.pool).toBe('avg'); // the contrast: its idea switched off
    expect(parseUrl('?net=nonet').notices).toEqual([
      `Ignored net=nonet from the link; valid networks: ${Object.keys(networks).join(', ')}.`,
    ]);
  });

  it('gets one control per option', () => {
    const html = renderToStaticMarkup(
      createElement(OptionsForm, { network: tiny, text: defaultConfig('tinynet').text, onOption: () => {} }),
    );
    expect(html).toContain('TinyNet (a test network) switches');
    for (const key of ['pool', 'classes', 'input']) expect(html).toContain(`>${key}<`);
  });

  it('is compared, named and drawn with a mark of its own', () => {
    const a = explore(defaultConfig('tinynet'));
    const b = explore({ network: 'tinynet', text: { pool: 'avg' } });
    if (!a.ok || !b.ok) throw new Error('the tiny network must build');
    expect(describeConfig(b.config)).toBe('TinyNet pool=avg');
    const points = scatterPoints({ a: { config: a.config, evaluated: a }, b: { config: b.config, evaluated: b } }, 'macs', []);
    expect(points.filter((p) => p.network === 'tinynet').map((p) => p.roles)).toEqual([['A'], ['B']]);
    const marks = Object.keys(networks).map(networkMark);
    expect(new Set(marks.map((m) => m.path)).size).toBe(marks.length);
    expect(new Set(marks.map((m) => m.colour)).size).toBe(marks.length);
    // Its mark is the next in registry order (triangles when it was the third network), so the
    // legend names whichever mark it got.
    expect(markLegend(points.map((p) => p.network))).toContain(`${networkMark('tinynet').plural} TinyNet`);
  });

  it('is offered for training with its small preset and its own input preparation', () => {
    expect(trainingChoices()).toContainEqual({ network: 'tinynet', label: 'TinyNet (a test network), small (16×16)' });
    const { params, errors } = checkForm(defaultForm('tinynet'));
    expect(errors).toEqual({});
    expect(params?.config).toEqual({ network: 'tinynet', text: { pool: 'max', classes: '10', input: '16' } });
  });
});

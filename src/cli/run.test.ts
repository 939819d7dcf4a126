import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from './run';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('cli counts', () => {
  it('--format json reproduces the published GoogLeNet totals', async () => {
    const { code, out } = await cli('counts', 'googlenet', '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.model).toBe('googlenet');
    expect(report.input).toEqual([224, 224, 3]);
    expect(report.totals).toEqual({
      params: 6_998_552,
      trainable: 6_998_552,
      nonTrainable: 0,
      macs: 1_582_671_872,
      flops: 3_165_343_744,
      activations: report.totals.activations,
    });
    expect(report.modules.find((m: { path: string }) => m.path === 'inception_3a')).toMatchObject({
      kind: 'concat',
      params: 163_696,
      trainable: 163_696,
      macs: 128_049_152,
    });
    expect(report.modules.some((m: { path: string }) => m.path === 'inception_3a/5x5')).toBe(true);
    expect(report.layers[0]).toEqual({
      name: 'conv1',
      module: 'conv1',
      type: 'conv2d',
      output: [112, 112, 64],
      params: 9_472,
      trainable: 9_472,
      macs: 118_013_952,
      formula: 'params: 7×7×3×64 + 64 = 9,472; MACs: 7×7×3×64 × 112×112 = 118,013,952',
    });
  });

  it('--preset torchvision --set aux=on gives 13,004,888 trainable', async () => {
    const { out } = await cli('counts', 'googlenet', '--preset', 'torchvision', '--set', 'aux=on', '--format', 'json');
    const report = JSON.parse(out);
    expect(report.totals.trainable).toBe(13_004_888);
    expect(report.options).toMatchObject({ bn: 'on', branch5x5: '3x3', aux: 'on' });
  });

  it('--input sets the input size', async () => {
    const report = JSON.parse((await cli('counts', 'xception', '--input', '71', '--format', 'json')).out);
    expect(report.input).toEqual([71, 71, 3]);
    expect(report.options.input).toBe(71);
  });

  it('prints a table with totals by default', async () => {
    const { code, out } = await cli('counts', 'xception');
    expect(code).toBe(0);
    expect(out).toContain('Total params:         22,910,480');
    expect(out).toContain('Trainable params:     22,855,952');
    expect(out).toContain('MACs:                 8,357,403,496');
    expect(out).toMatch(/^ {4}block2_sepconv1 +separableConv2d +147×147×128 +8,768 +/m);
  });

  it('--format csv has one row per layer', async () => {
    const { out } = await cli('counts', 'googlenet', '--format', 'csv');
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('name,module,type,output,params,trainable,macs,formula');
    expect(lines).toContainEqual(
      'inception_3a_1x1,inception_3a/1x1,conv2d,28×28×64,12352,12352,9633792,"params: 1×1×192×64 + 64 = 12,352; MACs: 1×1×192×64 × 28×28 = 9,633,792"',
    );
  });
});

describe('cli export', () => {
  it('--format tfjs prints model.json with Keras layer and weight names', async () => {
    const { code, out } = await cli('export', 'xception', '--format', 'tfjs');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.format).toBe('layers-model');
    const layers = json.modelTopology.config.layers.map((l: { name: string }) => l.name);
    expect(layers.slice(0, 4)).toEqual(['input_1', 'block1_conv1', 'block1_conv1_bn', 'block1_conv1_act']);
    const weights = json.weightsManifest[0].weights;
    expect(weights).toHaveLength(236);
    expect(weights).toContainEqual({ name: 'block2_sepconv1/pointwise_kernel', shape: [1, 1, 64, 128], dtype: 'float32' });
  }, 60_000);
});

describe('cli errors: exit code 2 and a message listing what is valid', () => {
  it.each([
    [['counts', 'alexnet'], 'unknown model "alexnet"; valid models: googlenet, xception, vgg, resnet'],
    [['counts', 'googlenet', '--set', 'stem=huge'], 'valid values: dense, separable, cifar'],
    [['counts', 'googlenet', '--set', 'colour=red'], 'valid options: inception, stem, branch5x5, bn, aux'],
    [['counts', 'googlenet', '--set', 'stem'], '--set takes key=value'],
    [['counts', 'googlenet', '--format', 'xml'], 'invalid format "xml"; valid: table, csv, json'],
    [['counts', 'xception', '--input', '2'], 'layer "block1_conv1": kernel 3×3 is larger than its 2×2 input'],
    [['counts'], 'missing model; valid models: googlenet, xception'],
    [['count', 'googlenet'], 'unknown command "count"; valid commands: counts, export, eval, help'],
    [['counts', 'googlenet', '--colour'], "Unknown option '--colour'"],
    [['export', 'googlenet', '--format', 'onnx'], 'invalid format "onnx"; valid: tfjs'],
  ])('%j', async (argv, expected) => {
    const { code, out, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(expected);
  });

  it('help lists every model and option', async () => {
    const { code, out } = await cli('help');
    expect(code).toBe(0);
    expect(out).toContain('branch5x5    5x5 | 3x3 | 3x3-3x3');
    expect(out).toContain('intermediate none | relu');
  });
});

describe('npm run cli (the real entry point)', () => {
  const run = promisify(execFile);
  it('exits 0 with JSON, and 2 with a message for a bad option', async () => {
    const ok = await run('npx', ['tsx', 'src/cli/main.ts', 'counts', 'xception', '--format', 'json']);
    expect(JSON.parse(ok.stdout).totals.macs).toBe(8_357_403_496);
    const bad = await run('npx', ['tsx', 'src/cli/main.ts', 'counts', 'xception', '--set', 'conv=dense']).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr).toContain('valid values: separable, regular');
  }, 30_000);
});

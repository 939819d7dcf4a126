import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../runtime/training/protocol';
import { chartScales, epochTicks, seriesOf, seriesPath } from './chart';
import { formatDuration, secondsPerEpoch } from './format';

const run = {
  id: 'a',
  name: 'googlenet small · Digits',
  steps: [
    { x: 0.5, loss: 2, accuracy: 0.3 },
    { x: 1, loss: 1, accuracy: 0.6 },
  ],
  epochs: [{ epoch: 0, fraction: 1, seconds: 30, trainLoss: 1.5, trainAccuracy: 0.45, validationLoss: 0.9, validationAccuracy: 0.7 }],
} as unknown as RunRecord;
const frame = { width: 200, height: 100, margin: { top: 0, right: 0, bottom: 0, left: 0 } };

describe('seriesOf', () => {
  it('gives a training and a validation series per run', () => {
    const series = seriesOf([{ run, color: 'red' }], 'accuracy');
    expect(series.map((s) => [s.kind, s.points])).toEqual([
      ['training', [[0.5, 0.3], [1, 0.6]]],
      ['validation', [[1, 0.7]]],
    ]);
  });
});

describe('chartScales', () => {
  it('spans the planned epochs and 0–100% for accuracy', () => {
    const { x, y } = chartScales(seriesOf([{ run, color: 'red' }], 'accuracy'), 'accuracy', frame, 4);
    expect(x.domain()).toEqual([0, 4]);
    expect(y.domain()).toEqual([0, 1]);
    expect(y(1)).toBe(0);
  });
  it('rounds the loss axis up to a nice value', () => {
    const { y } = chartScales(seriesOf([{ run, color: 'red' }], 'loss'), 'loss', frame);
    expect(y.domain()).toEqual([0, 2]);
  });
});

describe('epochTicks', () => {
  it('labels whole epochs, at most about six', () => {
    expect(epochTicks(1)).toEqual([0, 1]);
    expect(epochTicks(30)).toEqual([0, 5, 10, 15, 20, 25, 30]);
  });
});

describe('seriesPath', () => {
  it('draws straight segments through the points', () => {
    expect(seriesPath([[0, 0], [1, 1]], (v) => v * 10, (v) => 100 - v * 10)).toBe('M0,100L10,90');
  });
});

describe('secondsPerEpoch and formatDuration', () => {
  it('scales a stopped epoch to a whole one', () => {
    expect(secondsPerEpoch([{ seconds: 30, fraction: 1 }, { seconds: 15, fraction: 0.25 }])).toBe(45);
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
  });
});

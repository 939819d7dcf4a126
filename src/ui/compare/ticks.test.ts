import { scaleLinear, scaleLog } from 'd3';
import { describe, expect, it } from 'vitest';
import { linearTicks, logTicks } from './ticks';

describe('logTicks', () => {
  it('labels 1, 2 and 5 of each decade over 1.5 decades', () => {
    const ticks = logTicks(scaleLog().domain([5e6, 2e8]).range([0, 600]));
    expect(ticks.filter((t) => t.label).map((t) => t.label)).toEqual(['5M', '10M', '20M', '50M', '100M', '200M']);
    expect(ticks.length).toBeGreaterThan(6);
  });

  it('labels only powers of ten over four decades', () => {
    const ticks = logTicks(scaleLog().domain([1e3, 1e7]).range([0, 600]));
    expect(ticks.filter((t) => t.label).map((t) => t.label)).toEqual(['1k', '10k', '100k', '1M', '10M']);
  });
});

describe('linearTicks', () => {
  it('labels every tick in SI units', () => {
    const ticks = linearTicks(scaleLinear().domain([0, 3e6]).range([0, 300]), 3);
    expect(ticks.map((t) => [t.label, t.position])).toEqual([
      ['0', 0],
      ['1M', 100],
      ['2M', 200],
      ['3M', 300],
    ]);
  });
});

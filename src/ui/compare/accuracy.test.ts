import { describe, expect, it } from 'vitest';
import { catalog } from '../../model/catalog';
import { publishedAccuracies } from '../../model/published-accuracy';
import { accuracyPoints, formatAccuracy, markArea } from './accuracy';
import { dodge, layoutAccuracyChart, LABELS_FROM } from './accuracy-layout';

const macs = { unit: 'macs' as const, extras: [] };

describe('accuracyPoints', () => {
  it('puts every catalog configuration on the chart or on the strip, once', () => {
    const { plotted, strip } = accuracyPoints(macs);
    const ids = [...plotted, ...strip].map((p) => p.id).sort();
    expect(ids).toEqual(catalog.map((e) => e.id).sort());
    expect(plotted).toHaveLength(publishedAccuracies.length);
  });

  it('plots exactly the configurations with a published accuracy, and sends the others to the strip', () => {
    const { plotted, strip } = accuracyPoints(macs);
    expect(plotted.every((p) => p.accuracy !== undefined)).toBe(true);
    expect(strip.every((p) => p.accuracy === undefined)).toBe(true);
    const resnet152 = plotted.find((p) => p.id === 'resnet-152');
    // torchvision's resnet152: 60,192,808 trainable + 2 × 76,712 BatchNorm statistics (Keras' count).
    expect(resnet152).toMatchObject({ params: 60_344_232, ops: 11_513_626_624, accuracy: { top1: 78.312 } });
    expect(strip.map((p) => p.id)).toEqual(expect.arrayContaining(['googlenet-paper', 'xception-regular', 'vgg-c', 'resnet-50-preact']));
  });

  it('sends a configuration to the strip when its figure is missing, and plots one when it is given', () => {
    const figure = { id: 'googlenet-paper', top1: 50, source: 'a test', url: 'https://example.org/' };
    const { plotted, strip } = accuracyPoints({ ...macs, accuracies: [figure] });
    expect(plotted.map((p) => p.id)).toEqual(['googlenet-paper']);
    expect(strip).toHaveLength(catalog.length - 1);
    expect(accuracyPoints({ ...macs, accuracies: [] }).plotted).toEqual([]);
  });

  it('orders each part by operations and counts them in the unit asked for', () => {
    const { plotted, strip } = accuracyPoints(macs);
    for (const part of [plotted, strip]) {
      expect(part.map((p) => p.ops)).toEqual([...part.map((p) => p.ops)].sort((x, y) => x - y));
    }
    const flops = accuracyPoints({ unit: 'flops', extras: [] }).plotted;
    expect(flops.find((p) => p.id === 'resnet-152')?.ops).toBe(2 * 11_513_626_624);
  });

  it('marks A and B by their catalog entries, however their options are written', () => {
    const a = accuracyPoints(macs).plotted.find((p) => p.id === 'resnet-152')?.config;
    const b = { network: 'googlenet', text: { bn: 'on', branch5x5: '3x3' } };
    const { plotted, strip } = accuracyPoints({ ...macs, ...(a && { a }), b });
    expect(plotted.find((p) => p.id === 'resnet-152')?.roles).toEqual(['A']);
    expect(plotted.find((p) => p.id === 'googlenet-torchvision')?.roles).toEqual(['B']);
    expect([...plotted, ...strip].filter((p) => p.roles.length > 0)).toHaveLength(2);
  });
});

describe('markArea', () => {
  it('is proportional to the params: twice the params, twice the area; none, none', () => {
    expect(markArea(100, 100, 700)).toBe(700);
    expect(markArea(50, 100, 700)).toBe(350);
    expect(markArea(0, 100, 700)).toBe(0);
    expect(markArea(30, 120, 700) / markArea(60, 120, 700)).toBeCloseTo(0.5, 12);
  });

  it('refuses a scale without a positive largest count', () => {
    expect(() => markArea(1, 0, 700)).toThrow('markArea: the largest parameter count must be positive, not 0');
  });
});

describe('formatAccuracy', () => {
  it('prints the digits of the figure, and one decimal at least', () => {
    expect(formatAccuracy(78.312)).toBe('78.312%');
    expect(formatAccuracy(79)).toBe('79.0%');
    expect(formatAccuracy(69.02)).toBe('69.02%');
  });
});

describe('dodge', () => {
  it('stacks marks that would overlap and keeps each clear of the others', () => {
    const marks = [
      { x: 10, reach: 4 },
      { x: 12, reach: 4 },
      { x: 14, reach: 6 },
      { x: 60, reach: 5 },
    ];
    const ys = dodge(marks, 2);
    expect(ys[0]).toBe(4); // the first sits at the top
    expect(ys[3]).toBe(5); // far away: at the top too
    for (let i = 0; i < marks.length; i += 1) {
      expect(ys[i]).toBeGreaterThanOrEqual(marks[i].reach);
      for (let j = 0; j < i; j += 1) {
        const distance = Math.hypot(marks[i].x - marks[j].x, ys[i] - ys[j]);
        expect(distance).toBeGreaterThanOrEqual(marks[i].reach + marks[j].reach + 2 - 1e-9);
      }
    }
  });
});

describe('layoutAccuracyChart', () => {
  const points = accuracyPoints(macs);

  it('puts higher accuracy higher, more operations further right, and the strip below the plot', () => {
    const layout = layoutAccuracyChart(points, 760);
    const at = (id: string) => layout.plotted.find((m) => m.point.id === id);
    expect(at('resnet-152')?.y).toBeLessThan(at('resnet-18')?.y ?? 0);
    expect(at('resnet-152')?.x).toBeGreaterThan(at('resnet-18')?.x ?? Infinity);
    for (const m of layout.plotted) {
      expect(m.y).toBeGreaterThanOrEqual(0);
      expect(m.y).toBeLessThanOrEqual(layout.plotHeight);
    }
    for (const m of layout.strip) {
      expect(m.y - m.reach).toBeGreaterThanOrEqual(layout.stripTop);
      expect(m.y + m.reach).toBeLessThanOrEqual(layout.stripTop + layout.stripHeight);
    }
    expect(layout.stripTop).toBeGreaterThan(layout.plotHeight);
  });

  it('gives every mark an area proportional to its params, the largest the most', () => {
    const layout = layoutAccuracyChart(points, 760);
    const marks = [...layout.plotted, ...layout.strip];
    for (const m of marks) expect(m.area / m.point.params).toBeCloseTo(layout.maxArea / layout.maxParams, 12);
    expect(Math.max(...marks.map((m) => m.area))).toBeCloseTo(layout.maxArea, 9);
  });

  it('keeps within the width and names the points only where there is room', () => {
    const wide = layoutAccuracyChart(points, 760);
    expect(wide.plotWidth).toBeGreaterThanOrEqual(LABELS_FROM);
    expect(wide.plotted.every((m) => m.label !== undefined)).toBe(true);
    for (const m of wide.plotted) {
      expect(m.label?.spot.x).toBeGreaterThanOrEqual(0);
      expect((m.label?.spot.x ?? 0) + (m.label?.width ?? 0)).toBeLessThanOrEqual(wide.plotWidth);
    }
    const phone = layoutAccuracyChart(points, 311); // a 375 px screen less the page's padding
    expect(phone.width).toBe(311);
    expect(phone.plotted.every((m) => m.label === undefined)).toBe(true);
    for (const m of [...phone.plotted, ...phone.strip]) {
      expect(m.x - m.reach).toBeGreaterThanOrEqual(0);
      expect(m.x + m.reach).toBeLessThanOrEqual(phone.plotWidth);
    }
  });
});

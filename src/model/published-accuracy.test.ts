import { describe, expect, it } from 'vitest';
import { catalog, catalogEntry } from './catalog';
import { publishedAccuracies, publishedAccuracy } from './published-accuracy';

describe('publishedAccuracies', () => {
  it('names a catalog entry with every id, each at most once', () => {
    for (const { id } of publishedAccuracies) expect(catalogEntry(id), id).toBeDefined();
    expect(new Set(publishedAccuracies.map((a) => a.id)).size).toBe(publishedAccuracies.length);
  });

  it('holds percentages strictly between 0 and 100', () => {
    for (const { id, top1 } of publishedAccuracies) {
      expect(top1, id).toBeGreaterThan(0);
      expect(top1, id).toBeLessThan(100);
    }
  });

  it('gives every figure a source and an https address', () => {
    for (const { id, source, url } of publishedAccuracies) {
      expect(source, id).not.toBe('');
      expect(url, id).toMatch(/^https:\/\/\S+$/);
    }
  });

  it('has the figures as published: torchvision V1 acc@1 and the Keras Applications table', () => {
    expect(publishedAccuracy('resnet-152')).toEqual({
      id: 'resnet-152',
      top1: 78.312,
      source: 'torchvision, ResNet152_Weights.IMAGENET1K_V1, acc@1',
      url: 'https://pytorch.org/vision/stable/models.html',
    });
    expect(publishedAccuracy('googlenet-torchvision')?.top1).toBe(69.778);
    expect(publishedAccuracy('xception-keras')).toMatchObject({ top1: 79, url: 'https://keras.io/api/applications/' });
    expect(publishedAccuracy('resnet-50-keras')?.top1).toBe(74.9);
    // Keras' VGG16 is catalog entry vgg-16 too: one point, torchvision's figure, Keras' in the note.
    expect(publishedAccuracy('vgg-16')).toMatchObject({ top1: 71.592, note: expect.stringContaining('71.3%') });
  });

  it('leaves out configurations nobody published weights for', () => {
    const without = catalog.filter((entry) => publishedAccuracy(entry.id) === undefined).map((entry) => entry.id);
    expect(without).toContain('googlenet-paper');
    expect(without).toContain('xception-regular');
    expect(without).toContain('resnet-34-plain');
  });
});

import { describe, expect, it } from 'vitest';
import { IMAGENET_CLASS_SYNONYMS, IMAGENET_CLASSES } from './imagenet-classes';

describe('IMAGENET_CLASSES', () => {
  it('has 1000 names, none empty', () => {
    expect(IMAGENET_CLASSES).toHaveLength(1000);
    expect(IMAGENET_CLASSES.every((name) => name.length > 0 && !name.includes(','))).toBe(true);
  });

  it.each([
    [0, 'tench'],
    [1, 'goldfish'],
    [207, 'golden retriever'],
    [281, 'tabby'],
    [285, 'Egyptian cat'],
    [817, 'sports car'],
    [954, 'banana'],
    [999, 'toilet tissue'],
  ])('class %i is %s', (index, name) => {
    expect(IMAGENET_CLASSES[index]).toBe(name);
  });
});

describe('IMAGENET_CLASS_SYNONYMS', () => {
  it('keeps every synonym, starting with the short name', () => {
    expect(IMAGENET_CLASS_SYNONYMS).toHaveLength(1000);
    expect(IMAGENET_CLASS_SYNONYMS[281]).toBe('tabby, tabby cat');
    expect(IMAGENET_CLASS_SYNONYMS.every((text, i) => text.startsWith(IMAGENET_CLASSES[i]))).toBe(true);
  });
});

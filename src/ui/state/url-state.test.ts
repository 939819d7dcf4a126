import { describe, expect, it } from 'vitest';
import { reduce } from './store';
import { defaultState, parseUrl, toUrl } from './url-state';

describe('toUrl', () => {
  it('toUrl(defaults) is empty: a plain visit has a plain URL', () => {
    expect(toUrl(defaultState())).toBe('');
  });

  it('writes only what differs from the defaults, ids kept readable', () => {
    let state = defaultState();
    state = reduce(state, { type: 'option', key: 'inception', value: 'naive' });
    state = reduce(state, { type: 'select', id: 'inception_3a/5x5' });
    state = reduce(state, { type: 'toggle', path: 'inception_3a' });
    state = reduce(state, { type: 'unit', unit: 'flops' });
    expect(toUrl(state)).toBe('?inception=naive&unit=flops&sel=inception_3a/5x5&open=inception_3a');
  });
});

describe('parseUrl', () => {
  it('round-trips every field of the view', () => {
    let state = reduce(defaultState(), { type: 'network', network: 'xception' });
    state = reduce(state, { type: 'option', key: 'conv', value: 'regular' });
    state = reduce(state, { type: 'option', key: 'middle', value: '4' });
    state = reduce(state, { type: 'select', id: 'block2/main/block2_sepconv1' });
    state = reduce(state, { type: 'expand', paths: ['block2', 'block2/main'] });
    state = reduce(state, { type: 'extras', extras: ['bias', 'bn'] });
    state = reduce(state, { type: 'view', view: 'compare' });
    state = reduce(state, { type: 'encoding', encoding: 'params' });
    state = reduce(state, {
      type: 'compare',
      config: { network: 'googlenet', text: { ...defaultState().config.text, bn: 'on' } },
    });
    const parsed = parseUrl(toUrl(state));
    expect(parsed.notices).toEqual([]);
    expect(parsed.state).toEqual(state);
  });

  it('falls back to the default for a bad value, with a notice naming the valid ones', () => {
    const { state, notices } = parseUrl('?net=xception&conv=dense&unit=joules');
    expect(state.config.network).toBe('xception');
    expect(state.config.text.conv).toBe('separable');
    expect(state.unit).toBe('macs');
    expect(notices).toEqual([
      'invalid value "dense" for option "conv"; valid values: separable, regular (from the link; using separable).',
      'Ignored unit=joules from the link; valid values: macs, flops.',
    ]);
  });

  it('an unknown network, an unknown key and a missing module are reported, not fatal', () => {
    const { state, notices } = parseUrl('?net=alexnet&colour=red&sel=inception_9z&open=inception_3a,nope');
    expect(state.config.network).toBe('googlenet');
    expect(state.selected).toBeUndefined();
    expect(state.expanded).toEqual(['inception_3a']);
    expect(notices).toHaveLength(4);
    expect(notices[0]).toContain('valid networks: googlenet, xception, vgg, resnet');
  });

  it('a configuration that cannot be built is replaced by the defaults', () => {
    const { state, notices } = parseUrl('?net=xception&input=2');
    expect(state.config.text.input).toBe('299');
    expect(notices[0]).toContain('block1_conv1');
  });
});

describe('reduce', () => {
  it('switching network starts afresh but keeps the unit and the view', () => {
    let state = reduce(defaultState(), { type: 'unit', unit: 'flops' });
    state = reduce(state, { type: 'select', id: 'inception_3a' });
    state = reduce(state, { type: 'network', network: 'xception' });
    expect(state.unit).toBe('flops');
    expect(state.selected).toBeUndefined();
    expect(state.compare.network).toBe('xception');
  });

  it('toggle opens and closes a module', () => {
    const open = reduce(defaultState(), { type: 'toggle', path: 'inception_3a' });
    expect(open.expanded).toEqual(['inception_3a']);
    expect(reduce(open, { type: 'toggle', path: 'inception_3a' }).expanded).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { DIVERGENCE_RULE, divergenceMessage, firstDivergence } from './divergence';

const CHANCE = Math.log(10);
const repeat = (value: number, n: number) => new Array<number>(n).fill(value);

describe('firstDivergence', () => {
  it('stops at a NaN or infinite loss at once', () => {
    expect(firstDivergence([2.3, 2.2, NaN], CHANCE)).toEqual({ kind: 'not-finite', step: 3, loss: NaN });
    expect(firstDivergence([Infinity], CHANCE)).toMatchObject({ kind: 'not-finite', step: 1 });
  });

  it('catches a loss that explodes at the second step and stays near the clipped maximum', () => {
    // GoogLeNet small at lr 10 on the digits, as measured (the first 12 steps).
    const lr10 = [2.61, 13.15, 13.2, 13.54, 14.61, 15.11, 14.61, 15.11, 13.6, 15.11, 14.61, 13.1];
    expect(firstDivergence(lr10, CHANCE)).toMatchObject({ kind: 'streak', step: 11, since: 2, baseline: 2.61, ratio: 4, loss: 14.61 });
  });

  it('needs the stretch unbroken: a dip below the line starts it again', () => {
    const spikes = [2.4, 2.3, 2.3, ...repeat(12, 9), 3, ...repeat(12, 9)];
    expect(firstDivergence(spikes, CHANCE)).toBeUndefined();
    expect(firstDivergence([...spikes, 12], CHANCE)).toMatchObject({ kind: 'streak', since: 14, step: 23 });
  });

  it('catches a loss that swings high and low but averages far above its start', () => {
    // As lr 10 over the whole digits does: never ten steps in a row above 4×, but a mean of 2.5× and more.
    const swings = [2.6, 2.7, 2.6, ...Array.from({ length: 60 }, (_, i) => (i % 4 === 3 ? 4 : 8))];
    expect(firstDivergence(swings, CHANCE)).toMatchObject({ kind: 'mean', step: 30, since: 1, baseline: 2.6, ratio: 2.5 });
  });

  it('leaves alone a sound run with an early spike, as lr 2 has before it learns', () => {
    const lr2 = [2.67, 3.61, 2.48, 5.75, 5.28, 4.85, 8.65, 8.53, 4.01, 4.41, 6.65, 7.69, 5.68, 5.39, 5.4, 3.38, 3.71, 3.0, 3.59, 4.34, 4.38, 1.36, 2.57, 2.73];
    expect(firstDivergence([...lr2, ...repeat(1.2, 50), ...repeat(0.3, 200)], CHANCE)).toBeUndefined();
  });

  it('never takes a starting value below chance level, so a run from trained weights may go back to guessing', () => {
    // Starting at 0.3 (trained weights): 2.0 is 6× that, but below 4× ln 10.
    expect(firstDivergence([0.3, 0.3, 0.3, ...repeat(2.0, 100)], CHANCE)).toBeUndefined();
    expect(firstDivergence([0.3, 0.3, 0.3, ...repeat(9.3, 10)], CHANCE)).toMatchObject({ kind: 'streak', baseline: CHANCE });
  });

  it('takes the least of the first steps, so early explosions do not raise the line', () => {
    expect(firstDivergence([2.4, 20, 20, ...repeat(12, DIVERGENCE_RULE.streak)], CHANCE)).toMatchObject({ kind: 'streak', baseline: 2.4, since: 2 });
  });
});

describe('divergenceMessage', () => {
  it('says what the loss did and advises a lower learning rate', () => {
    expect(divergenceMessage({ kind: 'not-finite', step: 7, loss: NaN }, 0.5)).toBe('The loss became NaN at step 7, at learning rate 0.5. Try a lower learning rate, e.g. 0.17.');
    expect(divergenceMessage({ kind: 'streak', step: 11, since: 2, baseline: 2.61, ratio: 4, loss: 14.61, mean: 14.2 }, 10)).toBe(
      'The loss exploded: from step 2 to 11 it stayed above 10.4, 4× its starting 2.61, at learning rate 10. Try a lower learning rate, e.g. 3.3.',
    );
    expect(divergenceMessage({ kind: 'mean', step: 84, since: 55, baseline: 2.62, ratio: 2.5, loss: 7.8, mean: 6.61 }, 10)).toBe(
      'The loss exploded: over steps 55 to 84 it averaged 6.6, over 2.5× its starting 2.62, at learning rate 10. Try a lower learning rate, e.g. 3.3.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { scrolled } from './zoom';

// PADDING is 16: a 1000 px drawing in a 400 px view may translate from 400 − 16 − 1000 = −616 to 16.
describe('scrolled', () => {
  it('scrolls a tall drawing by the wheel delta', () => {
    expect(scrolled(16, 100, 1000, 400)).toBe(-84);
    expect(scrolled(-84, -50, 1000, 400)).toBe(-34);
  });

  it('stops with the drawing\'s end just inside the view', () => {
    expect(scrolled(-600, 100, 1000, 400)).toBe(-616);
    expect(scrolled(-616, 100, 1000, 400)).toBe(-616); // unchanged: the page scrolls instead
    expect(scrolled(0, -100, 1000, 400)).toBe(16);
  });

  it('leaves a drawing that fits alone, and only brings one that is out of view back', () => {
    expect(scrolled(100, 100, 200, 400)).toBe(100);
    expect(scrolled(-50, 100, 200, 400)).toBe(-50); // further out: refused
    expect(scrolled(-50, -30, 200, 400)).toBe(-20);
    expect(scrolled(-50, -300, 200, 400)).toBe(184); // no further than fully in view
  });
});

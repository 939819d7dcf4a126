import { describe, expect, it } from 'vitest';
import { minimapScale } from './Minimap';

describe('minimapScale', () => {
  it('fits a tall drawing in 40% of the view\'s height', () => {
    expect(minimapScale({ width: 200, height: 2000 }, 650) * 2000).toBeCloseTo(260);
  });
  it('fits a wide drawing in 96 px', () => {
    expect(minimapScale({ width: 4800, height: 1000 }, 650) * 4800).toBeCloseTo(96);
  });
});

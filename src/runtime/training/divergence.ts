// When a run has diverged: its loss is not a number, or it stays well above its starting value.
// The cross-entropy is clipped (p ≥ 1e-7), so a diverged network does not send the loss to
// infinity: it saturates near −ln(1e-7) ≈ 16, and an absolute limit above that never fires.
// Measured on the digits (GoogLeNet small, batch 32, first epoch): at lr 10 with a short schedule
// the loss jumps from 2.6 to 13–16 at the second step and stays there; with the whole digits'
// schedule (a 70-step warm-up) it swings between 3 and 14 for hundreds of steps, averaging
// 2.5–4.5× its start. Sound runs stay far below both lines: the largest 30-step mean at lr 0.05–1
// is 0.8× the start, and lr 2, whose loss spikes to 8.7 for twenty steps before it learns, 1.6×.

export interface DivergenceRule {
  /** The starting value is the least loss of this many first steps (the first one's is the initial weights'). */
  readonly baselineSteps: number;
  /** A stretch: every one of `streak` steps in a row at or above `streakRatio` × the start… */
  readonly streakRatio: number;
  readonly streak: number;
  /** …or the mean of the last `window` steps at or above `meanRatio` × the start. */
  readonly meanRatio: number;
  readonly window: number;
}

export const DIVERGENCE_RULE: DivergenceRule = { baselineSteps: 3, streakRatio: 4, streak: 10, meanRatio: 2.5, window: 30 };

interface Found {
  /** The step (from 1) whose loss showed it. */
  readonly step: number;
  readonly loss: number;
}

export type Divergence =
  | (Found & { readonly kind: 'not-finite' })
  | (Found & { readonly kind: 'streak' | 'mean'; readonly since: number; readonly baseline: number; readonly ratio: number; readonly mean: number });

/** Follows a run's losses step by step. */
export class DivergenceWatch {
  private readonly losses: number[] = [];
  /** Steps in a row at or above the streak line. */
  private above = 0;
  private sum = 0;
  private baseline = Infinity;

  /**
   * @param floor The least starting value: chance level, ln(classes), so that a run that starts
   * low (from trained weights) is not stopped for going back to mere guessing.
   */
  constructor(
    private readonly floor: number,
    private readonly rule: DivergenceRule = DIVERGENCE_RULE,
  ) {}

  /** The loss of the next step; the divergence once the rule sees one. */
  observe(loss: number): Divergence | undefined {
    const { baselineSteps, streakRatio, streak, meanRatio, window } = this.rule;
    const losses = this.losses;
    const step = losses.length + 1;
    if (!Number.isFinite(loss)) return { kind: 'not-finite', step, loss };
    losses.push(loss);
    this.sum += loss - (losses.length > window ? losses[losses.length - 1 - window] : 0);
    if (losses.length < baselineSteps) return undefined;
    if (losses.length === baselineSteps) {
      // The least, not the mean: at lr 10 the loss explodes at the second step already
      // (measured: 2.6, 11.6, 11.9), and a mean would lift the lines out of reach.
      this.baseline = Math.max(this.floor, Math.min(...losses));
      // The first steps count towards a stretch too, once its line is known.
      this.above = losses.length - 1 - losses.findLastIndex((l) => l < streakRatio * this.baseline);
    } else {
      this.above = loss >= streakRatio * this.baseline ? this.above + 1 : 0;
    }
    const found = { step, loss, baseline: this.baseline };
    if (this.above >= streak) {
      const since = step - this.above + 1;
      const run = losses.slice(since - 1);
      return { kind: 'streak', ...found, since, ratio: streakRatio, mean: run.reduce((a, b) => a + b, 0) / run.length };
    }
    const mean = this.sum / window;
    if (losses.length >= window && mean >= meanRatio * this.baseline) return { kind: 'mean', ...found, since: step - window + 1, ratio: meanRatio, mean };
    return undefined;
  }
}

/** The first divergence in a sequence of losses (for tests and offline checks). */
export function firstDivergence(losses: readonly number[], floor: number, rule: DivergenceRule = DIVERGENCE_RULE): Divergence | undefined {
  const watch = new DivergenceWatch(floor, rule);
  for (const loss of losses) {
    const found = watch.observe(loss);
    if (found) return found;
  }
  return undefined;
}

/** What the run's message says, with the advice; `peak` is the run's learning rate. */
export function divergenceMessage(d: Divergence, peak: number): string {
  const start = (x: { ratio: number; baseline: number }) => `${x.ratio}× its starting ${x.baseline.toFixed(2)}`;
  const what =
    d.kind === 'not-finite'
      ? `The loss became ${Number.isNaN(d.loss) ? 'NaN' : 'infinite'} at step ${d.step}`
      : d.kind === 'streak'
        ? `The loss exploded: from step ${d.since} to ${d.step} it stayed above ${(d.ratio * d.baseline).toFixed(1)}, ${start(d)}`
        : `The loss exploded: over steps ${d.since} to ${d.step} it averaged ${d.mean.toFixed(1)}, over ${start(d)}`;
  return `${what}, at learning rate ${peak}. Try a lower learning rate, e.g. ${(peak / 3).toPrecision(2)}.`;
}

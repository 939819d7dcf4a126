import { describe, expect, it } from 'vitest';
import type { BackendInfo, BuildResult, RunResult } from '../../runtime/worker/protocol';
import { builtFor, initialLiveState, liveReducer, type LiveAction, type LiveState } from './session';

const wasm: BackendInfo = { name: 'wasm', choice: 'auto', renderer: null, software: false, isolated: true };
const build: BuildResult = { backend: 'wasm', network: 'googlenet', input: [224, 224, 3], params: 1, layers: 1, seed: 1, ms: 5 };
const run: RunResult = { backend: 'wasm', firstMs: 9, warmMs: [1, 2, 3], medianMs: 2, top: [] };
const reduce = (...actions: LiveAction[]): LiveState => actions.reduce(liveReducer, initialLiveState);

describe('liveReducer', () => {
  it('a backend switch clears the build and results, then asks for a rebuild (generation)', () => {
    const before = reduce(
      { type: 'backend/done', info: wasm },
      { type: 'start', task: 'build', since: 0 },
      { type: 'done', task: 'build', result: build },
      { type: 'done', task: 'run', result: run },
    );
    expect(before.generation).toBe(1);
    const switching = liveReducer(before, { type: 'backend/start', choice: 'cpu' });
    expect(switching).toMatchObject({ switching: 'cpu', build: { status: 'idle' }, run: { status: 'idle' } });
    const after = liveReducer(switching, { type: 'backend/done', info: { ...wasm, name: 'cpu', choice: 'cpu' } });
    expect(after).toMatchObject({ switching: undefined, generation: 2, backend: { name: 'cpu' } });
  });

  it('a new build makes every result stale', () => {
    const state = reduce(
      { type: 'done', task: 'build', result: build },
      { type: 'done', task: 'run', result: run },
      { type: 'start', task: 'build', since: 7 },
    );
    expect(state.build).toEqual({ status: 'busy', since: 7 });
    expect(state.run).toEqual({ status: 'idle' });
  });

  it('knows which configuration the model was built for', () => {
    const state = reduce({ type: 'start', task: 'build', since: 0, key: 'a' }, { type: 'done', task: 'build', result: build });
    expect(builtFor(state, 'a')).toBe(build);
    expect(builtFor(state, 'b')).toBeUndefined();
  });

  it('keeps progress only for a busy task, and a cancelled task goes back to idle', () => {
    const progress = { stage: 'warm runs', done: 1, total: 5 };
    expect(reduce({ type: 'progress', task: 'run', progress }).run).toEqual({ status: 'idle' });
    const busy = reduce({ type: 'start', task: 'run', since: 1 }, { type: 'progress', task: 'run', progress });
    expect(busy.run).toEqual({ status: 'busy', since: 1, progress });
    expect(liveReducer(busy, { type: 'cancelled', task: 'run' }).run).toEqual({ status: 'idle' });
    expect(liveReducer(busy, { type: 'failed', task: 'run', message: 'no' }).run).toEqual({ status: 'failed', message: 'no' });
  });

  it('a recovery notice shows the new backend and the rebuilt model; a failure asks for a restart', () => {
    const recovered = reduce({ type: 'notice', notice: { kind: 'recovered', message: 'lost', backend: wasm, build } });
    expect(recovered).toMatchObject({ notice: { message: 'lost', failed: false }, backend: wasm, build: { status: 'done', result: build } });
    expect(liveReducer(recovered, { type: 'dismiss' }).notice).toBeUndefined();
    const failed = reduce({ type: 'done', task: 'build', result: build }, { type: 'notice', notice: { kind: 'failed', message: 'stopped' } });
    expect(failed).toMatchObject({ notice: { failed: true }, build: { status: 'idle' } });
    expect(liveReducer(failed, { type: 'backend/start', choice: 'auto' }).notice).toBeUndefined();
  });
});

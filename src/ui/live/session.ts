// The live panel's state as a pure reducer: the backend, the build, and the results of the
// requests made on the built model. A new build or backend makes those results stale, so they go.

import type {
  ActivationsResult,
  BackendChoice,
  BackendInfo,
  BuildResult,
  Notice,
  ProfileResult,
  Progress,
  RunResult,
} from '../../runtime/worker/protocol';

/** One request's lifecycle. */
export type Task<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'busy'; readonly since: number; readonly progress?: Progress }
  | { readonly status: 'done'; readonly result: T }
  | { readonly status: 'failed'; readonly message: string };

export interface TaskResults {
  readonly build: BuildResult;
  readonly run: RunResult;
  readonly profile: ProfileResult;
  readonly maps: ActivationsResult;
}

export type TaskName = keyof TaskResults;

export interface LiveState {
  readonly backend: BackendInfo | undefined;
  /** A backend being started (the select shows it while the worker works). */
  readonly switching: BackendChoice | undefined;
  readonly backendError: string | undefined;
  /** Bumped whenever the backend changes: the model must be built again. */
  readonly generation: number;
  readonly build: Task<BuildResult>;
  /** Which configuration the build is of (results of an older one must not be used). */
  readonly buildKey: string | undefined;
  readonly run: Task<RunResult>;
  readonly profile: Task<ProfileResult>;
  readonly maps: Task<ActivationsResult>;
  /** What the worker did on its own: recovered from a lost WebGL context, or stopped (`failed`). */
  readonly notice: { readonly message: string; readonly failed: boolean } | undefined;
}

export type LiveAction =
  | { readonly type: 'backend/start'; readonly choice: BackendChoice }
  | { readonly type: 'backend/done'; readonly info: BackendInfo }
  | { readonly type: 'backend/failed'; readonly message: string }
  | { readonly type: 'start'; readonly task: TaskName; readonly since: number; readonly key?: string }
  | { readonly type: 'progress'; readonly task: TaskName; readonly progress: Progress }
  | { [K in TaskName]: { readonly type: 'done'; readonly task: K; readonly result: TaskResults[K] } }[TaskName]
  | { readonly type: 'failed'; readonly task: TaskName; readonly message: string }
  | { readonly type: 'cancelled'; readonly task: TaskName }
  | { readonly type: 'notice'; readonly notice: Notice }
  | { readonly type: 'dismiss' };

const idle = { status: 'idle' } as const;

const noResults = { run: idle, profile: idle, maps: idle } as const;

export const initialLiveState: LiveState = {
  backend: undefined,
  switching: undefined,
  backendError: undefined,
  generation: 0,
  build: idle,
  buildKey: undefined,
  ...noResults,
  notice: undefined,
};

export function liveReducer(state: LiveState, action: LiveAction): LiveState {
  switch (action.type) {
    case 'backend/start':
      // The worker disposes the model when the backend changes: nothing shown is current any more.
      return {
        ...state,
        switching: action.choice,
        backendError: undefined,
        notice: state.notice?.failed ? undefined : state.notice,
        build: idle,
        ...noResults,
      };
    case 'backend/done':
      return {
        ...state,
        backend: action.info,
        switching: undefined,
        generation: state.generation + 1,
      };
    case 'backend/failed':
      return { ...state, switching: undefined, backendError: action.message };
    case 'start':
      // A new build makes every result stale.
      return action.task === 'build'
        ? { ...state, build: { status: 'busy', since: action.since }, buildKey: action.key, ...noResults }
        : { ...state, [action.task]: { status: 'busy', since: action.since } };
    case 'progress': {
      const task = state[action.task];
      return task.status === 'busy' ? { ...state, [action.task]: { ...task, progress: action.progress } } : state;
    }
    case 'done':
      return { ...state, [action.task]: { status: 'done', result: action.result } };
    case 'failed':
      return { ...state, [action.task]: { status: 'failed', message: action.message } };
    case 'cancelled':
      return state[action.task].status === 'busy' ? { ...state, [action.task]: idle } : state;
    case 'notice': {
      const { notice } = action;
      if (notice.kind === 'failed') {
        return { ...state, notice: { message: notice.message, failed: true }, build: idle, ...noResults };
      }
      return {
        ...state,
        notice: { message: notice.message, failed: false },
        backend: notice.backend,
        build: notice.build ? { status: 'done', result: notice.build } : idle,
        ...noResults,
      };
    }
    case 'dismiss':
      return { ...state, notice: undefined };
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}

/** The built model's description, if it is of the configuration `key`. */
export const builtFor = (state: LiveState, key: string | undefined): BuildResult | undefined =>
  state.build.status === 'done' && state.buildKey === key ? state.build.result : undefined;

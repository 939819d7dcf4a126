// Every change to the view is an action; `reduce` is the only place state changes.

import type { Extra, Unit } from '../../analysis/ops';
import { networks, presetText, type ConfigText, type NetworkName } from '../../model';
import { defaultCompare, defaultState } from './url-state';
import type { Encoding, ViewName, ViewState } from './view';

export type Action =
  | { readonly type: 'network'; readonly network: NetworkName }
  | { readonly type: 'option'; readonly key: string; readonly value: string; readonly typing?: boolean }
  | { readonly type: 'preset'; readonly preset: string }
  | { readonly type: 'select'; readonly id: string | undefined }
  | { readonly type: 'toggle'; readonly path: string }
  | { readonly type: 'expand'; readonly paths: readonly string[] }
  | { readonly type: 'unit'; readonly unit: Unit }
  | { readonly type: 'extras'; readonly extras: readonly Extra[] }
  | { readonly type: 'view'; readonly view: ViewName }
  | { readonly type: 'encoding'; readonly encoding: Encoding }
  | { readonly type: 'compare'; readonly config: ConfigText }
  /** Replaces the explored configuration (e.g. "swap A and B" in the compare view). */
  | { readonly type: 'config'; readonly config: ConfigText }
  | { readonly type: 'restore'; readonly state: ViewState };

const withConfig = (state: ViewState, config: ConfigText): ViewState => ({ ...state, config });

export function reduce(state: ViewState, action: Action): ViewState {
  switch (action.type) {
    case 'network':
      if (action.network === state.config.network) return state;
      // Selection and expanded modules belong to the other network: start afresh, keep the view.
      return {
        ...defaultState(action.network),
        unit: state.unit,
        extras: state.extras,
        view: state.view,
        encoding: state.encoding,
        compare: defaultCompare(action.network),
      };
    case 'option':
      return withConfig(state, { ...state.config, text: { ...state.config.text, [action.key]: action.value } });
    case 'preset':
      return withConfig(state, { ...state.config, text: presetText(networks[state.config.network], action.preset) });
    case 'select':
      return { ...state, selected: action.id };
    case 'toggle': {
      const open = state.expanded.includes(action.path);
      return { ...state, expanded: open ? state.expanded.filter((p) => p !== action.path) : [...state.expanded, action.path] };
    }
    case 'expand':
      return { ...state, expanded: action.paths };
    case 'unit':
      return { ...state, unit: action.unit };
    case 'extras':
      return { ...state, extras: action.extras };
    case 'view':
      return { ...state, view: action.view };
    case 'encoding':
      return { ...state, encoding: action.encoding };
    case 'compare':
      return { ...state, compare: action.config };
    case 'config': {
      const sameNetwork = action.config.network === state.config.network;
      const base = sameNetwork ? state : reduce(state, { type: 'network', network: action.config.network });
      return withConfig(base, action.config);
    }
    case 'restore':
      return action.state;
  }
}

/** Actions whose URL change replaces the history entry instead of adding one (typing, expanding). */
export function replacesHistory(action: Action): boolean {
  return (
    action.type === 'toggle' ||
    action.type === 'expand' ||
    action.type === 'restore' ||
    (action.type === 'option' && action.typing === true)
  );
}

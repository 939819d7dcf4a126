// The page's state: a network and its option text. Everything shown is derived from it.

import { useMemo, useState } from 'react';
import type { NetworkName } from '../model';
import {
  explore,
  matchingPreset,
  startInput,
  withOption,
  withPreset,
  type ExplorerInput,
  type Explored,
} from './explore';

export interface Explorer {
  readonly input: ExplorerInput;
  /** The preset the current options equal, if any. */
  readonly preset: string | undefined;
  /** Why the current options cannot be built, if they cannot. */
  readonly error: string | undefined;
  /** The latest configuration that could be built: it stays on screen while the input is bad. */
  readonly shown: Explored | undefined;
  readonly setNetwork: (network: NetworkName) => void;
  readonly setOption: (key: string, value: string) => void;
  readonly setPreset: (preset: string) => void;
}

/** State and derived views of the explorer page. */
export function useExplorer(initial: NetworkName = 'googlenet'): Explorer {
  const [input, setInput] = useState(() => startInput(initial));
  const current = useMemo(() => explore(input), [input]);
  const preset = useMemo(() => matchingPreset(input), [input]);

  // Remembering the last good result is information from a previous render, so it is state,
  // updated during render as React recommends for values derived from a changing input.
  const [shown, setShown] = useState<Explored | undefined>(current.ok ? current : undefined);
  if (current.ok && current !== shown) setShown(current);

  return {
    input,
    preset,
    error: current.ok ? undefined : current.message,
    shown: current.ok ? current : shown,
    setNetwork: (network) => setInput(startInput(network)),
    setOption: (key, value) => setInput((previous) => withOption(previous, key, value)),
    setPreset: (name) => setInput((previous) => withPreset(previous, name)),
  };
}

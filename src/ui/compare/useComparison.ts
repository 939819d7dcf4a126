// A and B evaluated, and the last pair that could both be built: it stays on screen while either
// configuration is being edited into something invalid.

import { useMemo, useState } from 'react';
import type { ConfigText } from '../../model';
import { explore, type Exploration } from '../explore';
import type { Sides } from './scatter';

export interface Comparison {
  /** The latest pair that could both be built; undefined until there is one. */
  readonly shown: Sides | undefined;
  /** Whether `shown` is older than the current input (A or B is invalid). */
  readonly stale: boolean;
  readonly errorA: string | undefined;
  readonly errorB: string | undefined;
}

/** Evaluates a configuration once per content, not per object: the parent may pass equal copies. */
function useEvaluation(config: ConfigText): Exploration {
  const key = JSON.stringify([config.network, config.text]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the content on purpose
  return useMemo(() => explore(config), [key]);
}

/** A as the page evaluated it; B evaluated here. */
export function useComparison(evalA: Exploration, b: ConfigText): Comparison {
  const evalB = useEvaluation(b);
  const current: Sides | undefined =
    evalA.ok && evalB.ok ? { a: { config: evalA.config, evaluated: evalA }, b: { config: b, evaluated: evalB } } : undefined;

  // State updated during render, as React recommends for remembering a previous input.
  const [shown, setShown] = useState(current);
  if (current && (shown?.a.evaluated !== evalA || shown?.b.evaluated !== evalB)) setShown(current);

  return {
    shown: current ?? shown,
    stale: current === undefined,
    errorA: evalA.ok ? undefined : evalA.message,
    errorB: evalB.ok ? undefined : evalB.message,
  };
}

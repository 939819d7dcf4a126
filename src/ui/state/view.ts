// The whole view state of the page. The URL holds all of it (see url-state.ts), so a view can be
// shared and back/forward restore it.

import type { Extra, Unit } from '../../analysis/ops';
import type { ConfigText } from '../../model';

export type ViewName = 'graph' | 'table' | 'compare' | 'lab' | 'live' | 'train' | 'classify';

/** What node size and colour encode in the graph. */
export type Encoding = 'macs' | 'params';

export interface ViewState {
  readonly config: ConfigText;
  /** Selected module path (`inception_3a`, `inception_3a/5x5`) or layer id (`inception_3a/5x5/inception_3a_5x5`). */
  readonly selected?: string;
  /** Module paths shown expanded in the graph and the table. */
  readonly expanded: readonly string[];
  readonly unit: Unit;
  readonly extras: readonly Extra[];
  readonly view: ViewName;
  readonly encoding: Encoding;
  /** The configuration compared against `config` in the compare view. */
  readonly compare: ConfigText;
}

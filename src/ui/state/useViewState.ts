// The page's state: a reducer over ViewState, mirrored in the URL (pushState for changes a visitor
// would step back through, replaceState for typing and expanding), restored on back/forward.

import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { reduce, replacesHistory, type Action } from './store';
import { parseUrl, toUrl } from './url-state';
import type { ViewState } from './view';

export interface ViewStore {
  readonly state: ViewState;
  readonly dispatch: (action: Action) => void;
  /** What the URL asked for but could not be honoured, in words. */
  readonly notices: readonly string[];
  readonly dismissNotices: () => void;
}

export function useViewState(): ViewStore {
  const [initial] = useState(() => parseUrl(window.location.search));
  const [state, rawDispatch] = useReducer(reduce, initial.state);
  const [notices, setNotices] = useState<readonly string[]>(initial.notices);
  const replaceNext = useRef(true); // the first write only tidies the URL the visitor came with
  const pushPending = useRef(false);

  const dispatch = useCallback((action: Action) => {
    replaceNext.current = replacesHistory(action);
    rawDispatch(action);
  }, []);

  useEffect(() => {
    // Written after the frame that shows the change: a history entry can take tens of ms while
    // the browser digests a large DOM update, and the switch should not wait for it.
    // A push overtaken by a newer state before it was written still adds its history entry.
    pushPending.current ||= !replaceNext.current;
    const timer = setTimeout(() => {
      const push = pushPending.current;
      pushPending.current = false;
      const search = toUrl(state);
      if (search === window.location.search) return;
      const url = `${window.location.pathname}${search}${window.location.hash}`;
      if (push) window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }, 0);
    return () => clearTimeout(timer);
  }, [state]);

  useEffect(() => {
    const onPop = () => {
      const parsed = parseUrl(window.location.search);
      replaceNext.current = true;
      rawDispatch({ type: 'restore', state: parsed.state });
      setNotices(parsed.notices);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  return { state, dispatch, notices, dismissNotices: useCallback(() => setNotices([]), []) };
}

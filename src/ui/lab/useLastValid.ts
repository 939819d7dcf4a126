// A lab keeps its last valid result on screen while a field is being edited into something invalid.

import { useState } from 'react';

/** The result if it is valid, else the last valid one (undefined until there has been one). */
export function useLastValid<T extends { readonly ok: boolean }>(result: T): Extract<T, { ok: true }> | undefined {
  type Valid = Extract<T, { ok: true }>;
  const [shown, setShown] = useState<Valid | undefined>(result.ok ? (result as Valid) : undefined);
  if (result.ok && result !== shown) setShown(result as Valid);
  return result.ok ? (result as Valid) : shown;
}

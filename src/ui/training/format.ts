// Numbers of the training panel as text.

/** `45 s`, `3 min 05 s`, `1 h 02 min`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** `93.4%`, or `–` when unknown. */
export const formatPercent = (value: number | undefined): string => (value === undefined ? '–' : `${(100 * value).toFixed(1)}%`);

/** Seconds per full epoch: the mean over the epochs, a stopped epoch scaled to a whole one. */
export function secondsPerEpoch(epochs: readonly { seconds: number; fraction: number }[]): number | undefined {
  const full = epochs.filter((e) => e.fraction > 0);
  if (full.length === 0) return undefined;
  return full.reduce((sum, e) => sum + e.seconds / e.fraction, 0) / full.length;
}

// The confusion matrix's cells: which validation images fall in one, and how dark to draw it.

/** A cell: images of class `actual` predicted as `predicted`. */
export interface Cell {
  readonly actual: number;
  readonly predicted: number;
}

/** Indices of the images in a cell (the first `limit`), in validation order. */
export function imagesInCell(labels: ArrayLike<number>, predictions: ArrayLike<number>, cell: Cell, limit = Infinity): number[] {
  const found: number[] = [];
  const n = Math.min(labels.length, predictions.length);
  for (let i = 0; i < n && found.length < limit; i++) {
    if (labels[i] === cell.actual && predictions[i] === cell.predicted) found.push(i);
  }
  return found;
}

/** Share of a row (its true class) in a cell, 0–1: the shade of the cell. */
export function rowShare(confusion: readonly (readonly number[])[], cell: Cell): number {
  const row = confusion[cell.actual] ?? [];
  const total = row.reduce((a, b) => a + b, 0);
  return total === 0 ? 0 : (row[cell.predicted] ?? 0) / total;
}

/** The off-diagonal cell with the most images (the worst confusion), or undefined when none. */
export function worstCell(confusion: readonly (readonly number[])[]): Cell | undefined {
  let best: Cell | undefined;
  let most = 0;
  confusion.forEach((row, actual) =>
    row.forEach((count, predicted) => {
      if (actual !== predicted && count > most) {
        most = count;
        best = { actual, predicted };
      }
    }),
  );
  return best;
}

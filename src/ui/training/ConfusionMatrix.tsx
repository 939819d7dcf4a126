import type { RunRecord } from '../../runtime/training/protocol';
import { rowShare, type Cell } from './confusion';

interface ConfusionMatrixProps {
  readonly run: RunRecord;
  readonly selected?: Cell;
  readonly onSelect: (cell: Cell) => void;
}

/** Rows: true class; columns: predicted class. A cell, clicked, shows its images. */
export function ConfusionMatrix({ run, selected, onSelect }: ConfusionMatrixProps) {
  const confusion = run.confusion ?? [];
  const names = run.classNames;
  return (
    <table className="train-confusion" aria-label={`Confusion matrix of ${run.name}`}>
      <thead>
        <tr>
          <th scope="col">true ↓ predicted →</th>
          {names.map((name) => (
            <th key={name} scope="col">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {confusion.map((row, actual) => (
          <tr key={names[actual]}>
            <th scope="row">{names[actual]}</th>
            {row.map((count, predicted) => {
              const share = rowShare(confusion, { actual, predicted });
              const diagonal = actual === predicted;
              const isSelected = selected?.actual === actual && selected.predicted === predicted;
              return (
                <td key={predicted} className={diagonal ? 'train-diagonal' : undefined}>
                  <button
                    type="button"
                    aria-pressed={isSelected}
                    aria-label={`${count} ${names[actual]} predicted as ${names[predicted]}`}
                    disabled={diagonal || count === 0}
                    style={count === 0 ? undefined : { background: `rgba(${diagonal ? '31, 78, 121' : '180, 40, 40'}, ${(0.1 + 0.8 * share).toFixed(3)})`, color: share > 0.5 ? '#fff' : 'var(--ink)' }}
                    onClick={() => onSelect({ actual, predicted })}
                  >
                    {count}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

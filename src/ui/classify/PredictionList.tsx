import type { Prediction } from '../../runtime/classify/protocol';
import { BACKEND_LABELS, formatMs } from '../live/live-format';
import type { BackendName } from '../../runtime/worker/protocol';

interface PredictionListProps {
  readonly top: readonly Prediction[];
  readonly milliseconds: number;
  readonly backend: string;
  /** The class Grad-CAM explains. */
  readonly selected: number | undefined;
  readonly onPick: (index: number) => void;
}

const percent = (p: number) => `${(100 * p).toFixed(p >= 0.995 || p < 0.001 ? 2 : 1)}%`;

/** The top classes, most probable first, each a button that shows its Grad-CAM. */
export function PredictionList({ top, milliseconds, backend, selected, onPick }: PredictionListProps) {
  return (
    <div className="predictions">
      <h3>Predictions</h3>
      <ol aria-label="Predictions">
        {top.map((p) => (
          <li key={p.index}>
            <button
              type="button"
              className="prediction"
              aria-pressed={p.index === selected}
              title={`Show where the network found evidence for ${p.name}`}
              onClick={() => onPick(p.index)}
            >
              <span className="prediction-name">{p.name}</span>
              <span className="prediction-probability">{percent(p.probability)}</span>
              <span className="prediction-bar" aria-hidden="true">
                <span style={{ width: `${(100 * p.probability).toFixed(1)}%` }} />
              </span>
            </button>
          </li>
        ))}
      </ol>
      <p className="prediction-timing">
        {formatMs(milliseconds)} on {BACKEND_LABELS[backend as BackendName] ?? backend}
      </p>
    </div>
  );
}

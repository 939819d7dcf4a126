import type { LayerCount } from '../../analysis/counts';
import type { Measure } from '../../analysis/ops';
import { formatShape } from '../format';
import { layerFormulas } from './formulas';

interface LayerListProps {
  readonly layers: readonly LayerCount[];
  readonly measure: Measure;
  readonly onSelect: (id: string) => void;
}

/** Every layer of the selection with its arithmetic written out. */
export function LayerList({ layers, measure, onSelect }: LayerListProps) {
  return (
    <ol className="layer-list">
      {layers.map((layer) => {
        const f = layerFormulas(layer, measure);
        return (
          <li key={layer.id}>
            <div className="layer-head">
              <button type="button" className="link" onClick={() => onSelect(layer.id)}>
                {layer.name}
              </button>{' '}
              <span className="kind">{layer.kind}</span> <span className="shape">{formatShape(layer.output)}</span>
            </div>
            {f.params && <code className="formula">{f.params}</code>}
            {f.ops && <code className="formula">{f.ops}</code>}
            {!f.params && !f.ops && <span className="muted">no weights, no {measure.label}</span>}
          </li>
        );
      })}
    </ol>
  );
}

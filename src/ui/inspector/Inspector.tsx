import type { ReactNode } from 'react';
import { convStacks } from '../../analysis/conv-stacks';
import type { Analysis } from '../../analysis/counts';
import type { Measure } from '../../analysis/ops';
import { formatCount, formatShape, formatShare } from '../format';
import { BranchChart } from './BranchChart';
import { ConvStackNote } from './ConvStackNote';
import { LayerList } from './LayerList';

interface InspectorProps {
  readonly analysis: Analysis;
  readonly measure: Measure;
  readonly selected: string | undefined;
  readonly onSelect: (id: string) => void;
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Everything about the selected module or layer: shapes, counts, share, and the arithmetic. */
export function Inspector({ analysis, measure, selected, onSelect }: InspectorProps) {
  const module = selected === undefined ? undefined : analysis.modules.find((m) => m.path === selected);
  const layer = module || selected === undefined ? undefined : analysis.layers.find((l) => l.id === selected);
  const item = module ?? layer;
  const ops = selected === undefined ? 0 : measure.of(selected);
  return (
    <section className="inspector" role="region" aria-label="Inspector">
      <h2>Inspector</h2>
      {selected === undefined && <p className="muted">Select a module or layer in the graph or the table to see its arithmetic.</p>}
      {selected !== undefined && !item && <p className="muted">{selected} is not part of this configuration.</p>}
      {item && (
        <>
          <h3 className="selection">
            {module ? module.path : layer?.name} <span className="kind">{module ? `${module.kind} module` : layer?.kind}</span>
            {module?.tap && <span className="tag">side output</span>}
          </h3>
          <dl className="figures">
            <Figure label="Shape">
              {formatShape(item.input)} → {formatShape(item.output)}
            </Figure>
            <Figure label="Params">
              {formatCount(item.params)} params
              <span className="muted">
                {' '}
                ({formatCount(item.trainable)} trainable, {formatCount(item.nonTrainable)} non-trainable)
              </span>
            </Figure>
            <Figure label={measure.label}>
              {formatCount(ops)} {measure.label}
            </Figure>
            <Figure label="Share of network">
              {formatShare(analysis.totals.params ? item.params / analysis.totals.params : 0)} of params,{' '}
              {formatShare(measure.total ? ops / measure.total : 0)} of {measure.label}
            </Figure>
          </dl>
          {module && module.kind !== 'sequence' && module.children.length > 1 && (
            <BranchChart module={module} measure={measure} onSelect={onSelect} />
          )}
          {module && convStacks(module.layers).map((stack) => <ConvStackNote key={stack.convs[0].id} stack={stack} />)}
          <LayerList layers={module ? module.layers : layer ? [layer] : []} measure={measure} onSelect={onSelect} />
        </>
      )}
    </section>
  );
}

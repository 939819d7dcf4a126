import { useState } from 'react';
import { measure, type Extra, type Unit } from '../../analysis/ops';
import type { ConfigText } from '../../model';
import type { Exploration } from '../explore';
import { AccuracyChart } from './AccuracyChart';
import { CompareAlert } from './CompareAlert';
import { compareModules, compareTotals, type Side } from './compare';
import { ComparePicker } from './ComparePicker';
import { CompareTable } from './CompareTable';
import { CompareTotals } from './CompareTotals';
import { describeConfig } from './configs';
import { MetricToggle, type Metric } from './MetricToggle';
import { ModuleBarChart } from './ModuleBarChart';
import { scatterPoints } from './scatter';
import { ScatterPlot } from './ScatterPlot';
import { useComparison } from './useComparison';
import './compare.css';

export interface CompareViewProps {
  /** A: the configuration being explored, built and counted by the page (explore()). */
  readonly a: Exploration;
  /** The configuration compared with it; its text may be invalid while being edited. */
  readonly b: ConfigText;
  readonly unit: Unit;
  readonly extras: readonly Extra[];
  readonly onChangeB: (config: ConfigText) => void;
  /** Makes a configuration A; when given, the view offers to swap A and B. */
  readonly onPickA?: (config: ConfigText) => void;
}

/**
 * A against B: totals, modules as a table and as bars, both among the catalog on a log-log plot, and
 * the catalog's published accuracy against its cost.
 */
export function CompareView({ a, b, unit, extras, onChangeB, onPickA }: CompareViewProps) {
  const { shown, stale, errorA, errorB } = useComparison(a, b);
  const [metric, setMetric] = useState<Metric>('params');
  const side = (s: NonNullable<typeof shown>['a']): Side => ({
    analysis: s.evaluated.analysis,
    measure: measure(s.evaluated.analysis, unit, extras),
  });
  const sideA = shown && side(shown.a);
  const sideB = shown && side(shown.b);
  const opsLabel = sideA?.measure.label ?? (unit === 'flops' ? 'FLOPs' : 'MACs');
  const swap =
    onPickA &&
    (() => {
      onPickA(b);
      onChangeB(a.config);
    });
  const modules = sideA && sideB && compareModules(sideA, sideB);

  return (
    <section className="compare" role="region" aria-label="Compare">
      <h2>Compare</h2>
      <p className="compare-intro">
        <span className="cmp-side-tag">A</span> is the configuration being explored
        {shown && <> ({describeConfig(shown.a.config)})</>}; pick <span className="cmp-side-tag cmp-side-tag-b">B</span> below,
        from the catalog or from the scatter plot.
      </p>
      <ComparePicker config={b} onChange={onChangeB} {...(swap && { onSwap: swap })} />
      {errorA !== undefined && <CompareAlert side="A" message={errorA} />}
      {errorB !== undefined && <CompareAlert side="B" message={errorB} />}
      {shown && sideA && sideB && modules && (
        <div className={stale ? 'compare-results stale' : 'compare-results'}>
          <CompareTotals
            rows={compareTotals(sideA, sideB)}
            labelA={describeConfig(shown.a.config)}
            labelB={describeConfig(shown.b.config)}
          />
          <CompareTable
            rows={modules}
            opsLabel={opsLabel}
            matched={shown.a.config.network === shown.b.config.network}
          />
          <div className="compare-chart-head">
            <h3>Per module</h3>
            <MetricToggle value={metric} opsLabel={opsLabel} onChange={setMetric} />
          </div>
          <ModuleBarChart
            rows={modules}
            metric={metric}
            metricLabel={metric === 'params' ? 'Parameters' : opsLabel}
            labelA={describeConfig(shown.a.config)}
            labelB={describeConfig(shown.b.config)}
          />
          <h3>The catalog: parameters against {opsLabel}</h3>
          <ScatterPlot points={scatterPoints(shown, unit, extras)} opsLabel={opsLabel} onPick={onChangeB} />
          <AccuracyChart
            a={shown.a.config}
            b={shown.b.config}
            unit={unit}
            extras={extras}
            opsLabel={opsLabel}
            onPick={onPickA ?? onChangeB}
            picks={onPickA ? 'A' : 'B'}
          />
        </div>
      )}
    </section>
  );
}

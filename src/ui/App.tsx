import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LabInput } from '../analysis/bottleneck';
import { measure as measureOf } from '../analysis/ops';
import { networkNames, networks } from '../model';
import { CompareView } from './compare/CompareView';
import { NetworkPicker } from './controls/NetworkPicker';
import { OptionsForm } from './controls/OptionsForm';
import { PresetPicker } from './controls/PresetPicker';
import { SkipLink } from './controls/SkipLink';
import { UnitControls } from './controls/UnitControls';
import { ViewTabs } from './controls/ViewTabs';
import { matchingPreset } from './explore';
import { ExportMenu } from './export/ExportMenu';
import { GraphView } from './graph/GraphView';
import { Inspector } from './inspector/Inspector';
import { BottleneckLab } from './lab/BottleneckLab';
import { FactorizationLab } from './lab/FactorizationLab';
import { ClassifyPanel, type IncomingImage } from './classify/ClassifyPanel';
import { imagenetTarget } from './classify/imagenet-target';
import { usePageImageInput } from './classify/usePageImageInput';
import { LivePanel } from './live/LivePanel';
import { TrainingPanel } from './training/TrainingPanel';
import { createLiveClient } from '../runtime/worker/spawn';
import { useViewState } from './state/useViewState';
import { expandablePaths } from './table/rows';
import { TableView } from './table/TableView';
import { DeltaBar } from './summary/DeltaBar';
import { ErrorAlert } from './summary/ErrorAlert';
import { Notices } from './summary/Notices';
import { Totals } from './summary/Totals';
import { useConfiguration } from './useConfiguration';
import { inWords } from './format';

const graphSvg = () => document.querySelector<SVGSVGElement>('[aria-label="Graph"] svg');

/** The explorer page: switches on the left; totals, the views and the inspector on the right. */
export function App() {
  const { state, dispatch, notices, dismissNotices } = useViewState();
  const { config } = state;
  const { current, error, shown, previous } = useConfiguration(config);
  const network = networks[config.network];
  const analysis = shown?.analysis;
  const measure = useMemo(
    () => (analysis ? measureOf(analysis, state.unit, state.extras) : undefined),
    [analysis, state.unit, state.extras],
  );
  const expanded = useMemo(() => new Set(state.expanded), [state.expanded]);

  const select = useCallback((id: string) => dispatch({ type: 'select', id }), [dispatch]);
  const toggle = useCallback((path: string) => dispatch({ type: 'toggle', path }), [dispatch]);
  const expandAll = useCallback(
    () => analysis && dispatch({ type: 'expand', paths: expandablePaths(analysis) }),
    [analysis, dispatch],
  );
  const collapseAll = useCallback(() => dispatch({ type: 'expand', paths: [] }), [dispatch]);
  // The live worker starts when the Live tab is first opened, and stays (hidden) after: its
  // built model survives a look at another tab.
  const [liveOpened, setLiveOpened] = useState(state.view === 'live');
  // One worker for the Live tab and the lab's latency; it starts with its first request.
  const [live] = useState(createLiveClient);
  useEffect(() => () => live.terminate(), [live]);
  const measureConvs = useCallback((input: LabInput) => live.call('benchConvs', input), [live]);
  if (state.view === 'live' && !liveOpened) setLiveOpened(true);
  // Likewise the training worker: it starts with the Train tab and keeps training behind other tabs.
  const [trainOpened, setTrainOpened] = useState(state.view === 'train');
  if (state.view === 'train' && !trainOpened) setTrainOpened(true);
  // And the classify worker. An image dropped or pasted anywhere goes to the Classify tab.
  const [classifyOpened, setClassifyOpened] = useState(state.view === 'classify');
  if (state.view === 'classify' && !classifyOpened) setClassifyOpened(true);
  const [incoming, setIncoming] = useState<IncomingImage>();
  usePageImageInput(
    useCallback(
      (blob: Blob, name: string) => {
        setIncoming((previous) => ({ blob, name, serial: (previous?.serial ?? 0) + 1 }));
        dispatch({ type: 'view', view: 'classify' });
      },
      [dispatch],
    ),
  );
  const imagenet = useMemo(() => imagenetTarget(config), [config]);
  const [switchesOpen, setSwitchesOpen] = useState(false);
  // Train and Classify act on networks of their own (the small CIFAR-10 ones, a run, ImageNet
  // weights): there the explorer's switches, totals and export step aside.
  const explorer = state.view !== 'train' && state.view !== 'classify';

  return (
    <div className={explorer ? 'page' : 'page page-wide'}>
      <SkipLink view={state.view} />
      <header className="masthead">
        <h1>Inception Explorer</h1>
        <p>
          Parameters and multiply-accumulates of {inWords(networkNames.map((name) => networks[name].shortName))}, module by
          module. Flip a switch and see what it costs.
        </p>
      </header>
      <div className="alerts">
        <Notices notices={notices} onDismiss={dismissNotices} />
        {error !== undefined && <ErrorAlert message={error} />}
      </div>
      {explorer && (
        <aside className={switchesOpen ? 'controls' : 'controls is-folded'} aria-label="Configuration">
          {/* Narrow screens only (CSS): the switches fold away so the views are not under them. */}
          <button type="button" className="controls-fold" aria-expanded={switchesOpen} onClick={() => setSwitchesOpen(!switchesOpen)}>
            {switchesOpen ? 'Hide the switches' : `Switches: ${network.title}`}
          </button>
          <NetworkPicker value={config.network} onChange={(n) => dispatch({ type: 'network', network: n })} />
          <PresetPicker
            presets={Object.keys(network.presets)}
            value={matchingPreset(config)}
            onChange={(preset) => dispatch({ type: 'preset', preset })}
          />
          {/* Keyed by network: the two networks share some option keys but not their values. */}
          <OptionsForm
            key={config.network}
            network={network}
            text={config.text}
            onOption={(key, value, typing) => dispatch({ type: 'option', key, value, typing })}
          />
          <UnitControls
            unit={state.unit}
            extras={state.extras}
            onUnit={(unit) => dispatch({ type: 'unit', unit })}
            onExtras={(extras) => dispatch({ type: 'extras', extras })}
          />
        </aside>
      )}
      {shown && analysis && measure && (
        <main className={error === undefined ? 'results' : 'results stale'}>
          {explorer && (
            <div className="summary">
              <Totals totals={analysis.totals} measure={measure} />
              <DeltaBar before={previous} after={shown} unit={state.unit} extras={state.extras} selected={state.selected} />
            </div>
          )}
          <div className="view-bar">
            <ViewTabs view={state.view} onView={(view) => dispatch({ type: 'view', view })} />
            {explorer && <ExportMenu configuration={shown.configuration} analysis={analysis} graphSvg={graphSvg} />}
          </div>
          {(state.view === 'graph' || state.view === 'table') && (
            <div className="workspace" role="tabpanel" aria-labelledby={`tab-${state.view}`}>
              {state.view === 'graph' ? (
                <GraphView
                  analysis={analysis}
                  measure={measure}
                  expanded={expanded}
                  selected={state.selected}
                  encoding={state.encoding}
                  onSelect={select}
                  onToggle={toggle}
                  onExpandAll={expandAll}
                  onCollapseAll={collapseAll}
                  onEncoding={(encoding) => dispatch({ type: 'encoding', encoding })}
                />
              ) : (
                <TableView
                  title={network.title}
                  analysis={analysis}
                  measure={measure}
                  expanded={expanded}
                  selected={state.selected}
                  onToggle={toggle}
                  onSelect={select}
                  onExpandAll={expandAll}
                  onCollapseAll={collapseAll}
                />
              )}
              <Inspector analysis={analysis} measure={measure} selected={state.selected} onSelect={select} />
            </div>
          )}
          {state.view === 'compare' && (
            <div role="tabpanel" aria-labelledby="tab-compare">
              <CompareView
                a={current}
                b={state.compare}
                unit={state.unit}
                extras={state.extras}
                onChangeB={(b) => dispatch({ type: 'compare', config: b })}
                onPickA={(a) => dispatch({ type: 'config', config: a })}
              />
            </div>
          )}
          {state.view === 'lab' && (
            <div role="tabpanel" aria-labelledby="tab-lab">
              <div className="labs">
                <BottleneckLab unit={state.unit} measureConvs={measureConvs} />
                <FactorizationLab unit={state.unit} />
              </div>
            </div>
          )}
          {liveOpened && (
            <div role="tabpanel" aria-labelledby="tab-live" hidden={state.view !== 'live'}>
              <LivePanel exploration={current} selected={state.selected} onSelect={select} client={live} />
            </div>
          )}
          {trainOpened && (
            <div role="tabpanel" aria-labelledby="tab-train" hidden={state.view !== 'train'}>
              <TrainingPanel />
            </div>
          )}
          {classifyOpened && (
            <div role="tabpanel" aria-labelledby="tab-classify" hidden={state.view !== 'classify'}>
              <ClassifyPanel imagenet={imagenet} incoming={incoming} />
            </div>
          )}
        </main>
      )}
    </div>
  );
}

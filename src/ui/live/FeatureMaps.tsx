import { memo, useId, useRef } from 'react';
import type { ModuleCount } from '../../analysis/counts';
import type { ActivationsResult } from '../../runtime/worker/protocol';
import { FeatureMapFigure } from './FeatureMapFigure';
import type { Task } from './session';
import { MAX_CHANNELS } from './useLiveSession';
import { useElapsed } from './useElapsed';
import { useWidth } from './useWidth';

interface FeatureMapsProps {
  readonly maps: Task<ActivationsResult>;
  /** The module or layer shown. */
  readonly path: string | undefined;
  readonly modules: readonly ModuleCount[];
  readonly onSelect: (path: string) => void;
}

/** Activations of the chosen module (and of each of its branches) for the current input. */
export const FeatureMaps = memo(function FeatureMaps({ maps, path, modules, onSelect }: FeatureMapsProps) {
  const id = useId();
  const ref = useRef<HTMLElement>(null);
  const width = useWidth(ref);
  const elapsed = useElapsed(maps.status === 'busy' ? maps.since : undefined);
  const result = maps.status === 'done' ? maps.result : undefined;
  const choices = modules.map((m) => m.path);
  if (path !== undefined && !choices.includes(path)) choices.unshift(path);
  return (
    <section ref={ref} className="live-card" role="region" aria-label="Feature maps">
      <h3>Feature maps</h3>
      <div className="field live-module">
        <label htmlFor={id}>Module</label>
        <select id={id} value={path ?? ''} onChange={(event) => onSelect(event.target.value)}>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      </div>
      <p className="help">
        What the module outputs for the current input, channel by channel: at most {MAX_CHANNELS} channels per output,
        those with the highest mean activation first, each scaled to its own range (dark: low, yellow: high). The
        weights are random, so the patterns show the architecture at work, not learned features.
      </p>
      {maps.status === 'busy' && (
        <p className="muted" role="status">
          Computing the activations of {path}… {elapsed?.toFixed(1)} s
        </p>
      )}
      {width > 0 &&
        result?.maps.map((map) => <FeatureMapFigure key={map.path} map={map} parent={result.path} width={width} />)}
      {result?.skipped.map((s) => (
        <p key={s.path} className="muted">
          {s.path} outputs a vector of {s.shape.join('×')} values, not a feature map.
        </p>
      ))}
      {maps.status === 'failed' && (
        <p className="live-error" role="alert">
          Could not compute the feature maps: {maps.message}
        </p>
      )}
    </section>
  );
});

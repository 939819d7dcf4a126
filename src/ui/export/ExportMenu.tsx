import { useState } from 'react';
import type { Analysis } from '../../analysis/counts';
import { countsReport, layersCsv } from '../../analysis/report';
import type { Configuration } from '../../model';
import { exportPng, exportSvg } from '../graph/export-image';
import { defaultConfig } from '../state/url-state';
import { download } from './download';

interface ExportMenuProps {
  readonly configuration: Configuration;
  readonly analysis: Analysis;
  /** The drawn graph, when the graph view is showing. */
  readonly graphSvg: () => SVGSVGElement | null;
}

/** A file name that says what is inside: `googlenet-bn=on-branch5x5=3x3-layers.csv`. */
function baseName(configuration: Configuration, defaults: Readonly<Record<string, string>>): string {
  const changed = Object.entries(configuration.optionText)
    .filter(([key, value]) => defaults[key] !== value)
    .map(([key, value]) => `${key}=${value}`.replace(/[^\w=.-]+/g, '_'));
  return [configuration.network, ...changed].join('-');
}

/** Downloads of the per-layer table (CSV, JSON) and the graph (SVG, PNG). */
export function ExportMenu({ configuration, analysis, graphSvg }: ExportMenuProps) {
  const [problem, setProblem] = useState<string>();
  const name = baseName(configuration, defaultConfig(configuration.network).text);
  const svg = () => {
    setProblem(undefined);
    const element = graphSvg();
    if (!element) setProblem('Open the Graph view to export the drawing.');
    return element;
  };
  return (
    <div className="export" role="group" aria-label="Export">
      <span className="muted">Export</span>
      <button type="button" onClick={() => download(`${name}-layers.csv`, layersCsv(analysis), 'text/csv')}>
        CSV
      </button>
      <button
        type="button"
        onClick={() =>
          download(
            `${name}-counts.json`,
            JSON.stringify(countsReport(analysis, configuration.options), null, 2),
            'application/json',
          )
        }
      >
        JSON
      </button>
      <button
        type="button"
        onClick={() => {
          const element = svg();
          if (element) download(`${name}-graph.svg`, exportSvg(element), 'image/svg+xml');
        }}
      >
        SVG
      </button>
      <button
        type="button"
        onClick={() => {
          const element = svg();
          if (element)
            exportPng(element, 2).then(
              (blob) => download(`${name}-graph.png`, blob),
              (error: unknown) => setProblem(`Could not draw the PNG: ${String(error)}`),
            );
        }}
      >
        PNG
      </button>
      {problem && (
        <span className="export-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}

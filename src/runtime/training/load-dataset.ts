// Fetches a dataset's manifest and splits and decodes them (no tfjs: the page uses it too, for
// the validation images it draws).

import type { LabeledImages } from '../../data/dataset';
import { decodeImageSet, type ImageSetManifest } from '../../data/image-set';
import { datasetSource } from './datasets';
import type { DatasetKey } from './protocol';

export interface LoadedSplit {
  readonly manifest: ImageSetManifest;
  readonly images: LabeledImages;
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/** The dataset's manifest. */
export async function loadManifest(key: DatasetKey): Promise<ImageSetManifest> {
  return (await (await fetchOk(`${datasetSource(key).base}manifest.json`)).json()) as ImageSetManifest;
}

/** One split ("train", "test") of a dataset, decoded. */
export async function loadSplit(key: DatasetKey, split: string, manifest?: ImageSetManifest): Promise<LoadedSplit> {
  const m = manifest ?? (await loadManifest(key));
  const entry = m.splits[split];
  if (!entry) throw new Error(`${m.name} has no "${split}" split`);
  const bytes = new Uint8Array(await (await fetchOk(`${datasetSource(key).base}${entry.file}`)).arrayBuffer());
  return { manifest: m, images: decodeImageSet(bytes, m, split) };
}

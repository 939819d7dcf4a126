import { useEffect, useRef, useState } from 'react';
import type { LabeledImages } from '../../data/dataset';
import { loadSplit } from '../../runtime/training/load-dataset';
import type { DatasetKey, RunRecord } from '../../runtime/training/protocol';
import { imagesInCell, type Cell } from './confusion';

const SHOWN = 48;

/** The validation images of each dataset, fetched once (no tfjs: plain bytes). */
const cache = new Map<DatasetKey, Promise<LabeledImages>>();
const validationImages = (key: DatasetKey) => {
  let images = cache.get(key);
  if (!images) {
    images = loadSplit(key, 'test').then((s) => s.images);
    images.catch(() => cache.delete(key));
    cache.set(key, images);
  }
  return images;
};

function ImageTile({ data, index, title }: { data: LabeledImages; index: number; title: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const { width: w, height: h, channels } = data;
    const image = context.createImageData(w, h);
    const base = index * w * h * channels;
    for (let p = 0; p < w * h; p++) {
      for (let c = 0; c < 3; c++) image.data[4 * p + c] = data.pixels[base + p * channels + (channels === 3 ? c : 0)];
      image.data[4 * p + 3] = 255;
    }
    context.putImageData(image, 0, 0);
  }, [data, index]);
  return <canvas ref={canvas} width={data.width} height={data.height} className="train-tile" title={title} aria-label={title} role="img" />;
}

interface MisclassifiedProps {
  readonly run: RunRecord;
  readonly cell: Cell;
}

/** The validation images of one confusion cell, drawn from the dataset's pixels. */
export function Misclassified({ run, cell }: MisclassifiedProps) {
  const [data, setData] = useState<LabeledImages | string>();
  useEffect(() => {
    let live = true;
    validationImages(run.dataset).then(
      (images) => live && setData(images),
      (error: unknown) => live && setData(`The validation images could not be loaded: ${(error as Error).message}`),
    );
    return () => {
      live = false;
    };
  }, [run.dataset]);
  const actual = run.classNames[cell.actual];
  const predicted = run.classNames[cell.predicted];
  if (typeof data === 'string') return <p className="train-invalid">{data}</p>;
  if (!data || !run.predictions) return <p className="help">Loading the validation images…</p>;
  const labels = data.labels.subarray(0, run.predictions.length);
  const indices = imagesInCell(labels, run.predictions, cell, SHOWN);
  return (
    <div className="train-misclassified" role="region" aria-label="Misclassified images">
      <h4>
        {actual} predicted as {predicted}: {indices.length < SHOWN ? indices.length : `the first ${SHOWN}`}
      </h4>
      <div className="train-tiles">
        {indices.map((i) => (
          <ImageTile key={i} data={data} index={i} title={`validation image ${i + 1}: ${actual}, predicted ${predicted}`} />
        ))}
      </div>
    </div>
  );
}

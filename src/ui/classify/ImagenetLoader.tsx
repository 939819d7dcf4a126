import { useId, useState, type FormEvent } from 'react';
import type { ImagenetTarget } from './imagenet-target';
import type { ImagenetSource } from './useClassifier';

interface ImagenetLoaderProps {
  readonly loading: boolean;
  readonly error: string | undefined;
  readonly loaded: boolean;
  /** The network the weights go into (the sidebar's when it takes them). */
  readonly target: ImagenetTarget;
  readonly onLoad: (source: ImagenetSource) => void;
}

/**
 * ImageNet weights given by the user: a tfjs layers model converted from a framework's model,
 * from a URL or from local files (model.json and its shards).
 */
export function ImagenetLoader({ loading, error, loaded, target, onLoad }: ImagenetLoaderProps) {
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const urlId = useId();
  const filesId = useId();
  const panelId = useId();

  const fromUrl = (event: FormEvent) => {
    event.preventDefault();
    if (url.trim() !== '') onLoad({ url: url.trim() });
  };
  const fromFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const files = await Promise.all([...list].map(async (file) => ({ name: file.name, data: await file.arrayBuffer() })));
    onLoad({ files });
  };

  return (
    <div className="imagenet">
      <button type="button" className="live-secondary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        Load ImageNet weights
      </button>
      {open && (
        <div id={panelId} className="imagenet-panel">
          <p>
            {capitalized(target.weights.files)} (see the README: <code>tensorflowjs_converter</code>). Its weights load by
            layer name into {target.description}. Nothing is downloaded unless you give a URL here.
          </p>
          <form onSubmit={fromUrl} className="imagenet-url">
            <label htmlFor={urlId}>model.json URL</label>
            <input
              id={urlId}
              type="text"
              inputMode="url"
              spellCheck={false}
              placeholder={`/${target.config.network}-imagenet/model.json or https://…/model.json`}
              value={url}
              onChange={(event) => setUrl(event.target.value)}
            />
            <button type="submit" className="live-primary" disabled={loading || url.trim() === ''}>
              Load from URL
            </button>
          </form>
          <div className="field">
            <label htmlFor={filesId}>Or choose model.json and all its .bin shards</label>
            <input
              id={filesId}
              type="file"
              multiple
              accept=".json,.bin,application/json,application/octet-stream"
              disabled={loading}
              onChange={(event) => {
                void fromFiles(event.target.files);
                event.target.value = ''; // the same files can be chosen again after a fix
              }}
            />
          </div>
          {loading && <p role="status">Loading ImageNet weights…</p>}
          {!loading && loaded && !error && <p role="status">ImageNet weights loaded: “{target.shortName} · ImageNet” is selected.</p>}
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

import { useEffect, useId, useState } from 'react';
import type { ClassifyClient } from '../../runtime/classify/client';
import { BackendControl } from '../live/BackendControl';
import { CamFigure } from './CamFigure';
import { ImageInput } from './ImageInput';
import type { ImagenetTarget } from './imagenet-target';
import { ImagenetLoader } from './ImagenetLoader';
import { NetworkInputFigure } from './NetworkInputFigure';
import { PredictionList } from './PredictionList';
import { useClassifier } from './useClassifier';
import '../live/live.css';
import './classify.css';

/** A file given to the page as a whole (dropped anywhere, pasted); `serial` tells repeats apart. */
export interface IncomingImage {
  readonly blob: Blob;
  readonly name: string;
  readonly serial: number;
}

interface ClassifyPanelProps {
  /** The network ImageNet weights load into; none: no network takes them. */
  readonly imagenet: ImagenetTarget | undefined;
  readonly incoming: IncomingImage | undefined;
  /** A client to use instead of the panel's own worker (tests). */
  readonly client?: ClassifyClient;
}

/** Classify the user's photo with shipped, trained-here or ImageNet weights, and show where the network looked. */
export function ClassifyPanel({ imagenet, incoming, client }: ClassifyPanelProps) {
  const classifier = useClassifier({ imagenet: imagenet?.config, client });
  const { state, input, predictions, predictError, cam, classIndex, setImage } = classifier;
  const [opacity, setOpacity] = useState(0.5);
  const weightsId = useId();
  const { info, image } = state;

  useEffect(() => {
    if (incoming) void setImage(incoming.blob, incoming.name);
  }, [incoming, setImage]);

  return (
    <section className="classify" aria-label="Classify">
      <header className="live-head">
        <h2>Classify a photo</h2>
        <p>
          The network looks at the centre square of your image, resized to its input size. Grad-CAM shows where in a
          module's feature map it found evidence for a class. Your image never leaves this browser: it is decoded and
          classified here, in a Web Worker.
        </p>
      </header>
      <div className="classify-bar">
        <ImageInput onImage={(blob, name) => void setImage(blob, name)} onError={classifier.reportImageError} />
        <div className="field">
          <label htmlFor={weightsId}>Weights</label>
          <select
            id={weightsId}
            value={state.loading ?? info?.id ?? ''}
            disabled={state.choices.length === 0 || state.loading !== undefined}
            // Runs trained since the list was read appear when the field is used.
            onFocus={() => void classifier.refreshChoices()}
            onChange={(event) => void classifier.select(event.target.value)}
          >
            {state.choices.length === 0 && <option value="">loading…</option>}
            {state.choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <BackendControl
          info={info?.backend}
          switching={state.loading === undefined ? undefined : 'auto'}
          error={undefined}
          onChange={(choice) => info && void classifier.select(info.id, choice)}
        />
        {imagenet && (
          <ImagenetLoader
            loading={state.imagenet.loading}
            error={state.imagenet.error}
            loaded={info?.id === 'imagenet'}
            target={imagenet}
            onLoad={(source) => void classifier.loadImagenet(source)}
          />
        )}
      </div>
      <div className="classify-messages">
        {state.loading !== undefined && <p role="status">Loading the weights…</p>}
        {state.weightsError && (
          <p className="alert" role="alert">
            {state.weightsError}
          </p>
        )}
        {state.imageError && (
          <p className="alert" role="alert">
            {state.imageError}
          </p>
        )}
        {state.decoding && <p role="status">Decoding the image…</p>}
        {image && image.notes.length > 0 && (
          <ul className="image-notes" aria-label="About this image">
            {image.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
      </div>
      {info && info.classNames.length <= 20 && (
        <p className="classify-classes">
          These weights know {info.classNames.length} classes: {info.classNames.join(', ')}.
        </p>
      )}
      {!image ? (
        <p className="classify-empty">Upload an image, drop one anywhere on the page, or paste one (Ctrl+V).</p>
      ) : (
        <div className="classify-results">
          <div className="classify-input">
            <p className="image-facts">
              {image.name} · {image.format} · {image.width}×{image.height}
            </p>
            {input && <NetworkInputFigure input={input} preparation={info?.preparation} />}
          </div>
          {info && (
            <CamFigure
              image={image}
              cam={cam}
              className={cam ? info.classNames[cam.classIndex] : undefined}
              error={state.camError}
              modules={info.camModules}
              module={state.camModule ?? info.defaultCamModule}
              opacity={opacity}
              onModule={classifier.pickModule}
              onOpacity={setOpacity}
            />
          )}
          {predictions ? (
            <PredictionList
              top={predictions.top}
              milliseconds={predictions.milliseconds}
              backend={predictions.backend}
              selected={classIndex}
              onPick={classifier.pickClass}
            />
          ) : predictError ? (
            <p className="alert" role="alert">
              {predictError}
            </p>
          ) : (
            <p role="status">Classifying…</p>
          )}
        </div>
      )}
    </section>
  );
}

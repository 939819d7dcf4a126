// The Classify tab's state: the weights in use (loaded in the classify worker), the user's image
// decoded here on the page, and what the worker answers about it. A new image or new weights
// re-predict; a prediction, a clicked class or another module recomputes Grad-CAM. Answers that
// arrive after what they answer has changed are dropped.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { decodeImage, type DecodedImage } from '../../image/decode';
import { networkPixels } from '../../image/crop';
import { createClassifyClient, type ClassifyClient } from '../../runtime/classify/client';
import type { CamResult, ClassifierInfo, PickedFile, PredictResult, WeightsChoice } from '../../runtime/classify/protocol';
import type { ConfigText } from '../../model';
import type { BackendChoice } from '../../runtime/worker/protocol';

/** The image as the network sees it. */
export interface NetworkInput {
  readonly rgb: Uint8Array;
  readonly preview: ImageData;
  readonly size: number;
}

export interface ClassifyState {
  readonly choices: readonly WeightsChoice[];
  readonly info?: ClassifierInfo;
  /** Weights or a backend being loaded: what, for the status line. */
  readonly loading?: string;
  readonly weightsError?: string;
  readonly image?: DecodedImage;
  readonly imageError?: string;
  readonly decoding: boolean;
  /** The last prediction, with the input and weights it answers. */
  readonly predicted?: { readonly input: NetworkInput; readonly info: ClassifierInfo; readonly result: PredictResult };
  readonly predictError?: string;
  /** The class Grad-CAM explains: the top class unless the user clicked another. */
  readonly camClass?: number;
  readonly camModule?: string;
  readonly cam?: { readonly input: NetworkInput; readonly result: CamResult };
  readonly camError?: string;
  /** ImageNet weights: loading, or the last failure. */
  readonly imagenet: { readonly loading: boolean; readonly error?: string };
}

export type ImagenetSource = { readonly url: string } | { readonly files: readonly PickedFile[] };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The worker resolves URLs against its own script's, so a URL typed relative to the page is made absolute here. */
function absolute(source: ImagenetSource): ImagenetSource {
  if (!('url' in source)) return source;
  try {
    return { url: new URL(source.url, window.location.href).href };
  } catch {
    throw new Error(`“${source.url}” is not a URL. Give the address of model.json, e.g. https://example.org/imagenet/model.json.`);
  }
}

/** New weights: their default Grad-CAM module; the old answers (other classes, other modules) go. */
const fresh = (info: ClassifierInfo): Partial<ClassifyState> => ({
  info,
  camModule: info.defaultCamModule,
  camClass: undefined,
  cam: undefined,
  camError: undefined,
});

export function useClassifier(options: { readonly imagenet: ConfigText | undefined; readonly client?: ClassifyClient }) {
  const [client] = useState(() => options.client ?? createClassifyClient());
  useEffect(() => (options.client ? undefined : () => client.terminate()), [client, options.client]);
  const [state, setState] = useState<ClassifyState>({ choices: [], decoding: false, imagenet: { loading: false } });
  const patch = useCallback((change: Partial<ClassifyState>) => setState((s) => ({ ...s, ...change })), []);
  const backend = useRef<BackendChoice>('auto');
  const imageSerial = useRef(0);

  const refreshChoices = useCallback(
    () => client.call('choices', {}).then((choices) => patch({ choices }), (error: unknown) => patch({ weightsError: message(error) })),
    [client, patch],
  );

  const select = useCallback(
    async (id: string, choice: BackendChoice = backend.current) => {
      backend.current = choice;
      patch({ loading: id, weightsError: undefined });
      try {
        const info = await client.call('select', { id, backend: choice });
        setState((s) => ({ ...s, ...fresh(info), loading: undefined }));
      } catch (error) {
        patch({ loading: undefined, weightsError: message(error) });
      }
    },
    [client, patch],
  );

  // The weights on offer, then the first of them (the first network's shipped weights).
  useEffect(() => {
    let live = true;
    void client.call('choices', {}).then(
      (choices) => {
        if (!live) return;
        patch({ choices });
        if (choices.length > 0) void select(choices[0].id);
      },
      (error: unknown) => live && patch({ weightsError: message(error) }),
    );
    return () => {
      live = false;
    };
  }, [client, patch, select]);

  /** Decodes a picked, dropped or pasted file; a bad one leaves the previous image in place. */
  const setImage = useCallback(
    async (blob: Blob, name: string) => {
      const serial = ++imageSerial.current;
      patch({ decoding: true, imageError: undefined });
      try {
        const image = await decodeImage(blob, name);
        if (serial !== imageSerial.current) return image.bitmap.close();
        setState((s) => {
          s.image?.bitmap.close();
          return { ...s, image, decoding: false, camClass: undefined };
        });
      } catch (error) {
        if (serial === imageSerial.current) patch({ decoding: false, imageError: message(error) });
      }
    },
    [patch],
  );

  // The network's view of the image: recomputed when the image or the input size changes.
  const { image, info } = state;
  const size = info?.inputSize;
  const prepared = useMemo(() => {
    if (!image || size === undefined) return undefined;
    try {
      return { input: { ...networkPixels(image, size), size } };
    } catch (error) {
      return { error: `The image could not be prepared for the network: ${message(error)}` };
    }
  }, [image, size]);
  const input = prepared?.input;

  // Predict when the input or the weights change. Answers are kept with the input and weights
  // they answer, so an old answer is never shown for a new image.
  useEffect(() => {
    if (!input || !info || input.size !== info.inputSize) return;
    let live = true;
    client.call('predict', { rgb: input.rgb, size: input.size }).then(
      (result) => live && patch({ predicted: { input, info, result }, predictError: undefined }),
      (error: unknown) => live && patch({ predicted: undefined, predictError: message(error) }),
    );
    return () => {
      live = false;
    };
  }, [client, input, info, patch]);
  const predictions = state.predicted?.input === input && state.predicted?.info === info ? state.predicted?.result : undefined;

  // Grad-CAM for the chosen (or top) class at the chosen module.
  const { camClass, camModule } = state;
  const classIndex = camClass ?? predictions?.top[0]?.index;
  useEffect(() => {
    if (!input || !predictions || classIndex === undefined || camModule === undefined) return;
    let live = true;
    client.call('gradCam', { rgb: input.rgb, size: input.size, classIndex, module: camModule }).then(
      (result) => live && patch({ cam: { input, result }, camError: undefined }),
      (error: unknown) => live && patch({ cam: undefined, camError: `Grad-CAM failed: ${message(error)}` }),
    );
    return () => {
      live = false;
    };
  }, [client, input, predictions, classIndex, camModule, patch]);
  const cam = state.cam?.input === input ? state.cam?.result : undefined;

  const loadImagenet = useCallback(
    async (source: ImagenetSource) => {
      const config = options.imagenet;
      if (!config) return; // no network takes ImageNet weights: the panel offers none
      patch({ imagenet: { loading: true } });
      try {
        const info = await client.call('loadImagenet', { source: absolute(source), config, backend: backend.current });
        setState((s) => ({ ...s, ...fresh(info), imagenet: { loading: false } }));
        await refreshChoices();
      } catch (error) {
        patch({ imagenet: { loading: false, error: message(error) } });
      }
    },
    [client, options.imagenet, patch, refreshChoices],
  );

  return {
    state,
    input,
    predictions,
    predictError: prepared?.error ?? state.predictError,
    cam,
    classIndex,
    select,
    setImage,
    refreshChoices,
    loadImagenet,
    pickClass: (index: number) => patch({ camClass: index }),
    pickModule: (module: string) => patch({ camModule: module }),
    reportImageError: (text: string) => patch({ imageError: text }),
  };
}

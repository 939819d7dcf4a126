// The webcam as a source of one photo: start a stream, grab a frame, stop. Failures become a
// sentence saying what happened and what to do (getUserMedia reports them as DOMException names).

/** The browser can ask for a camera at all (not in an insecure page or an old browser). */
export const cameraAvailable = (): boolean => typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';

/** Asks for a camera, preferring the one facing away from the user on a phone. */
export function openCamera(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
}

/** Turns the camera (and its light) off. */
export function stopCamera(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** The video's current frame as a PNG (lossless: the network sees what the camera saw). */
export function capturePhoto(video: HTMLVideoElement): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')?.drawImage(video, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The camera gave no picture yet. Wait a moment and try again.'))), 'image/png'),
  );
}

/** What to tell the user when the camera could not start. */
export function cameraErrorMessage(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      return 'Camera access was denied. Allow the camera for this page in the browser’s site settings, or upload a photo instead.';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found. Connect one, or upload a photo instead.';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'The camera could not start: another application may be using it. Close that application, or upload a photo instead.';
    case 'SecurityError':
      return 'The camera is only available on a secure page (https or localhost). Upload a photo instead.';
    default:
      return `The camera could not start${error instanceof Error && error.message ? ` (${error.message})` : ''}. Upload a photo instead.`;
  }
}

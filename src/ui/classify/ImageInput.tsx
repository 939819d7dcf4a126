import { useEffect, useId, useRef, useState } from 'react';
import { cameraAvailable, cameraErrorMessage, capturePhoto, openCamera, stopCamera } from '../../image/camera';
import './image-input.css';

interface ImageInputProps {
  /** A file, or a webcam photo; not decoded here (decodeImage tells what is wrong with it). */
  readonly onImage: (blob: Blob, name: string) => void;
  readonly onError: (message: string) => void;
}

/**
 * Formats a file picker may not class as image/* (HEIC on Windows, for one). Any file can still
 * be chosen through "All files": the decoder explains what is wrong with it.
 */
const ACCEPT = 'image/*,.heic,.heif,.avif,.webp,.svg,.bmp,.ico,.tif,.tiff';

/** An "Upload image" picker and, where the browser has one, the webcam. */
export function ImageInput({ onImage, onError }: ImageInputProps) {
  const fileId = useId();
  const [camera, setCamera] = useState<MediaStream | 'starting'>();
  const video = useRef<HTMLVideoElement>(null);
  // Bumped by Cancel and unmount, so that a camera granted after them is turned off at once.
  const attempt = useRef(0);
  const stream = camera === 'starting' ? undefined : camera;

  useEffect(() => {
    const attempts = attempt;
    return () => {
      attempts.current += 1;
    };
  }, []);

  useEffect(() => {
    if (!stream) return;
    if (video.current) video.current.srcObject = stream;
    return () => stopCamera(stream); // on "Take photo", "Cancel" and unmount alike
  }, [stream]);

  const startCamera = async () => {
    const current = ++attempt.current;
    setCamera('starting');
    try {
      const opened = await openCamera();
      if (current === attempt.current) setCamera(opened);
      else stopCamera(opened);
    } catch (error) {
      if (current !== attempt.current) return;
      setCamera(undefined);
      onError(cameraErrorMessage(error));
    }
  };
  const cancel = () => {
    attempt.current += 1;
    setCamera(undefined);
  };
  const takePhoto = async () => {
    if (!video.current) return;
    try {
      const photo = await capturePhoto(video.current);
      setCamera(undefined);
      onImage(photo, 'webcam photo');
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error)); // no frame yet: says to wait
    }
  };

  return (
    <div className="image-input">
      <div className="image-input-row">
        <label className="image-input-button" htmlFor={fileId}>
          Upload image
        </label>
        <input
          id={fileId}
          className="image-input-file"
          type="file"
          accept={ACCEPT}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = ''; // so that choosing the same file again is a change too
            if (file) onImage(file, file.name);
          }}
        />
        {cameraAvailable() && !camera && (
          <button type="button" className="live-secondary" onClick={() => void startCamera()}>
            Use webcam
          </button>
        )}
      </div>
      <p className="help">or drop an image anywhere on the page, or paste one</p>
      {camera && (
        <div className="image-input-camera">
          <video ref={video} aria-label="Webcam" autoPlay playsInline muted />
          <div className="image-input-row">
            <button type="button" className="live-primary" disabled={!stream} onClick={() => void takePhoto()}>
              {stream ? 'Take photo' : 'Starting the camera…'}
            </button>
            <button type="button" className="live-secondary" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

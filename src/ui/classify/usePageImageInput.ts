// Images given to the page as a whole: files dropped anywhere, and pasted images. Dropped files
// that are not images still go to `onImage`, so that decodeImage can say what is wrong with them.

import { useEffect, useRef } from 'react';

/** On <body> while files are dragged over the page (styled in image-input.css). */
export const DRAGGING_CLASS = 'image-dragging';

/** Listens on window for dropped and pasted files while `enabled`. */
export function usePageImageInput(onImage: (blob: Blob, name: string) => void, enabled = true): void {
  // The latest callback, so that a new function each render does not re-add the listeners.
  const latest = useRef(onImage);
  useEffect(() => {
    latest.current = onImage;
  }, [onImage]);

  useEffect(() => {
    if (!enabled) return;
    // dragenter/dragleave fire for every element crossed; counting them tells when the drag has
    // left the window.
    let depth = 0;
    const dragging = (on: boolean) => document.body.classList.toggle(DRAGGING_CLASS, on);
    // Dragged text and links are left alone: they may be meant for a text field. So are files
    // dropped on a file control (model files in the Train tab, ImageNet weights): the browser
    // gives them to that control.
    const onFileControl = (event: Event) => event.target instanceof HTMLInputElement && event.target.type === 'file';
    const carriesFiles = (event: DragEvent) => !onFileControl(event) && (event.dataTransfer?.types.includes('Files') ?? false);

    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      dragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) dragging(false);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault(); // marks the page as a drop target
      event.dataTransfer!.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault(); // otherwise the browser leaves the page to show the file
      depth = 0;
      dragging(false);
      const file = firstFile(event.dataTransfer?.files);
      if (file) latest.current(file, file.name);
    };
    const paste = (event: ClipboardEvent) => {
      const file = firstFile(event.clipboardData?.files);
      if (!file) return; // text: leave it to whatever has focus
      event.preventDefault();
      latest.current(file, 'pasted image');
    };

    const listeners = [
      ['dragenter', enter],
      ['dragleave', leave],
      ['dragover', over],
      ['drop', drop],
      ['paste', paste],
    ] as const;
    for (const [type, listener] of listeners) window.addEventListener(type, listener as EventListener);
    return () => {
      for (const [type, listener] of listeners) window.removeEventListener(type, listener as EventListener);
      dragging(false);
    };
  }, [enabled]);
}

/** The first image file, else the first file of any kind. */
function firstFile(files: FileList | undefined): File | undefined {
  const all = [...(files ?? [])];
  return all.find((file) => file.type.startsWith('image/')) ?? all[0];
}

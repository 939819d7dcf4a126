import { useState } from 'react';

interface UploadRunProps {
  readonly onUpload: (modelJson: string, weights: ArrayBuffer) => Promise<void>;
}

/** Picks model.json and weights.bin (both at once) and adds them as a run. */
export function UploadRun({ onUpload }: UploadRunProps) {
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const pick = async (files: FileList | null) => {
    setProblem(undefined);
    const list = [...(files ?? [])];
    const json = list.find((f) => f.name.endsWith('.json'));
    const bin = list.find((f) => f.name.endsWith('.bin'));
    if (!json || !bin || list.length !== 2) {
      setProblem(`Choose two files together: model.json and weights.bin (got ${list.map((f) => f.name).join(', ') || 'none'}).`);
      return;
    }
    setBusy(true);
    try {
      await onUpload(await json.text(), await bin.arrayBuffer());
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="train-upload">
      <label htmlFor="train-upload">Upload model.json + weights.bin</label>
      <input id="train-upload" type="file" multiple accept=".json,.bin" disabled={busy} onChange={(e) => void pick(e.target.files)} />
      {busy && <span className="help">Loading and evaluating…</span>}
      {problem && (
        <p className="train-invalid" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

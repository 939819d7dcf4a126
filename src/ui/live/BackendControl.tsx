import { memo, useId } from 'react';
import { BACKEND_NAMES, type BackendChoice, type BackendInfo } from '../../runtime/worker/protocol';
import { BACKEND_LABELS, backendDetails } from './live-format';

interface BackendControlProps {
  readonly info: BackendInfo | undefined;
  /** A backend being started. */
  readonly switching: BackendChoice | undefined;
  readonly error: string | undefined;
  readonly onChange: (choice: BackendChoice) => void;
}

/** The manual backend switch, the WebGL renderer, and why the automatic choice was made. */
export const BackendControl = memo(function BackendControl({ info, switching, error, onChange }: BackendControlProps) {
  const id = useId();
  const value = switching && switching !== 'auto' ? switching : (info?.name ?? '');
  return (
    <div className="live-backend">
      <div className="field">
        <label htmlFor={id}>Backend</label>
        <select
          id={id}
          value={value}
          disabled={!info || switching !== undefined}
          onChange={(event) => onChange(event.target.value as BackendChoice)}
        >
          {!info && <option value="">starting…</option>}
          {BACKEND_NAMES.map((name) => (
            <option key={name} value={name}>
              {BACKEND_LABELS[name]}
            </option>
          ))}
        </select>
      </div>
      {info && (
        <dl className="live-env">
          <div>
            <dt>Running on</dt>
            <dd>
              {BACKEND_LABELS[info.name]} · {backendDetails(info)}
            </dd>
          </div>
          <div>
            <dt>WebGL renderer</dt>
            <dd>
              <code>{info.renderer ?? 'none (no WebGL)'}</code>
            </dd>
          </div>
          {info.name === 'wasm' && !info.isolated && (
            <div>
              <dt>Threads</dt>
              <dd>one: the page is not cross-origin isolated, so WASM cannot share memory between threads</dd>
            </div>
          )}
        </dl>
      )}
      {info?.note && (
        <p className="live-note" role="note">
          {info.note}
        </p>
      )}
      {error && (
        <p className="live-error" role="alert">
          Could not switch the backend: {error}
        </p>
      )}
    </div>
  );
});

interface CompareAlertProps {
  readonly side: 'A' | 'B';
  readonly message: string;
}

/** Why A or B cannot be built; the last good comparison stays below it. */
export function CompareAlert({ side, message }: CompareAlertProps) {
  return (
    <div className="alert compare-alert" role="alert">
      <strong>Cannot build configuration {side}.</strong> {message}
      <span className="stale-note"> The comparison below is from the last valid configurations.</span>
    </div>
  );
}

interface ErrorAlertProps {
  readonly message: string;
}

/** Why the current options cannot be built; the last good results stay below it. */
export function ErrorAlert({ message }: ErrorAlertProps) {
  return (
    <div className="alert" role="alert">
      <strong>Cannot build this configuration.</strong> {message}
      <span className="stale-note"> The numbers below are from the last valid configuration.</span>
    </div>
  );
}

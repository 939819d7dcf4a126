interface LabIssuesProps {
  readonly issues: readonly { readonly message: string }[];
  /** What cannot be computed: `Cannot compute this layer.` */
  readonly title?: string;
}

/** Why a lab cannot compute the current input; each message names its field. */
export function LabIssues({ issues, title = 'Cannot compute this layer.' }: LabIssuesProps) {
  return (
    <div className="alert lab-alert" role="alert">
      <strong>{title}</strong>
      <ul>
        {issues.map((issue) => (
          <li key={issue.message}>{issue.message}</li>
        ))}
      </ul>
      <span className="stale-note">The numbers below are from the last valid input.</span>
    </div>
  );
}

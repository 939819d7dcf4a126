import type { LabIssue } from '../../analysis/bottleneck';

interface LabIssuesProps {
  readonly issues: readonly LabIssue[];
}

/** Why the lab cannot compute the current input; each message names its field. */
export function LabIssues({ issues }: LabIssuesProps) {
  return (
    <div className="alert lab-alert" role="alert">
      <strong>Cannot compute this layer.</strong>
      <ul>
        {issues.map((issue) => (
          <li key={issue.message}>{issue.message}</li>
        ))}
      </ul>
      <span className="stale-note">The numbers below are from the last valid input.</span>
    </div>
  );
}

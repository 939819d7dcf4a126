interface NoticesProps {
  readonly notices: readonly string[];
  readonly onDismiss: () => void;
}

/** What the link asked for but the page could not honour; the page shows defaults instead. */
export function Notices({ notices, onDismiss }: NoticesProps) {
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="status" aria-label="Notices">
      <ul>
        {notices.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

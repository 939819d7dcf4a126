import type { ViewName } from '../state/view';

interface SkipLinkProps {
  readonly view: ViewName;
}

/**
 * The page's first stop for the keyboard, shown when focused: past the sidebar's many switches
 * to the graph's focused box (the graph view) or to the views' tabs (the others).
 */
export function SkipLink({ view }: SkipLinkProps) {
  const graph = view === 'graph';
  return (
    <a
      className="skip-link"
      href={graph ? '#graph' : `#tab-${view}`}
      onClick={(event) => {
        event.preventDefault(); // the URL holds the view state, not an anchor
        const target = graph
          ? document.querySelector<SVGGElement>('[aria-label="Graph"] [data-id][tabindex="0"]')
          : document.getElementById(`tab-${view}`);
        target?.focus();
      }}
    >
      {graph ? 'Skip to the graph' : 'Skip to the views'}
    </a>
  );
}

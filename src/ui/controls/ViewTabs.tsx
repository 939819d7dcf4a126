import type { ViewName } from '../state/view';

const TABS: readonly { readonly view: ViewName; readonly label: string }[] = [
  { view: 'graph', label: 'Graph' },
  { view: 'table', label: 'Table' },
  { view: 'compare', label: 'Compare' },
  { view: 'lab', label: 'Bottleneck lab' },
  { view: 'live', label: 'Live' },
  { view: 'train', label: 'Train' },
  { view: 'classify', label: 'Classify' },
];

interface ViewTabsProps {
  readonly view: ViewName;
  readonly onView: (view: ViewName) => void;
}

/** The page's views; arrow keys move between tabs, as the ARIA tabs pattern expects. */
export function ViewTabs({ view, onView }: ViewTabsProps) {
  const move = (delta: number) => {
    const i = TABS.findIndex((t) => t.view === view);
    const next = TABS[(i + delta + TABS.length) % TABS.length];
    onView(next.view);
    document.getElementById(`tab-${next.view}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="Views">
      {TABS.map((tab) => (
        <button
          key={tab.view}
          id={`tab-${tab.view}`}
          type="button"
          role="tab"
          aria-selected={tab.view === view}
          tabIndex={tab.view === view ? 0 : -1}
          onClick={() => onView(tab.view)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowRight') move(1);
            if (event.key === 'ArrowLeft') move(-1);
          }}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

import type { Theme } from './useTheme';

/** Switches between the light and dark themes. */
export function ThemeToggle(props: { theme: Theme; onToggle: () => void }): React.JSX.Element {
  const next = props.theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="btn btn--icon theme-toggle"
      data-testid="theme-toggle"
      aria-label={`Switch to the ${next} theme`}
      title={`Switch to the ${next} theme`}
      onClick={props.onToggle}
    >
      {props.theme === 'dark' ? '☀' : '☾'}
    </button>
  );
}

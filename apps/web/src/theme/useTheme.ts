import { useCallback, useEffect, useState } from 'react';

/** The two colour themes. */
export type Theme = 'light' | 'dark';

const storageKey = 'meshlens.theme';

/** The remembered choice, else the system preference. */
export function initialTheme(): Theme {
  try {
    const saved = window.localStorage.getItem(storageKey);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // Storage can be blocked (private mode); fall back to the system preference.
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies the theme as `data-theme` on `<html>` (the CSS variables key off it). */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

/** Current theme and a toggle that remembers the choice. */
export function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  useEffect(() => applyTheme(theme), [theme]);
  const toggle = useCallback(() => {
    setTheme((t) => {
      const next = t === 'dark' ? 'light' : 'dark';
      try {
        window.localStorage.setItem(storageKey, next);
      } catch {
        // Not remembered, but still switched.
      }
      return next;
    });
  }, []);
  return [theme, toggle];
}

import { describe, expect, it } from 'vitest';
import { canOpenBrowser } from './openBrowser';

describe('canOpenBrowser', () => {
  it('never opens in CI', () => {
    expect(canOpenBrowser({ CI: 'true', DISPLAY: ':0' }, 'linux')).toBe(false);
    expect(canOpenBrowser({ CI: '1' }, 'darwin')).toBe(false);
  });

  it('on Linux, opens only with a display', () => {
    expect(canOpenBrowser({}, 'linux')).toBe(false);
    expect(canOpenBrowser({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(canOpenBrowser({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
  });

  it('opens on desktop systems without DISPLAY', () => {
    expect(canOpenBrowser({}, 'darwin')).toBe(true);
    expect(canOpenBrowser({ CI: 'false' }, 'win32')).toBe(true);
  });
});

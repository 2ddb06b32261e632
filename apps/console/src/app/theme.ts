import { createTheme, type CSSVariablesResolver, darken } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 and darker keep white text on filled buttons above WCAG AA's 4.5:1.
  primaryShade: 7,
  defaultRadius: 'sm',
  // People who ask their system for reduced motion get dialogs and notifications without transitions.
  respectReducedMotion: true,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  // Close buttons are icons: give them a name (plain objects, so that the theme imports no component).
  components: {
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    // A loader is a bare <span>: the name pages give it (aria-label) is only allowed with a role, and
    // axe fails a page caught while one shows ("Evaluating…" after a refused report, in CI).
    Loader: { defaultProps: { role: 'status' } },
  },
});

/**
 * Colours Mantine's defaults leave under WCAG AA's 4.5:1 on white (axe checks every page,
 * test/console-accessibility.browser.e2e-spec.ts): "dimmed" text (gray 6 → 7), field errors (red 6 → 9)
 * and the text of the `light` variant (badges, alerts, the active navigation link: each colour's
 * shade 9, darker still).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-error': t.colors.red[9],
    ...Object.fromEntries(
      Object.entries(t.colors).map(([name, shades]) => [`--mantine-color-${name}-light-color`, darken(shades[9], 0.3)]),
    ),
  },
  dark: {},
});

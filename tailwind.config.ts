import type { Config } from 'tailwindcss';
import colors from 'tailwindcss/colors';

/**
 * The colours the dashboard's charts use (components/beheer/reports/colors.ts). Tremor builds its class names at run
 * time (`fill-${color}-500`), so Tailwind cannot find them in the sources: without this safelist bars and legend dots
 * are black. Only these colours, to keep the CSS small.
 */
const CHART_COLORS = ['blue', 'emerald', 'amber', 'violet', 'rose', 'cyan', 'slate'];

const config: Config = {
  content: [
    './app/**/*.{ts,tsx}',
    './components/**/*.{ts,tsx}',
    './lib/**/*.{ts,tsx}',
    // Tremor's components carry their own Tailwind classes (charts on /beheer/rapportage only).
    './node_modules/@tremor/**/*.{js,ts,jsx,tsx}',
  ],
  safelist: [{ pattern: new RegExp(`^(bg|text|fill|stroke)-(${CHART_COLORS.join('|')})-500$`) }],
  theme: {
    extend: {
      colors: {
        brand: { 50: '#eef6f3', 100: '#d5ebe2', 600: '#1f6f56', 700: '#185a46', 800: '#134636', 900: '#0e3328' },
        // Tremor's theme (its install guide), light mode only like the rest of the back-office.
        tremor: {
          brand: { faint: colors.blue[50], muted: colors.blue[200], subtle: colors.blue[400], DEFAULT: colors.blue[500], emphasis: colors.blue[700], inverted: colors.white },
          background: { muted: colors.gray[50], subtle: colors.gray[100], DEFAULT: colors.white, emphasis: colors.gray[700] },
          border: { DEFAULT: colors.gray[200] },
          ring: { DEFAULT: colors.gray[200] },
          // Axis labels: gray-600 rather than Tremor's gray-500, for contrast on small text.
          content: { subtle: colors.gray[500], DEFAULT: colors.gray[600], emphasis: colors.gray[700], strong: colors.gray[900], inverted: colors.white },
        },
      },
      boxShadow: {
        'tremor-input': '0 1px 2px 0 rgb(0 0 0 / 0.05)',
        'tremor-card': '0 1px 3px 0 rgb(0 0 0 / 0.1), 0 1px 2px -1px rgb(0 0 0 / 0.1)',
        'tremor-dropdown': '0 4px 6px -1px rgb(0 0 0 / 0.1), 0 2px 4px -2px rgb(0 0 0 / 0.1)',
      },
      borderRadius: { 'tremor-small': '0.375rem', 'tremor-default': '0.5rem', 'tremor-full': '9999px' },
      fontSize: {
        'tremor-label': ['0.75rem', { lineHeight: '1rem' }],
        'tremor-default': ['0.875rem', { lineHeight: '1.25rem' }],
        'tremor-title': ['1.125rem', { lineHeight: '1.75rem' }],
        'tremor-metric': ['1.875rem', { lineHeight: '2.25rem' }],
      },
      fontFamily: {
        sans: ['system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'Helvetica Neue', 'Arial', 'sans-serif'],
      },
    },
  },
  plugins: [],
};
export default config;

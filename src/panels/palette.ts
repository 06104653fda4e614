/**
 * The colours of the Portfolio panel's slices and bars: each slice its own colour in every theme (light, dark,
 * High Contrast), not only its own pattern. From the theme's six chart colours: each as the theme gives it, then
 * each mixed with the editor's foreground (a lighter shade on dark themes, a darker one on light themes), then
 * each mixed with the next; past those eighteen, hues a golden angle apart. CSS colour values, no DOM: shared by
 * the webview and its tests.
 */
export const THEME_CHART_COLOURS = ['--vscode-charts-blue', '--vscode-charts-green', '--vscode-charts-orange', '--vscode-charts-purple', '--vscode-charts-yellow', '--vscode-charts-red'] as const;

/**
 * VS Code's own defaults for those six, for a theme that leaves one out (High Contrast here had no
 * --vscode-charts-orange: its slices drew black on black).
 */
const CHART_FALLBACKS = ['#3794ff', '#89d185', '#d18616', '#b180d7', '#cca700', '#f14c4c'] as const;

/** The colour of the `i`th slice: distinct from every other index's. */
export function sliceColour(i: number): string {
  const n = THEME_CHART_COLOURS.length;
  const base = (k: number): string => `var(${THEME_CHART_COLOURS[k % n] ?? '--vscode-charts-blue'}, ${CHART_FALLBACKS[k % n] ?? '#3794ff'})`;
  if (i < n) return base(i);
  if (i < 2 * n) return `color-mix(in srgb, ${base(i)} 55%, var(--vscode-editor-foreground, #888))`;
  if (i < 3 * n) return `color-mix(in srgb, ${base(i)} 50%, ${base(i + 1)})`;
  return `hsl(${((i - 3 * n) * 137.508) % 360}deg 60% 55%)`;
}

/** The colour of an earnings series: one per product, fixed (Simple Earn green, OKUSD blue). */
export function seriesColour(key: 'savings' | 'okusd'): string {
  return key === 'savings' ? 'var(--vscode-charts-green)' : 'var(--vscode-charts-blue)';
}

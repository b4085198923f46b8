export { layoutTree } from './layout.js';
export type * from './scene.js';
export { resolveOptions, TIME_SCALES, type LayoutOptions, type TimeScaleKind } from './options.js';
export { THEMES, PALETTES, type ThemeName, type Palette } from './theme.js';
export { LANGS, STRINGS, type Lang } from './i18n.js';
export { textWidth, cells, hasWide, FONT_FAMILY, CJK_FONT_FAMILY, ADVANCE } from './text.js';
export { timeScale, densestWindow, type TimeScale } from './time-scale.js';
export { initials, idColor } from './marks.js';

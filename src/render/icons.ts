/**
 * Organisation icons are small SVG files of our own making. They are embedded after being parsed
 * strictly and rebuilt from an allow-list of drawing elements and attributes (src/catalog/icon.ts):
 * no scripts, styles, event handlers, animations, foreign content or external references survive.
 */
export { parseIcon, type IconSvg } from '../catalog/icon.js';

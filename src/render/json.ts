/** The scene as stable, indented JSON (`--format json`). */
import type { Scene } from '../layout/index.js';

export function sceneJson(scene: Scene): string {
  return JSON.stringify(scene, (_k, v) => (v === undefined ? undefined : v), 2) + '\n';
}

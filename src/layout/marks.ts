/** Organisation marks: the catalog's icon when it has one, else a compact badge with initials. */
import type { Organization } from '../catalog/core.js';
import type { OrgMark } from './scene.js';
import { textWidth } from './text.js';

export const MARK_SIZE = 16;
export const BADGE_FONT = 8;

/** Initials of an organisation name: up to three capitals ("Google DeepMind" → "GD", "EleutherAI" → "E"). */
export function initials(name: string): string {
  const words = name.split(/[\s\-_/.&]+/).filter(Boolean);
  const caps = words.map((w) => [...w][0]!.toUpperCase()).join('');
  return [...caps].slice(0, 3).join('') || '?';
}

/** A stable colour from an id (FNV-1a hash → hue). */
export function idColor(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return hsl((h % 360) / 360, 0.45, 0.42);
}

function hsl(h: number, s: number, l: number): string {
  const f = (n: number) => {
    const k = (n + h * 12) % 12;
    const a = s * Math.min(l, 1 - l);
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255).toString(16).padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`.toUpperCase();
}

/** An organisation mark before it is placed: the scene's OrgMark without a position. */
export type MarkShape = Omit<OrgMark, 'x' | 'y'>;

export function markShape(orgId: string, org: Organization | undefined): MarkShape {
  const name = org?.name ?? orgId;
  if (org?.icon) return { org: orgId, name, kind: 'icon', icon: org.icon, color: idColor(orgId), w: MARK_SIZE, h: MARK_SIZE };
  const text = org?.badge ?? initials(name);
  const w = Math.max(MARK_SIZE, Math.ceil(textWidth(text, BADGE_FONT) + 6));
  return { org: orgId, name, kind: 'badge', text, color: idColor(orgId), w, h: MARK_SIZE - 2 };
}

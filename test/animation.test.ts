import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import UPNG from 'upng-js';
import { GifReader } from 'omggif';
import { loadCatalog, filterModels } from '../src/catalog/index.js';
import { growthFrames, type Scene } from '../src/layout/index.js';
import { frameRasters, drawRegion, changedRegions, wholeFrames } from '../src/render/frames.js';
import { scenesToGif } from '../src/render/gif.js';
import { scenesToApng } from '../src/render/apng.js';
import { readIcons } from '../src/cli/render.js';
import { renderInProcess } from './helpers.js';
import { UsageError } from '../src/cli/errors.js';

const MINI = 'test/fixtures/figure/mini';
const mini = loadCatalog(MINI).catalog;
const miniScenes = growthFrames(mini, mini.models, {}, 'year').map((f) => f.scene);
const icons = readIcons(mini, miniScenes[miniScenes.length - 1]);

/** Mean and largest absolute difference of two RGBA rasters, colour channels only. */
function diff(a: Uint8Array, b: Uint8Array): { mean: number; max: number } {
  expect(a.length).toBe(b.length);
  let sum = 0, max = 0, n = 0;
  for (let i = 0; i < a.length; i++) {
    if (i % 4 === 3) continue;
    const d = Math.abs(a[i] - b[i]);
    sum += d;
    n++;
    if (d > max) max = d;
  }
  return { mean: sum / n, max };
}

/** Each frame drawn whole, the slow way the incremental drawing must agree with. */
function whole(scene: Scene, width: number, height: number): Uint8Array {
  return drawRegion(scene, { x: 0, y: 0, w: width, h: height }, width / scene.width, icons).data;
}

function gifFrames(bytes: Uint8Array): { reader: GifReader; frames: Uint8Array[] } {
  const reader = new GifReader(Buffer.from(bytes));
  const canvas = new Uint8Array(reader.width * reader.height * 4);
  const frames: Uint8Array[] = [];
  for (let i = 0; i < reader.numFrames(); i++) {
    reader.decodeAndBlitFrameRGBA(i, canvas);
    frames.push(canvas.slice());
  }
  return { reader, frames };
}

function apngFrames(bytes: Uint8Array): { img: UPNG.Image; frames: Uint8Array[] } {
  const img = UPNG.decode(bytes.slice().buffer);
  return { img, frames: UPNG.toRGBA8(img).map((f) => new Uint8Array(f)) };
}

describe('incremental animation frames', () => {
  it('match each frame drawn whole (mini catalog)', () => {
    const r = frameRasters(miniScenes, { width: 480, icons });
    let i = 0;
    for (const f of wholeFrames(r)) {
      const d = diff(f, whole(miniScenes[i], r.width, r.height));
      expect(d.max, `frame ${i}`).toBeLessThanOrEqual(32); // anti-aliasing differences only
      expect(d.mean, `frame ${i}`).toBeLessThan(0.05);
      i++;
    }
    expect(i).toBe(miniScenes.length);
  });

  it('match frames drawn whole for the landmark figure by quarter, redrawing a small part of each frame', () => {
    const { catalog } = loadCatalog('catalog');
    const scenes = growthFrames(catalog, filterModels(catalog, { landmark: true }), { aspect: 16 / 9 }, 'quarter').map((f) => f.scene);
    const ic = readIcons(catalog, scenes[scenes.length - 1]);
    const r = frameRasters(scenes, { width: 512, icons: ic });
    const redrawn = r.patches.slice(1).map((ps) => ps.reduce((a, p) => a + p.w * p.h, 0) / (r.width * r.height));
    expect(Math.max(...redrawn)).toBeLessThan(0.5);
    let i = 0;
    for (const f of wholeFrames(r)) {
      if (i % 7 === 3 || i === scenes.length - 1) {
        const w = drawRegion(scenes[i], { x: 0, y: 0, w: r.width, h: r.height }, r.width / scenes[i].width, ic).data;
        const d = diff(f, w);
        expect(d.max, `frame ${i}`).toBeLessThanOrEqual(32);
        expect(d.mean, `frame ${i}`).toBeLessThan(0.05);
      }
      i++;
    }
  }, 120_000);

  it('draws a highlighted animation (translucent parts) frame by frame whole, without crashing resvg', () => {
    const { catalog } = loadCatalog('catalog');
    const scenes = growthFrames(catalog, filterModels(catalog, { landmark: true }), { aspect: 16 / 9, highlight: 'gpt-2' }, 'year').map((f) => f.scene);
    const r = frameRasters(scenes, { width: 320, icons: readIcons(catalog, scenes[scenes.length - 1]) });
    expect(r.patches.every((ps) => ps.length === 1 && ps[0].w === r.width && ps[0].h === r.height)).toBe(true);
  }, 120_000);

  it('redraws the whole frame when anything outside the tracked parts changes', () => {
    const [a, b] = miniScenes.slice(-2);
    expect(changedRegions(a, b)).toBeDefined();
    expect(changedRegions(a, { ...b, title: [] })).toBeUndefined();
    expect(changedRegions(a, { ...b, palette: { ...b.palette, background: '#000000' } })).toBeUndefined();
  });
});

describe('animated GIF and APNG', () => {
  const gif = scenesToGif(miniScenes, { width: 400, fps: 2, icons });
  const apng = scenesToApng(miniScenes, { width: 400, fps: 2, icons });

  it('GIF: one frame per period, the width asked for, looping, the last frame held', () => {
    const { reader, frames } = gifFrames(gif);
    expect(reader.numFrames()).toBe(miniScenes.length);
    expect(reader.width).toBe(400);
    expect(reader.height).toBe(Math.round((miniScenes[0].height * 400) / miniScenes[0].width));
    expect(reader.loopCount()).toBe(0);
    expect(reader.frameInfo(0).delay).toBe(50); // hundredths of a second at 2 fps
    expect(reader.frameInfo(frames.length - 1).delay).toBe(250);
    // 256 colours: close to the frame drawn whole, not equal.
    expect(diff(frames[frames.length - 1], whole(miniScenes[miniScenes.length - 1], reader.width, reader.height)).mean).toBeLessThan(2);
  });

  it('APNG: the same frames, lossless, looping, delays in ms', () => {
    const { img, frames } = apngFrames(apng);
    expect(Buffer.from(apng.subarray(1, 4)).toString('latin1')).toBe('PNG');
    expect(img.tabs.acTL).toEqual({ num_frames: miniScenes.length, num_plays: 0 });
    expect(frames.length).toBe(miniScenes.length);
    expect([img.width, img.height]).toEqual([400, Math.round((miniScenes[0].height * 400) / miniScenes[0].width)]);
    expect(img.frames[0].delay).toBe(500);
    expect(img.frames[img.frames.length - 1].delay).toBe(2500);
    const r = frameRasters(miniScenes, { width: 400, icons });
    let i = 0;
    for (const f of wholeFrames(r)) expect(diff(frames[i++], f)).toEqual({ mean: 0, max: 0 });
    // Against the GIF's frames: the same picture, give or take the palette.
    const g = gifFrames(gif).frames;
    for (const k of [0, Math.floor(frames.length / 2), frames.length - 1]) expect(diff(frames[k], g[k]).mean).toBeLessThan(2);
  });

  it('is byte-identical for identical input', () => {
    expect(Buffer.from(scenesToGif(miniScenes, { width: 400, fps: 2, icons })).equals(Buffer.from(gif))).toBe(true);
    expect(Buffer.from(scenesToApng(miniScenes, { width: 400, fps: 2, icons })).equals(Buffer.from(apng))).toBe(true);
  });
});

describe('llmtree render (animations)', () => {
  const run = (...args: string[]) => renderInProcess(MINI, ...args);
  const dir = mkdtempSync(join(tmpdir(), 'llmtree-anim-'));

  it('writes .apng by extension and --format apng', async () => {
    await run('-o', join(dir, 'grow.apng'), '--step', 'year', '--width', '300');
    await run('-o', join(dir, 'grow2.png'), '--format', 'apng', '--step', 'year', '--width', '300');
    for (const f of ['grow.apng', 'grow2.png']) {
      const { img } = apngFrames(readFileSync(join(dir, f)));
      expect(img.width).toBe(300);
      expect(img.tabs.acTL?.num_frames).toBe(miniScenes.length);
    }
  });

  it('refuses bad animation options with a clear message and leaves no file', async () => {
    const f = join(dir, 'bad.apng');
    const cases: [string[], RegExp][] = [
      [['--fps', '0'], /--fps: 0 is out of range; use a number from 0\.1 to 50/],
      [['--fps', 'fast'], /--fps: "fast" is not a number/],
      [['--step', 'month'], /--step: "month" is not one of year, quarter/],
      [['--width', '5000'], /--width: an APNG is at most 4096 px wide/],
      [['--scale', '2'], /--scale: not for an APNG; give its width in px with --width/],
    ];
    for (const [args, msg] of cases) {
      const e = await run('-o', f, ...args).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(UsageError);
      expect((e as Error).message).toMatch(msg);
    }
    const e = await run('-o', join(dir, 'still.svg'), '--fps', '3').catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/--fps: only for an animation/);
    expect(existsSync(f)).toBe(false);
    expect(existsSync(join(dir, 'still.svg'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

/** Zoom and pan of the figure: wheel, drag, pinch, keyboard, fit-to-view and animated flights. */
import type { Zoom } from './state.js';

export class PanZoom {
  private w = 1;
  private h = 1;
  private tx = 0;
  private ty = 0;
  private k = 1;
  private pointers = new Map<number, { x: number; y: number }>();
  private moved = 0;
  private anim = 0;
  private settle = 0;

  constructor(
    private viewport: HTMLElement,
    private stage: HTMLElement,
    private onChange: () => void,
  ) {
    viewport.addEventListener('wheel', (e) => this.wheel(e), { passive: false });
    viewport.addEventListener('pointerdown', (e) => this.down(e));
    viewport.addEventListener('pointermove', (e) => this.move(e));
    for (const t of ['pointerup', 'pointercancel', 'pointerleave'] as const) viewport.addEventListener(t, (e) => this.up(e));
    viewport.addEventListener('keydown', (e) => this.key(e));
  }

  /** Whether the last pointer gesture was a drag (so its click should not select anything). */
  get dragged(): boolean {
    return this.moved > 5;
  }

  setSize(w: number, h: number): void {
    this.stage.style.width = `${w}px`;
    this.stage.style.height = `${h}px`;
    this.w = w;
    this.h = h;
  }

  private box(): { vw: number; vh: number } {
    return { vw: this.viewport.clientWidth || 1, vh: this.viewport.clientHeight || 1 };
  }

  fitScale(): number {
    const { vw, vh } = this.box();
    return Math.min(vw / this.w, vh / this.h) * 0.98;
  }

  private clampK(k: number): number {
    return Math.min(Math.max(k, this.fitScale() * 0.5), 6);
  }

  private apply(notify = true): void {
    this.stage.style.transform = `translate(${this.tx}px, ${this.ty}px) scale(${this.k})`;
    // A moving stage is its own layer (cheap frames); once still, it is drawn again at its scale, sharp.
    this.stage.classList.add('moving');
    clearTimeout(this.settle);
    this.settle = window.setTimeout(() => this.stage.classList.remove('moving'), 200);
    if (notify) this.onChange();
  }

  get(): Zoom {
    const { vw, vh } = this.box();
    return { x: (vw / 2 - this.tx) / this.k / this.w, y: (vh / 2 - this.ty) / this.k / this.h, k: this.k };
  }

  set(z: Zoom, notify = true): void {
    cancelAnimationFrame(this.anim);
    const { vw, vh } = this.box();
    this.k = this.clampK(z.k);
    this.tx = vw / 2 - z.x * this.w * this.k;
    this.ty = vh / 2 - z.y * this.h * this.k;
    this.apply(notify);
  }

  fit(notify = true): void {
    this.set({ x: 0.5, y: 0.5, k: this.fitScale() }, notify);
  }

  /** Centre on a figure point (px), zooming in to at least `k`; animated unless the user prefers less motion. */
  flyTo(x: number, y: number, k: number, fy = 0.5): void {
    const from = this.get();
    const kk = this.clampK(Math.max(from.k, k));
    // Put the point at height fy of the view (above a panel that covers the bottom on phones).
    const { vh } = this.box();
    const to: Zoom = { x: x / this.w, y: (y + ((0.5 - fy) * vh) / kk) / this.h, k: kk };
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) return this.set(to);
    const start = performance.now();
    const step = (now: number) => {
      const p = Math.min(1, (now - start) / 450);
      const e = p < 0.5 ? 2 * p * p : 1 - (-2 * p + 2) ** 2 / 2;
      const z = { x: from.x + (to.x - from.x) * e, y: from.y + (to.y - from.y) * e, k: from.k * (to.k / from.k) ** e };
      const { vw, vh } = this.box();
      this.k = this.clampK(z.k);
      this.tx = vw / 2 - z.x * this.w * this.k;
      this.ty = vh / 2 - z.y * this.h * this.k;
      this.apply(p === 1);
      if (p < 1) this.anim = requestAnimationFrame(step);
    };
    cancelAnimationFrame(this.anim);
    this.anim = requestAnimationFrame(step);
  }

  /** Zoom by `f` around the viewport point (px, py). */
  zoomAt(f: number, px: number, py: number): void {
    cancelAnimationFrame(this.anim);
    const k = this.clampK(this.k * f);
    this.tx = px - ((px - this.tx) * k) / this.k;
    this.ty = py - ((py - this.ty) * k) / this.k;
    this.k = k;
    this.apply();
  }

  panBy(dx: number, dy: number): void {
    cancelAnimationFrame(this.anim);
    this.tx += dx;
    this.ty += dy;
    this.apply();
  }

  private local(e: { clientX: number; clientY: number }): { x: number; y: number } {
    const r = this.viewport.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private wheel(e: WheelEvent): void {
    e.preventDefault();
    const p = this.local(e);
    if (e.ctrlKey || !e.shiftKey) this.zoomAt(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)), p.x, p.y);
    else this.panBy(-e.deltaX, -e.deltaY);
  }

  private down(e: PointerEvent): void {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    this.pointers.set(e.pointerId, this.local(e));
    if (this.pointers.size === 1) this.moved = 0;
    try {
      this.viewport.setPointerCapture(e.pointerId);
    } catch {
      // a pointer the browser does not track (synthetic events): dragging still works without capture
    }
  }

  private move(e: PointerEvent): void {
    const prev = this.pointers.get(e.pointerId);
    if (!prev) return;
    const p = this.local(e);
    if (this.pointers.size === 1) {
      this.moved += Math.abs(p.x - prev.x) + Math.abs(p.y - prev.y);
      this.pointers.set(e.pointerId, p);
      if (this.moved > 5) this.panBy(p.x - prev.x, p.y - prev.y);
      return;
    }
    const [a, b] = [...this.pointers.values()];
    const other = a === prev ? b : a;
    const d0 = Math.hypot(prev.x - other.x, prev.y - other.y) || 1;
    const d1 = Math.hypot(p.x - other.x, p.y - other.y) || 1;
    this.pointers.set(e.pointerId, p);
    this.moved += 10;
    this.zoomAt(d1 / d0, (p.x + other.x) / 2, (p.y + other.y) / 2);
    this.panBy((p.x - prev.x) / 2, (p.y - prev.y) / 2);
  }

  private up(e: PointerEvent): void {
    this.pointers.delete(e.pointerId);
  }

  private key(e: KeyboardEvent): void {
    if (e.target !== this.viewport || e.altKey || e.ctrlKey || e.metaKey) return;
    const { vw, vh } = this.box();
    const step = 80;
    const acts: Record<string, () => void> = {
      ArrowLeft: () => this.panBy(step, 0),
      ArrowRight: () => this.panBy(-step, 0),
      ArrowUp: () => this.panBy(0, step),
      ArrowDown: () => this.panBy(0, -step),
      '+': () => this.zoomAt(1.25, vw / 2, vh / 2),
      '=': () => this.zoomAt(1.25, vw / 2, vh / 2),
      '-': () => this.zoomAt(0.8, vw / 2, vh / 2),
      _: () => this.zoomAt(0.8, vw / 2, vh / 2),
      '0': () => this.fit(),
    };
    const act = acts[e.key];
    if (act) {
      e.preventDefault();
      act();
    }
  }
}

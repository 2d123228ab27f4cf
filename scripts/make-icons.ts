// Draws the add-in's icons at the exact pixel sizes the manifest and AppSource ask for, and writes
// them to assets/: icon-N.png (a bar chart on a rounded square: the add-in and "Show pane") and
// refresh-N.png (a circular arrow on the same square: "Refresh scores"). Run with `npm run icons`;
// the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;
/** Ribbon buttons only use 16, 32 and 80 px. */
export const REFRESH_ICON_SIZES = [16, 32, 80] as const;

type Rgb = readonly [number, number, number];
const BACKGROUND: Rgb = [0x1f, 0x5f, 0xa8];
const BAR: Rgb = [0xff, 0xff, 0xff];
const ACCENT: Rgb = [0xf2, 0xb1, 0x34];

/** A shape in unit coordinates (0..1 across the icon): does it cover the point? */
type Shape = (x: number, y: number) => boolean;

function roundedSquare(radius: number): Shape {
  return (x, y) => {
    const cx = Math.min(Math.max(x, radius), 1 - radius);
    const cy = Math.min(Math.max(y, radius), 1 - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
}

function rect(left: number, top: number, right: number, bottom: number): Shape {
  return (x, y) => x >= left && x < right && y >= top && y < bottom;
}

// Three rising bars and a baseline; the last bar is the accent (the "score").
const BARS: Shape[] = [rect(0.2, 0.52, 0.34, 0.78), rect(0.43, 0.36, 0.57, 0.78)];
const ACCENT_BAR: Shape = rect(0.66, 0.2, 0.8, 0.78);
const BASELINE: Shape = rect(0.16, 0.78, 0.84, 0.84);
const BACK: Shape = roundedSquare(0.2);

function triangle(a: readonly [number, number], b: readonly [number, number], c: readonly [number, number]): Shape {
  const side = (p: readonly [number, number], q: readonly [number, number], x: number, y: number): number =>
    (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  return (x, y) => {
    const s1 = side(a, b, x, y);
    const s2 = side(b, c, x, y);
    const s3 = side(c, a, x, y);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}

// A ring open between the top and the upper right, with an arrowhead at the top pointing clockwise.
const RING: Shape = (x, y) => {
  const r = Math.hypot(x - 0.5, y - 0.5);
  const angle = Math.atan2(y - 0.5, x - 0.5);
  return r >= 0.19 && r <= 0.3 && !(angle > -Math.PI / 2 && angle < -Math.PI / 6);
};
const ARROW_HEAD: Shape = triangle([0.5, 0.09], [0.5, 0.41], [0.68, 0.25]);

type Glyph = 'chart' | 'refresh';

/** Colour and coverage of one sub-sample: the topmost shape wins. */
function sample(glyph: Glyph, x: number, y: number): { rgb: Rgb; covered: boolean } {
  if (!BACK(x, y)) return { rgb: BACKGROUND, covered: false };
  if (glyph === 'refresh') return { rgb: RING(x, y) || ARROW_HEAD(x, y) ? BAR : BACKGROUND, covered: true };
  if (ACCENT_BAR(x, y)) return { rgb: ACCENT, covered: true };
  if (BARS.some((s) => s(x, y)) || BASELINE(x, y)) return { rgb: BAR, covered: true };
  return { rgb: BACKGROUND, covered: true };
}

/** Renders the icon at `size` px with 4×4 supersampling so small sizes stay legible. */
export function drawIcon(size: number, glyph: Glyph = 'chart'): PNG {
  const png = new PNG({ width: size, height: size });
  const sub = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < sub; sy++) {
        for (let sx = 0; sx < sub; sx++) {
          const s = sample(glyph, (px + (sx + 0.5) / sub) / size, (py + (sy + 0.5) / sub) / size);
          if (!s.covered) continue;
          covered++;
          r += s.rgb[0];
          g += s.rgb[1];
          b += s.rgb[2];
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = covered ? Math.round(r / covered) : 0;
      png.data[i + 1] = covered ? Math.round(g / covered) : 0;
      png.data[i + 2] = covered ? Math.round(b / covered) : 0;
      png.data[i + 3] = Math.round((covered / (sub * sub)) * 255);
    }
  }
  return png;
}

export function iconFileName(size: number, glyph: Glyph = 'chart'): string {
  return `${glyph === 'chart' ? 'icon' : 'refresh'}-${size}.png`;
}

function main(): void {
  const dir = join(__dirname, '..', 'assets');
  mkdirSync(dir, { recursive: true });
  const jobs: [number, Glyph][] = [
    ...ICON_SIZES.map((size): [number, Glyph] => [size, 'chart']),
    ...REFRESH_ICON_SIZES.map((size): [number, Glyph] => [size, 'refresh']),
  ];
  for (const [size, glyph] of jobs) {
    const file = join(dir, iconFileName(size, glyph));
    writeFileSync(file, PNG.sync.write(drawIcon(size, glyph)));
    console.log(`wrote ${file}`);
  }
}

if (require.main === module) main();

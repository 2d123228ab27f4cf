import { ICON_SIZES, REFRESH_ICON_SIZES, drawIcon, iconFileName } from '../../scripts/make-icons';

function pixel(png: ReturnType<typeof drawIcon>, x: number, y: number): [number, number, number, number] {
  const i = (y * png.width + x) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]];
}

describe('the icon glyph', () => {
  test('is drawn at exactly the sizes the manifest and listings need', () => {
    expect([...ICON_SIZES]).toEqual([16, 32, 64, 80, 128]);
    for (const size of ICON_SIZES) {
      const png = drawIcon(size);
      expect([png.width, png.height]).toEqual([size, size]);
      expect(iconFileName(size)).toBe(`icon-${size}.png`);
    }
    expect([...REFRESH_ICON_SIZES]).toEqual([16, 32, 80]);
    expect(REFRESH_ICON_SIZES.map((n) => iconFileName(n, 'refresh'))).toEqual(['refresh-16.png', 'refresh-32.png', 'refresh-80.png']);
  });

  test('a rounded square: transparent corners, opaque blue background', () => {
    const png = drawIcon(128);
    expect(pixel(png, 0, 0)[3]).toBe(0);
    expect(pixel(png, 127, 127)[3]).toBe(0);
    expect(pixel(png, 64, 8)).toEqual([0x1f, 0x5f, 0xa8, 255]);
  });

  test('with white rising bars and a yellow highest bar', () => {
    const png = drawIcon(128);
    const at = (fx: number, fy: number): [number, number, number, number] => pixel(png, Math.floor(fx * 128), Math.floor(fy * 128));
    expect(at(0.27, 0.7)).toEqual([255, 255, 255, 255]); // first bar, low
    expect(at(0.27, 0.45)).toEqual([0x1f, 0x5f, 0xa8, 255]); // above the first bar: background
    expect(at(0.5, 0.45)).toEqual([255, 255, 255, 255]); // second bar is taller
    expect(at(0.73, 0.25)).toEqual([0xf2, 0xb1, 0x34, 255]); // third bar, tallest, accent
  });
});

describe('the refresh glyph', () => {
  test('a white ring with an opening at the upper right and a hollow centre', () => {
    const png = drawIcon(80, 'refresh');
    const at = (fx: number, fy: number): [number, number, number, number] => pixel(png, Math.floor(fx * 80), Math.floor(fy * 80));
    const white = [255, 255, 255, 255];
    const blue = [0x1f, 0x5f, 0xa8, 255];
    expect(at(0.5, 0.5)).toEqual(blue); // centre
    expect(at(0.25, 0.5)).toEqual(white); // left of the ring
    expect(at(0.5, 0.75)).toEqual(white); // bottom of the ring
    expect(at(0.7, 0.34)).toEqual(blue); // the opening (upper right, -45°)
    expect(at(0.58, 0.25)).toEqual(white); // arrowhead at the top
  });
});

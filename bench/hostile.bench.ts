// The batch command on templates and hostile files, each run in a process of its own (bench/cliChild.ts)
// so its peak memory is its own. The files are built here and are small (the bomb is ~1 MB):
// - 20,000 and 50,000 merged ranges; drop-down lists on 9 columns down to row 1048576 (WPS/Excel templates);
// - one stray value at XFD1048576; a sheet part inflating to 1 GB (zip bomb); an entry declaring 4 GB.
// Targets (issue 10): every file answered within seconds, peak memory under 1 GB; hostile ones exit 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { strToU8 } from 'fflate';
import { budgetTemplate, sdkPackage, setDeclaredSize, sheetXml, TABLE } from '../test/xlsx/packages';

interface Case {
  name: string;
  file: string;
  bytes: () => Uint8Array;
  /** The exit the command must give. */
  exit: 0 | 2;
}

/** A zip entry stored as given: `data` already deflated (method 8) or stored (method 0). */
interface RawEntry {
  name: string;
  method: 0 | 8;
  data: Buffer;
  crc: number;
  size: number;
}

/** A zip of entries whose compressed data is given, so a bomb's data never has to be held inflated. */
function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function stored(name: string, text: string): RawEntry {
  const data = Buffer.from(text, 'utf8');
  return { name, method: 0, data, crc: crc32(data), size: data.length };
}

/** A package like sdkPackage's whose one sheet part inflates to `mb` MB of blanks, deflated chunk by chunk. */
function bombPackage(mb: number, declared = mb * 1024 * 1024): Buffer {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const parts: Buffer[] = [];
  let crc = 0;
  // Full flushes keep every chunk's deflate output a byte-aligned piece of one stream; the last one finishes it.
  const once = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  for (let i = 0; i < mb; i++) {
    parts.push(i === mb - 1 ? deflateRawSync(chunk, { level: 9 }) : once);
    crc = crc32(chunk, crc);
  }
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
  return rawZip([
    stored(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    stored('_rels/.rels', `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="${PKG}"><Relationship Type="${REL}/officeDocument" Target="/xl/workbook.xml" Id="R1"/></Relationships>`),
    stored('xl/workbook.xml', `<?xml version="1.0" encoding="utf-8"?><workbook xmlns:r="${REL}" xmlns="${MAIN}"><sheets><sheet name="S" sheetId="1" r:id="R1"/></sheets></workbook>`),
    stored('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="${PKG}"><Relationship Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml" Id="R1"/></Relationships>`),
    { name: 'xl/worksheets/sheet1.xml', method: 8, data: Buffer.concat(parts), crc, size: declared >>> 0 },
  ]);
}

const CASES: Case[] = [
  { name: '20,000 merged ranges (19,998 projects)', file: 'merges20k.xlsx', bytes: () => budgetTemplate(19_998).bytes, exit: 0 },
  { name: '50,000 merged ranges (49,998 projects)', file: 'merges50k.xlsx', bytes: () => budgetTemplate(49_998).bytes, exit: 0 },
  { name: 'baseline: the same 49,998 projects, no merged range', file: 'plain50k.xlsx', bytes: () => budgetTemplate(49_998, { merges: false }).bytes, exit: 0 },
  { name: 'drop-down lists on 9 columns to row 1048576', file: 'validations.xlsx', bytes: () => budgetTemplate(2_000, { validations: true }).bytes, exit: 0 },
  {
    name: 'stray value at XFD1048576',
    file: 'stray.xlsx',
    bytes: () => sdkPackage([['S', sheetXml(TABLE, { extraRows: '<x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>' })]]),
    exit: 2,
  },
  { name: 'zip bomb: sheet inflating to 1 GB', file: 'bomb.xlsx', bytes: () => bombPackage(1024), exit: 2 },
  // The same bomb declaring 100 KB: refused by counting the inflated bytes themselves, not by the declaration.
  { name: 'zip bomb: sheet inflating to 1 GB, declaring 100 KB', file: 'liar.xlsx', bytes: () => bombPackage(1024, 100 * 1024), exit: 2 },
  {
    name: 'zip bomb: entry declaring 4 GB',
    file: 'declared.xlsx',
    bytes: () => setDeclaredSize(sdkPackage([['S', sheetXml(TABLE)]], { 'xl/media/a.bin': strToU8('x') }), 'xl/media/a.bin', 4_000_000_000),
    exit: 2,
  },
];

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-bench-'));
  const cpu = new Map<string, number>();
  try {
    for (const c of CASES) {
      const input = join(dir, c.file);
      writeFileSync(input, c.bytes());
      const size = statSync(input).size;
      const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'cliChild.ts'), input, '--json', '--out', join(dir, `out-${c.file}`)], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const line = child.stdout.trim().split('\n').at(-1) ?? '';
      let result: { code: number; seconds: number; cpuSeconds: number; peakMB: number; stderr: string[] };
      try {
        result = JSON.parse(line) as typeof result;
      } catch {
        console.log(`${c.name}: the run failed (status ${child.status}): ${child.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
        continue;
      }
      // CPU seconds: the wall clock of a machine shared with other work says more about the machine.
      const verdict = result.code === c.exit && result.peakMB < 1024 && result.cpuSeconds < 10 ? 'met' : 'MISSED';
      cpu.set(c.file, result.cpuSeconds);
      const said = result.code === 0 ? '' : `: ${result.stderr[0].slice(0, 110)}`;
      console.log(
        `${c.name} (${(size / 1024).toFixed(0)} KB): exit ${result.code}, ${result.seconds.toFixed(2)} s (CPU ${result.cpuSeconds.toFixed(2)} s), peak ${result.peakMB.toFixed(0)} MB ` +
          `(target exit ${c.exit}, < 10 s CPU, < 1 GB: ${verdict})${said}`,
      );
    }
    const merged = cpu.get('merges50k.xlsx');
    const plain = cpu.get('plain50k.xlsx');
    if (merged !== undefined && plain !== undefined) {
      console.log(`50,000 merged ranges cost ${(merged - plain).toFixed(2)} s CPU over the same table without them (the rest is the 49,998 projects)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

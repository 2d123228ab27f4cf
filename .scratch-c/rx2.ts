const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const N = 20000;
const rows = Array.from({ length: N }, (_, i) => ({ row: i + 12, values: [i + 1, `项目${i}`, 10 + i * 1.37, 11.59 + i, 1.0193491644678978 - i / 1e5, 31, 16, 9.379905808477236, 57.37990580847723, '差', '超预算；总分与填报不符；评分'] as (string | number | null)[] }));
const letters = 'ABCDEFGHIJK'.split('');
const attrs = letters.map((_, i) => ` s="${i + 1}"`);
function a() {
  let xml = '';
  for (const { row, values } of rows) {
    xml += `<row r="${row}">`;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v === 'number') xml += `<c r="${letters[i]}${row}"${attrs[i]}><v>${v}</v></c>`;
      else if (typeof v === 'string') xml += `<c r="${letters[i]}${row}"${attrs[i]} t="inlineStr"><is><t>${v}</t></is></c>`;
    }
    xml += '</row>';
  }
  return Buffer.from(xml);
}
function b() {
  const parts: string[] = [];
  for (const { row, values } of rows) {
    let x = '<row r="' + row + '">';
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v === 'number') x += '<c r="' + letters[i] + row + '"' + attrs[i] + '><v>' + v + '</v></c>';
      else if (typeof v === 'string') x += '<c r="' + letters[i] + row + '"' + attrs[i] + ' t="inlineStr"><is><t>' + v + '</t></is></c>';
    }
    parts.push(x + '</row>');
  }
  return Buffer.from(parts.join(''));
}
function c() {
  const bufs: Buffer[] = [];
  for (const { row, values } of rows) {
    let x = '<row r="' + row + '">';
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v === 'number') x += '<c r="' + letters[i] + row + '"' + attrs[i] + '><v>' + v + '</v></c>';
      else if (typeof v === 'string') x += '<c r="' + letters[i] + row + '"' + attrs[i] + ' t="inlineStr"><is><t>' + v + '</t></is></c>';
    }
    bufs.push(Buffer.from(x + '</row>'));
  }
  return Buffer.concat(bufs);
}
for (let k = 0; k < 4; k++) { for (const [n, f] of [['concat', a], ['join', b], ['bufs', c]] as const) { const t = cpu(); f(); process.stdout.write(`${n} ${Math.round(cpu() - t)}  `); } console.log(); }

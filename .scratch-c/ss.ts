import ExcelJS from 'exceljs';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
(async () => {
  const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile('/tmp/bench20k.xlsx');
  const zip = { compression: 'DEFLATE' as const, compressionOptions: { level: 1 } };
  for (let i = 0; i < 4; i++) {
    let t = cpu(); const a = await wb.xlsx.writeBuffer({ zip } as any); const x = cpu() - t;
    t = cpu(); const b = await wb.xlsx.writeBuffer({ zip, useSharedStrings: false } as any); const y = cpu() - t;
    t = cpu(); const c = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE' as const, compressionOptions: { level: 6 } } } as any); const z = cpu() - t;
    console.log('shared', Math.round(x), (a as any).length, 'inline', Math.round(y), (b as any).length, 'level6', Math.round(z), (c as any).length);
  }
})();

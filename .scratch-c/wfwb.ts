import ExcelJS from 'exceljs';
const T = () => performance.now();
(async () => {
  const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile('/tmp/bench20k.xlsx');
  const zip = { compression: 'DEFLATE' as const, compressionOptions: { level: 1 } };
  for (let i = 0; i < 3; i++) {
    let t = T(); await wb.xlsx.writeFile('/tmp/wf.xlsx'); const a = T() - t;
    t = T(); await wb.xlsx.writeFile('/tmp/wf1.xlsx', { zip }); const b = T() - t;
    t = T(); await wb.xlsx.writeBuffer({ zip }); const c = T() - t;
    t = T(); await wb.xlsx.writeBuffer(); const d = T() - t;
    console.log('writeFile6', Math.round(a), 'writeFile1', Math.round(b), 'writeBuffer1', Math.round(c), 'writeBuffer6', Math.round(d));
  }
})();

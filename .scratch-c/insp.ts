import ExcelJS from 'exceljs';
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  for (const ws of wb.worksheets) {
    console.log('==', ws.name, ws.views, Object.keys((ws as any).tables), ws.conditionalFormattings.length);
    ws.eachRow((row, r) => {
      const cells: string[] = [];
      row.eachCell((c, col) => cells.push(`${c.address}=${JSON.stringify(c.value)}[${c.type}${c.numFmt ? ' ' + c.numFmt : ''}]`));
      console.log(r, cells.join(' | '));
    });
  }
})();

import ExcelJS from 'exceljs';
(async () => {
  const ROWS = 20000;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell(1, 1).value = '项目支出绩效自评表（2023年度）';
  ws.mergeCells(1, 1, 1, 8);
  ws.getCell(2, 8).value = '单位：万元';
  ws.addRow(['序号', '项目名称', '全年预算数', '全年执行数', '执行率', '产出指标(50分)', '效益指标(30分)', '总分']);
  for (let i = 1; i <= ROWS; i++) {
    const budget = 10 + (i % 997) * 1.37;
    const actual = Math.round(budget * (0.6 + ((i * 7919) % 500) / 1000) * 100) / 100;
    const output = 30 + (i % 21);
    const benefit = 15 + (i % 16);
    ws.addRow([i, `项目${i}`, budget, actual, actual / budget, output, benefit, output + benefit]);
  }
  ws.addRow([null, '合计', null, null]);
  await wb.xlsx.writeFile('/tmp/bench20k.xlsx');
})();

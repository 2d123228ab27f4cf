// Entry point of the Office.js adapter for the pane and the commands.
export { createExcelPort, type ExcelPortOptions } from './officePort';

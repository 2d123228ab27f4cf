// Bootstrap: find out where the pane runs, connect to the workbook when in Excel, render the pane.
import { createRoot } from 'react-dom/client';
import { createExcelPort } from '../excel/port';
import { detectHost } from '../excel/host';
import { App } from './components/App';
import { createEngineWorker } from './createEngineWorker';
import { createEngineRunner } from './engineClient';

async function start(): Promise<void> {
  const container = document.getElementById('container');
  if (!container) return;
  const host = await detectHost();
  const port = host.inExcel && host.missingApiSets.length === 0 ? createExcelPort() : null;
  const engine = createEngineRunner({ createWorker: createEngineWorker });
  createRoot(container).render(<App port={port} host={host} engine={engine} />);
}

void start();

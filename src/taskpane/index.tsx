// Bootstrap: find out where the pane runs, connect to the workbook when in Excel, render the pane.
import { createRoot } from 'react-dom/client';
import { createExcelPort } from '../excel/officePort';
import { detectHost } from '../excel/host';
import { App } from './components/App';
import { createEngineWorker } from './worker/createEngineWorker';
import { createEngineRunner } from './worker/engineClient';
import type { PaneHost } from './hostInfo';

/** If even the host check fails the pane still opens, and says it is not in Excel. */
async function hostOrFallback(): Promise<PaneHost> {
  try {
    return await detectHost();
  } catch {
    return { inExcel: false, displayLanguage: navigator.language, dark: null, missingApiSets: [], canUseTriggerSource: false };
  }
}

async function start(): Promise<void> {
  const container = document.getElementById('container');
  if (!container) return;
  const host = await hostOrFallback();
  const port = host.inExcel && host.missingApiSets.length === 0 ? createExcelPort() : null;
  const engine = createEngineRunner({ createWorker: createEngineWorker });
  createRoot(container).render(<App port={port} host={host} engine={engine} />);
}

void start();

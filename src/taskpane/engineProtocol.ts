// Messages between the pane and the engine worker. The grid travels in slices so that no single
// structured clone of a 200k-row sheet blocks the pane.
import type { EngineErrorCode, EngineErrorDetails } from '../engine/errors';
import type { EngineRequest } from '../engine/workflow';
import type { Evaluation, HeaderDetection, Grid } from '../engine/types';
import type { SummaryLayout } from '../engine/summaryTypes';

export type ToWorker =
  | { id: number; type: 'rows'; rows: Grid }
  | { id: number; type: 'run'; request: Omit<EngineRequest, 'sheet'> & { sheet: Omit<EngineRequest['sheet'], 'grid'> } };

export type FromWorker =
  | { id: number; ok: true; detection: HeaderDetection; evaluation: Evaluation; layout?: SummaryLayout }
  | { id: number; ok: false; error: { code: EngineErrorCode; details: EngineErrorDetails; message: string } }
  | { id: number; ok: false; crash: string };

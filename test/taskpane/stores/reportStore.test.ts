// The report's store on its own: no React, no DOM, the in-memory port, the real engine and report
// builder and checker; the Word writer and the saver are fakes that record what they were given.
import { runEngineHere, type EngineRunner } from '../../../src/engine/workflow';
import type { ReportModel } from '../../../src/engine/report/types';
import type { Lang } from '../../../src/engine/types';
import type { Settings } from '../../../src/engine/workbookPort';
import { HostError } from '../../../src/engine/hostError';
import { fileBytes } from '../../../src/taskpane/fileBytes';
import { ReportStore, safeFileName, type ReportSource, type ReportStoreOptions, type WordReader } from '../../../src/taskpane/stores/reportStore';
import { FakePort, seedGrid } from '../fakePort';

/** The seed is scored the 2018 way (output 50 + benefit 50), as its workbook's settings say. */
const SETTINGS: Settings = { version: 1, schemeId: 'wuhan2018', band: { low: 0.9, high: 1 } };

/** The third project's rate as the seed's figures give it (35.5 of 40). */
const RATE_LINE = '经费使用率为88.75%，低于合理区间下限90.00%，须说明原因。';

interface Harness {
  store: ReportStore;
  port: FakePort;
  /** The pane and language the store reads when an action starts; tests change them. */
  current: { pane: ReportSource; lang: Lang };
  written: ReportModel[];
  saved: { name: string; text: string }[];
  readerLoads: number;
}

const stores: ReportStore[] = [];

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

async function harness(options: Partial<ReportStoreOptions> = {}, port = new FakePort(seedGrid())): Promise<Harness> {
  // The table pane has read its source but not evaluated yet: the store evaluates it in memory.
  const source = await port.readSource();
  const h: Harness = {
    store: undefined as unknown as ReportStore,
    port,
    current: { pane: { outcome: null, source, settings: SETTINGS }, lang: 'zh' },
    written: [],
    saved: [],
    readerLoads: 0,
  };
  h.store = new ReportStore({
    port,
    current: () => h.current,
    loadWordWriter: async () => ({
      reportDocument: (model: ReportModel) => {
        h.written.push(model);
        return model.title;
      },
      documentBlob: async (document: unknown) => new Blob([`docx of ${String(document)}`]),
    }),
    loadWordReader: () => {
      h.readerLoads += 1;
      return import('../../../src/docx/readDocx') as Promise<WordReader>;
    },
    saveBlob: (blob, name) => {
      void blob.text().then((text) => h.saved.push({ name, text }));
    },
    fileBytes,
    ...options,
  });
  stores.push(h.store);
  return h;
}

/** Lets the store's promises run until `done` holds. */
async function until(done: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (done()) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function idle(store: ReportStore): Promise<void> {
  await until(() => store.getSnapshot().busy === null, 'the action to end');
}

function gate(): { wait: () => Promise<void>; release: () => void } {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { wait: () => promise, release };
}

/** An engine that waits for the gate before evaluating. */
function gatedEngine(g: ReturnType<typeof gate>): EngineRunner {
  return async (request, signal) => {
    await g.wait();
    return runEngineHere(request, signal);
  };
}

async function drafted(h: Harness): Promise<string[]> {
  h.store.actions.draft();
  await idle(h.store);
  const sheet = h.port.reportSheets.at(-1);
  if (!sheet) throw new Error('no report sheet written');
  return sheet.layout.rows.map((r) => r.text);
}

describe('ReportStore', () => {
  it('drafts onto the report sheet from the source, and keeps the model for the download', async () => {
    const h = await harness();
    h.store.actions.draft();
    expect(h.store.getSnapshot().busy).toBe('draft');
    await idle(h.store);
    expect(h.port.reportSheets).toHaveLength(1);
    const { layout, preferredName, sourceSheet } = h.port.reportSheets[0];
    expect(preferredName).toBe('自评报告（草稿）');
    expect(sourceSheet).toBe('自评表');
    const texts = layout.rows.map((r) => r.text);
    expect(texts).toContain('三、保障安全生产专项经费');
    expect(texts).toContain(RATE_LINE);
    const state = h.store.getSnapshot();
    expect(state.notice).toEqual({ kind: 'drafted', sheet: '自评报告（草稿）', keptSheets: [] });
    expect(state.draft?.lang).toBe('zh');
    expect(texts).toContain(state.draft?.title);
    // Only the report sheet is written.
    expect(h.port.calls.filter((c) => c !== 'readSource')).toEqual(['writeReportSheet']);
  });

  it('downloads the last draft through the injected writer and saver, in the language it was drafted in', async () => {
    const h = await harness();
    h.store.actions.download();
    expect(h.store.getSnapshot().busy).toBeNull();
    await drafted(h);
    const zhTitle = h.store.getSnapshot().draft!.title;
    h.current = { ...h.current, lang: 'en' };
    await drafted(h);
    const enTitle = h.store.getSnapshot().draft!.title;
    expect(enTitle).not.toBe(zhTitle);
    expect(h.port.reportSheets.map((s) => s.preferredName)).toEqual(['自评报告（草稿）', 'Self-evaluation report (draft)']);

    h.store.actions.download();
    expect(h.store.getSnapshot().busy).toBe('download');
    await idle(h.store);
    await until(() => h.saved.length > 0, 'the save');
    expect(h.written.map((m) => m.lang)).toEqual(['en']);
    expect(h.written[0]).toBe(h.store.getSnapshot().draft);
    expect(h.saved).toEqual([{ name: 'Project expenditure performance self-evaluation report, 2018.docx', text: `docx of ${enTitle}` }]);
    expect(h.store.getSnapshot().notice).toBeNull();
  });

  it('names the file without the characters Windows refuses', () => {
    expect(safeFileName('局/2018: 自评?\t')).toBe('局_2018_ 自评__');
    expect(safeFileName(' * ')).toBe('_');
    expect(safeFileName('  ')).toBe('report');
  });

  it('finds a wrong rate in pasted text and in a .txt file, against the evaluation made from the source', async () => {
    const h = await harness();
    const ours = await drafted(h);
    const theirs = ours.map((t) => (t === RATE_LINE ? t.replace('88.75%', '88%') : t));
    expect(theirs).not.toEqual(ours);

    h.store.actions.checkText(theirs.join('\n'));
    expect(h.store.getSnapshot().busy).toBe('check');
    await idle(h.store);
    const pasted = h.store.getSnapshot().check;
    expect(pasted?.file).toBeNull();
    expect(pasted?.findings.map((f) => [f.code, f.says, f.workbook, f.project?.name])).toEqual([['rate_differs', '88%', '88.75%', '保障安全生产专项经费']]);

    h.store.actions.checkFile(new File([theirs.join('\r\n')], 'theirs.txt'));
    await idle(h.store);
    const fromFile = h.store.getSnapshot().check;
    expect(fromFile?.file).toBe('theirs.txt');
    expect(fromFile?.findings).toEqual(pasted?.findings);

    // Our own draft is clean.
    h.store.actions.checkFile(new File([ours.join('\n')], 'ours.txt'));
    await idle(h.store);
    expect(h.store.getSnapshot().check).toEqual({ file: 'ours.txt', findings: [] });
    expect(h.port.reportSheets).toHaveLength(1);
  });

  it('says a file that is no .docx or .txt is not supported, reading nothing', async () => {
    const h = await harness();
    h.store.actions.checkText('');
    await idle(h.store);
    expect(h.store.getSnapshot().check).not.toBeNull();
    h.store.actions.checkFile(new File(['%PDF-1.7'], 'report.pdf'));
    const state = h.store.getSnapshot();
    expect(state.busy).toBeNull();
    expect(state.notice).toEqual({ kind: 'notSupported', file: 'report.pdf' });
    expect(state.check).toBeNull();
    expect(h.readerLoads).toBe(0);
  });

  it('says a damaged .docx is unreadable', async () => {
    const h = await harness();
    h.store.actions.checkText('');
    await idle(h.store);
    expect(h.store.getSnapshot().check).not.toBeNull();
    h.store.actions.checkFile(new File(['not a zip'], 'broken.docx'));
    await idle(h.store);
    const state = h.store.getSnapshot();
    expect(state.notice).toEqual({ kind: 'unreadable', file: 'broken.docx' });
    expect(state.check).toBeNull();
    expect(h.readerLoads).toBe(1);
  });

  it('shows a failure of the workbook as the error notice and is ready again', async () => {
    const h = await harness();
    const failure = new HostError('sheet_protected', 'AccessDenied');
    h.port.failures.writeReportSheet = failure;
    h.store.actions.draft();
    await idle(h.store);
    expect(h.store.getSnapshot()).toEqual({ busy: null, notice: { kind: 'error', error: failure }, draft: null, check: null });

    delete h.port.failures.writeReportSheet;
    await drafted(h);
    expect(h.store.getSnapshot().notice?.kind).toBe('drafted');
  });

  it('refuses an action while another is busy', async () => {
    const g = gate();
    const h = await harness({ engine: gatedEngine(g) });
    h.store.actions.draft();
    h.store.actions.draft();
    h.store.actions.checkText('一、保障安全生产专项经费');
    h.store.actions.checkFile(new File(['%PDF-1.7'], 'report.pdf'));
    expect(h.store.getSnapshot()).toEqual({ busy: 'draft', notice: null, draft: null, check: null });
    g.release();
    await idle(h.store);
    expect(h.port.reportSheets).toHaveLength(1);
    expect(h.store.getSnapshot().notice?.kind).toBe('drafted');
    expect(h.store.getSnapshot().check).toBeNull();
    // Once it is done, the next one runs.
    h.store.actions.checkText('一、保障安全生产专项经费');
    await idle(h.store);
    expect(h.store.getSnapshot().check?.file).toBeNull();
  });

  it('a closed store writes and shows nothing of an action under way', async () => {
    const g = gate();
    const h = await harness({ engine: gatedEngine(g) });
    const changes = jest.fn();
    h.store.subscribe(changes);
    h.store.actions.draft();
    expect(changes).toHaveBeenCalledTimes(1);
    h.store.close();
    g.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.port.reportSheets).toHaveLength(0);
    expect(changes).toHaveBeenCalledTimes(1);
    expect(h.store.getSnapshot()).toEqual({ busy: 'draft', notice: null, draft: null, check: null });
    // Nothing starts on it either.
    h.store.actions.checkText('一、保障安全生产专项经费');
    expect(changes).toHaveBeenCalledTimes(1);
  });

  it('opened again after a close, it takes actions afresh and still drops what the earlier one brings back', async () => {
    const g = gate();
    let calls = 0;
    const h = await harness({
      engine: async (request, signal) => {
        calls += 1;
        if (calls === 1) await g.wait();
        return runEngineHere(request, signal);
      },
    });
    h.store.actions.draft();
    h.store.close();
    h.store.open();
    expect(h.store.getSnapshot().busy).toBeNull();
    h.store.actions.checkText('');
    expect(h.store.getSnapshot().busy).toBe('check');
    await idle(h.store);
    expect(h.store.getSnapshot().check?.file).toBeNull();
    g.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.port.reportSheets).toHaveLength(0);
    expect(h.store.getSnapshot().draft).toBeNull();
  });

  it('a closed store drops a check result and saves no download', async () => {
    const read = gate();
    const h = await harness({
      fileBytes: async (file) => {
        await read.wait();
        return fileBytes(file);
      },
    });
    await drafted(h);
    const writing = gate();
    const saver = jest.fn();
    const other = await harness({
      saveBlob: saver,
      loadWordWriter: async () => {
        await writing.wait();
        return { reportDocument: (m: ReportModel) => m, documentBlob: async () => new Blob(['x']) };
      },
    });
    await drafted(other);

    h.store.actions.checkFile(new File(['一、保障安全生产专项经费'], 'late.txt'));
    other.store.actions.download();
    h.store.close();
    other.store.close();
    read.release();
    writing.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.store.getSnapshot().busy).toBe('check');
    expect(h.store.getSnapshot().check).toBeNull();
    expect(saver).not.toHaveBeenCalled();
  });
});

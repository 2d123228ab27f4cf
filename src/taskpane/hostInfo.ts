// What the pane needs to know about where it runs. Structurally the same as HostInfo from
// src/excel/host.ts, declared here so components and tests do not load the Office adapter.
export interface PaneHost {
  inExcel: boolean;
  displayLanguage: string;
  dark: boolean | null;
  missingApiSets: string[];
  canUseTriggerSource: boolean;
}

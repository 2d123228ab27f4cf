// What the pane needs to know about where it runs: the adapter's HostInfo. A type-only export, so
// components and tests do not load the Office adapter.
export type { HostInfo as PaneHost } from '../excel/host';

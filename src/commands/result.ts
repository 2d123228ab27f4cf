// The result dialog of the ribbon command: shows the notice passed in the query string
// (built by noticeQuery) as text, and a Close button that tells the function file to close it.
import { COMMAND_STRINGS } from './strings';
import { langFromLocale } from '../engine/messages';

const TONE_COLOURS: Record<string, string> = { success: '#107c10', warning: '#8a6100', error: '#a4262c' };

function render(): void {
  const params = new URLSearchParams(window.location.search);
  const lang = langFromLocale(params.get('lang'));
  const t = COMMAND_STRINGS[lang];
  const tone = params.get('tone') ?? 'success';
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t.dialogTitle;

  const title = document.getElementById('title');
  const message = document.getElementById('message');
  const close = document.getElementById('close');
  if (title) {
    title.textContent = params.get('title') ?? t.dialogTitle;
    title.style.color = TONE_COLOURS[tone] ?? TONE_COLOURS.success;
  }
  if (message) message.textContent = params.get('message') ?? '';
  if (close) {
    close.textContent = t.close;
    close.addEventListener('click', () => {
      const office = (globalThis as { Office?: typeof Office }).Office;
      try {
        office?.context?.ui?.messageParent('close');
      } catch {
        window.close();
      }
    });
    close.focus();
  }
}

render();
// messageParent needs Office initialised; the text is shown without waiting for it.
const office = (globalThis as { Office?: typeof Office }).Office;
if (office && typeof office.onReady === 'function') void office.onReady();

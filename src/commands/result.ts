// The result dialog of the ribbon command: shows the notice whose code and numbers the query string
// carries (built by noticeQuery), in the add-in's own words, and a Close button that tells the
// function file to close it. Text in the query string is never shown: an unknown or malformed
// query shows a fixed "no result" message.
import { langFromLocale } from '../engine/messages';
import { catalogue } from '../text/catalogue';
import { noticeFor, parseNoticeQuery } from './noticeCode';

const TONE_COLOURS: Record<string, string> = { success: '#107c10', warning: '#8a6100', error: '#a4262c' };

export function renderResult(search: string): void {
  const params = new URLSearchParams(search);
  const lang = langFromLocale(params.get('lang'));
  const t = catalogue(lang).commands;
  const code = parseNoticeQuery(search);
  const notice = code ? noticeFor(code, lang) : { tone: 'warning' as const, title: t.dialogTitle, message: t.noResult };
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t.dialogTitle;

  const title = document.getElementById('title');
  const message = document.getElementById('message');
  const close = document.getElementById('close');
  if (title) {
    title.textContent = notice.title;
    title.style.color = TONE_COLOURS[notice.tone];
  }
  if (message) message.textContent = notice.message;
  if (close) {
    close.textContent = t.close;
    close.onclick = () => {
      const office = (globalThis as { Office?: typeof Office }).Office;
      try {
        office?.context?.ui?.messageParent('close');
      } catch {
        window.close();
      }
    };
    close.focus();
  }
}

renderResult(window.location.search);
// messageParent needs Office initialised; the text is shown without waiting for it.
const office = (globalThis as { Office?: typeof Office }).Office;
if (office && typeof office.onReady === 'function') void office.onReady();

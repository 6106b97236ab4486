/**
 * The edge: waits for Office, checks the requirement sets, builds the
 * ExcelHost and renders the pane. Office.onReady lives here only.
 */

import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { langFromDisplay, t } from '../i18n';
import { detectCaps, MIN_EXCEL_API } from '../office/caps';
import { excelHost } from '../office/excelHost';
import { App } from './App';

function render(node: React.ReactElement): void {
  const el = document.getElementById('container')!;
  createRoot(el).render(node);
}

/** Set by taskpane.html: its ES5 check found the host too old (it already says so), or office.js failed to load. */
const page = window as unknown as { __plansheetUnsupported?: boolean; __plansheetOfficeJsFailed?: string };

if (page.__plansheetUnsupported) {
  // taskpane.html's message stays; nothing to render over it.
} else if (typeof Office === 'undefined') {
  const lang = langFromDisplay(navigator.language);
  // office.js did not load (a blocked CDN) vs a page opened outside Excel.
  // Without Office.js Excel's display language is unknown: Chinese first, then English.
  const say = (l: 'zh' | 'en') =>
    page.__plansheetOfficeJsFailed ? t(l, 'err_officeJsBlocked', { src: page.__plansheetOfficeJsFailed }) : t(l, 'err_noOffice');
  render(<App host={null} lang={lang} fatal={`${say('zh')}\n${say('en')}`} />);
} else {
  Office.onReady((info) => {
    const lang = langFromDisplay(Office.context?.displayLanguage);
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    if (info.host !== Office.HostType.Excel) {
      render(<App host={null} lang={lang} fatal={t(lang, 'err_noOffice')} />);
      return;
    }
    const caps = detectCaps((name, v) => Office.context.requirements.isSetSupported(name, v));
    if (!caps.api14) {
      render(<App host={null} lang={lang} fatal={t(lang, 'err_excelTooOld', { set: MIN_EXCEL_API })} />);
      return;
    }
    const host = excelHost(caps, (fn) => Excel.run((ctx) => fn(ctx)));
    render(<App host={host} lang={lang} />);
  });
}

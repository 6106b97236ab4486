/**
 * City mode: consolidate returned files (and copied sheets) into this
 * workbook; for towns' returns, also make the district's own return.
 */

import * as React from 'react';
import { Button, Checkbox, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { parsePeriod, periodLabel } from '../../core/period';
import { prepareConsolidation, writeRun, type PickedFile, type Skipped } from '../flows';
import type { ExcelHost } from '../host';
import { t, type UiLang } from '../i18n';
import { describeError } from '../office/errors';
import { OwnReturnSection } from './OwnReturnSection';
import { ReplaceDialog } from './ReplaceDialog';
import { CHART_SHEET } from '../summaryTables';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '6px' },
  list: { margin: 0, paddingLeft: '18px' },
  item: { marginBottom: '4px', color: tokens.colorNeutralForeground2 },
  hidden: { display: 'none' },
  pick: { display: 'flex', alignItems: 'center', gap: '8px', minWidth: 0 },
  pickButton: { flexShrink: 0, whiteSpace: 'nowrap' },
  picked: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0, color: tokens.colorNeutralForeground2 },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface CityPanelProps {
  host: ExcelHost;
  lang: UiLang;
}

function label(period: string, lang: UiLang = 'zh'): string {
  const p = parsePeriod(period);
  return p ? periodLabel(p, lang) : period;
}

async function readFiles(list: FileList | null): Promise<PickedFile[]> {
  const files = list ? Array.from(list) : [];
  return Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), lastModified: f.lastModified })),
  );
}

export function CityPanel({ host, lang }: CityPanelProps): React.ReactElement {
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [useCopied, setUseCopied] = React.useState(true);
  const [busy, setBusy] = React.useState(false);
  const [done, setDone] = React.useState<{ text: string; intent: 'success' | 'warning' | 'info' }[]>([]);
  const [picked, setPicked] = React.useState<string[]>([]);
  const [files, setFiles] = React.useState<PickedFile[]>([]);
  const [error, setError] = React.useState<string | null>(null);
  const [skipped, setSkipped] = React.useState<Skipped[]>([]);
  const [asking, setAsking] = React.useState<string[] | null>(null);
  const answer = React.useRef<((ok: boolean) => void) | null>(null);

  const confirmReplace = (existing: string[]) =>
    new Promise<boolean>((resolve) => {
      answer.current = resolve;
      setAsking(existing);
    });

  const run = async () => {
    setBusy(true);
    setError(null);
    setDone([]);
    setSkipped([]);
    try {
      // The files as read when picked (their returns are parsed once), else read now.
      const list = input.current?.files ?? null;
      const sameAsPicked = files.length === (list?.length ?? 0) && files.every((f, i) => f.name === list?.[i]?.name);
      const picked = sameAsPicked ? files : await readFiles(list);
      const { run: r, skipped: before } = await prepareConsolidation(host, picked, useCopied, lang);
      if (!r) {
        setSkipped(before);
        setError(t(lang, 'noReturns'));
        return;
      }
      const rejected = r.result.returns
        .filter((o) => o.status !== 'accepted')
        .map((o) => ({ file: o.file, reason: o.reason }));
      setSkipped([...rejected, ...before]);
      const w = await writeRun(host, r, confirmReplace);
      if (!w.written) {
        setDone([{ text: t(lang, 'cancelled'), intent: 'info' }]);
        return;
      }
      const accepted = r.result.returns.filter((o) => o.status === 'accepted').length;
      const msgs: typeof done = [
        {
          text: [t(lang, 'consolidated', { accepted, period: label(r.period, lang), sheets: w.sheets.join('、') }), w.chart ? t(lang, 'chartsOn', { sheet: CHART_SHEET }) : '']
            .filter(Boolean)
            .join(''),
          intent: 'success',
        },
      ];
      if (r.result.missing.length) {
        const names = r.result.missing.map((u) => r.plan.units.find((x) => x.code === u)?.name ?? u);
        msgs.push({ text: t(lang, 'missingUnits', { units: names.join('、') }), intent: 'warning' });
      }
      if (!w.chart) msgs.push({ text: t(lang, 'noChart'), intent: 'info' });
      setDone(msgs);
    } catch (e) {
      setError(describeError(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={s.root}>
      <Text size={200} className={s.hint}>
        {t(lang, 'notReturnHint')}
      </Text>
      {/* The native input is hidden: its button would speak the browser's language, not the pane's. */}
      <input
        ref={input}
        type="file"
        multiple
        accept=".xlsx,.json"
        data-testid="file-input"
        className={s.hidden}
        onChange={(e) => {
          const list = e.currentTarget.files;
          setPicked(Array.from(list ?? []).map((f) => f.name));
          readFiles(list).then(setFiles, (err) => setError(describeError(err, lang)));
        }}
      />
      <div className={s.pick}>
        <Button className={s.pickButton} onClick={() => input.current?.click()}>
          {t(lang, 'pickFiles')}
        </Button>
        {/* One line: the count, the names as far as they fit (all of them on hover). */}
        <Text size={200} data-testid="picked" className={s.picked} title={picked.join('\n')}>
          {picked.length ? t(lang, 'picked', { n: picked.length, names: picked.join('、') }) : t(lang, 'nonePicked')}
        </Text>
      </div>
      <Checkbox checked={useCopied} onChange={(_, d) => setUseCopied(!!d.checked)} label={t(lang, 'useCopiedSheets')} />
      <div>
        <Button appearance="primary" onClick={run} disabled={busy}>
          {t(lang, 'consolidate')}
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={t(lang, 'consolidating')} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody data-testid="error">{error}</MessageBarBody>
        </MessageBar>
      )}
      {done.map((d) => (
        <MessageBar key={d.text} intent={d.intent}>
          <MessageBarBody data-testid="done">{d.text}</MessageBarBody>
        </MessageBar>
      ))}
      {/* A district office's towns' returns: make the district's own return from them. */}
      <OwnReturnSection host={host} lang={lang} files={files} />
      {skipped.length > 0 && (
        <section data-testid="skipped">
          <Text weight="semibold">{t(lang, 'rejectedHeading')}</Text>
          <ul className={s.list}>
            {skipped.map((k, i) => (
              <li key={`${k.file}-${i}`} className={s.item}>
                <Text weight="semibold">{k.file}</Text>：<Text>{k.reason}</Text>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ReplaceDialog
        sheets={asking}
        lang={lang}
        onAnswer={(ok) => {
          setAsking(null);
          answer.current?.(ok);
          answer.current = null;
        }}
      />
    </div>
  );
}

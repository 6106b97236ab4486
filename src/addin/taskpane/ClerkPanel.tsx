/** Clerk mode: the open workbook is a PlanSheet return. */

import * as React from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { periodLabel, parsePeriod } from '../../core/period';
import type { Finding } from '../../core/rules/finding';
import { checkOpen, type OpenState } from '../flows';
import type { ExcelHost } from '../host';
import { t, type UiLang } from '../i18n';
import { describeError } from '../office/errors';
import { FindingList } from './FindingList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '6px' },
  // Unit · period on one line, the plan's long title below it on one line (full text on hover).
  facts: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  plan: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: tokens.colorNeutralForeground3 },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  note: { color: tokens.colorNeutralForeground2 },
});

type Clerk = Extract<OpenState, { mode: 'clerk' }>;

export interface ClerkPanelProps {
  open: Clerk;
  host: ExcelHost;
  lang: UiLang;
}

export function ClerkPanel({ open: initial, host, lang }: ClerkPanelProps): React.ReactElement {
  const s = useStyles();
  const [open, setOpen] = React.useState<Clerk>(initial);
  const [findings, setFindings] = React.useState<Finding[] | null>(null);
  const [busy, setBusy] = React.useState<'check' | 'clear' | null>(null);
  const [notes, setNotes] = React.useState<string[]>([]);
  const [error, setError] = React.useState<string | null>(null);

  const meta = open.ret.meta!;
  const p = parsePeriod(meta.period);
  const unitName = meta.unitName ?? open.plan.units.find((u) => u.code === meta.unitCode)?.name ?? meta.unitCode;
  const planTitle = lang === 'en' && open.plan.titleEn ? open.plan.titleEn : open.plan.title;

  const check = async () => {
    setBusy('check');
    setError(null);
    setNotes([]);
    try {
      const r = await checkOpen(host, lang);
      if (r.open.mode === 'clerk') {
        setOpen(r.open);
        setFindings(r.open.findings);
      }
      const n: string[] = [];
      if (r.highlight) {
        if (!r.highlight.available) n.push(t(lang, 'marksUnavailable'));
        else if (r.highlight.marked > 0) n.push(t(lang, 'highlighted', { n: r.highlight.marked }));
      }
      setNotes(n);
    } catch (e) {
      setError(describeError(e, lang));
    } finally {
      setBusy(null);
    }
  };

  const clear = async () => {
    setBusy('clear');
    setError(null);
    try {
      const r = await host.clearMarks();
      const n = [t(lang, r.cleared ? 'marksCleared' : 'marksUnavailable')];
      if (r.restored > 0) n.push(t(lang, 'legacyRestored', { n: r.restored }));
      setNotes([...n, ...r.skippedSheets.map((sheet) => t(lang, 'protectedSkipped', { sheet }))]);
    } catch (e) {
      setError(describeError(e, lang));
    } finally {
      setBusy(null);
    }
  };

  const select = (sheet: string, cell: string) => {
    host.select(sheet, cell).catch((e) => setError(describeError(e, lang)));
  };

  return (
    <div className={s.root}>
      <div className={s.facts}>
        <Text>
          <Text weight="semibold" data-testid="unit" title={t(lang, 'unit')}>
            {unitName}
          </Text>
          {' · '}
          <Text data-testid="period" title={t(lang, 'period')}>
            {p ? periodLabel(p, lang) : meta.period}
          </Text>
        </Text>
        <Text size={200} className={s.plan} data-testid="plan" title={planTitle}>
          {planTitle}
        </Text>
      </div>
      <Text data-testid="progress" weight="semibold">
        {t(lang, 'progress', open.progress as unknown as Record<string, number>)}
      </Text>
      <div className={s.buttons}>
        <Button appearance="primary" onClick={check} disabled={busy !== null}>
          {t(lang, 'check')}
        </Button>
        <Button onClick={clear} disabled={busy !== null}>
          {t(lang, 'clearMarks')}
        </Button>
      </div>
      {busy === 'check' && <Spinner size="tiny" label={t(lang, 'checking')} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody data-testid="error">{error}</MessageBarBody>
        </MessageBar>
      )}
      {/* Notes as small text, not bars: the findings must start on the first screen. */}
      {notes.map((n) => (
        <Text key={n} size={200} className={s.note} data-testid="note" role="status">
          {n}
        </Text>
      ))}
      {findings && <FindingList findings={findings} lang={lang} onSelect={select} />}
    </div>
  );
}

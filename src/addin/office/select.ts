/** Activates a sheet and selects a cell: one round trip. */

import { AddinError } from './errors';

export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  try {
    await context.sync();
  } catch (e) {
    if ((e as { code?: string })?.code === 'ItemNotFound') throw new AddinError('err_sheetMissing', { sheet });
    throw e;
  }
}

export { writeSummaryWorkbook, type SummaryOptions } from './write';
export { SUMMARY_SHEETS, SUMMARY_HEADERS, ATTAINMENT_WORDS, STATUS_WORDS, SEVERITY_WORDS, GRID_WORDS } from './labels';
export { unitColumns, unitLabel, type UnitColumn } from './units';

export { feedbackWorkbook, type FeedbackOptions, type Problem } from './write';
export { PROBLEM_SHEET } from './problem-sheet';
export { problemsOf } from './problems';

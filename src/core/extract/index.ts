// The extraction assistant's public surface: text in, proposed rows out.
export { extractIncidents } from './extract'
export type { ExtractOptions, ExtractionResult } from './extract'
export type { ProposedRow } from './records'
export type { ReportedMention, MentionStatus } from './mentions'
export type { TextSpan } from './text'

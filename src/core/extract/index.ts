// The extraction assistant's public surface (issue #6): text in, proposed rows out.
export { extractIncidents } from './extract'
export type {
  ExtractOptions,
  ExtractionResult,
  ProposedRow,
  ReportedMention,
  MentionStatus,
} from './extract'
export type { TextSpan } from './text'

import { MIN_CELL_SYSTEMS } from '@sandbridge/domain';

/** The description of every `suppressed` field (disclosure control of recorded populations). */
export const SUPPRESSED =
  `True when the cell is backed by 1 to ${MIN_CELL_SYSTEMS - 1} distinct AI systems of a recorded ` +
  `population: its figures are then null (disclosure control; negotiators only).`;

// Plain-text tables for a terminal: columns sized to fit a width, long cells wrapped inside their
// column. Deterministic for a given width, so tests pass one and compare text.

/** Where a long word may break, after the character: ids, keys and paths break at their separators. */
const BREAK_AFTER = /[-/.:_,]/;

/** Where to cut `word` so the first piece is at most `width` long: after the last separator that fits, else at `width`. */
function cutPoint(word: string, width: number): number {
  for (let i = width; i > 0; i--) if (BREAK_AFTER.test(word[i - 1])) return i;
  // Never between the two halves of a surrogate pair.
  const high = word.charCodeAt(width - 1);
  return width > 1 && high >= 0xd800 && high <= 0xdbff ? width - 1 : width;
}

/**
 * `text` in lines of at most `width` characters: its own line breaks kept, words filled greedily,
 * a word longer than the width broken after a separator (`-/.:_,`) where one fits, else cut.
 */
export function wrapText(text: string, width: number): string[] {
  const size = Math.max(1, width);
  return text.split('\n').flatMap((paragraph) => {
    const lines: string[] = [];
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (!line || `${line} ${word}`.length > size) {
        if (line) lines.push(line);
        let rest = word;
        while (rest.length > size) {
          const cut = cutPoint(rest, size);
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      } else {
        line = `${line} ${word}`;
      }
    }
    lines.push(line);
    return lines;
  });
}

export interface TableOptions {
  /** The widest a line may be (when the columns' minimum widths allow it). */
  width: number;
  /** Spaces before every line. */
  indent?: number;
  /** Spaces between columns. */
  gap?: number;
  /** Columns never wrapped (kept at their natural width), by index. */
  keep?: readonly number[];
  /** The narrowest a column is made (or its natural width, when less), by index; `minColumn` for the others. */
  minimums?: Readonly<Record<number, number>>;
  /** The narrowest any other column is made (or its natural width, when less). */
  minColumn?: number;
}

/**
 * `rows` (the first is the header) as aligned lines of at most `width` characters where the
 * minimum widths allow (else as narrow as they allow): while the table is too wide, the widest column that may still shrink
 * loses a character (the rightmost of equals first), then every cell is wrapped to its column.
 * The last column is not padded.
 */
export function formatTable(rows: readonly (readonly string[])[], options: TableOptions): string[] {
  const { width, indent = 2, gap = 2, keep = [], minimums = {}, minColumn = 10 } = options;
  const columns = rows[0]?.length ?? 0;
  const natural = Array.from({ length: columns }, (_, i) =>
    Math.max(...rows.map((row) => Math.max(...row[i].split('\n').map((line) => line.length)))),
  );
  const minimum = natural.map((n, i) => (keep.includes(i) ? n : Math.min(n, minimums[i] ?? minColumn)));
  const widths = [...natural];
  const total = () => indent + gap * (columns - 1) + widths.reduce((sum, w) => sum + w, 0);
  while (total() > width) {
    let widest = -1;
    for (let i = columns - 1; i >= 0; i--)
      if (widths[i] > minimum[i] && (widest < 0 || widths[i] > widths[widest])) widest = i;
    if (widest < 0) break;
    widths[widest]--;
  }
  const lines: string[] = [];
  for (const row of rows) {
    const cells = row.map((cell, i) => wrapText(cell, widths[i]));
    const height = Math.max(...cells.map((cell) => cell.length));
    for (let k = 0; k < height; k++) {
      const parts = cells.map((cell, i) => (i === columns - 1 ? (cell[k] ?? '') : (cell[k] ?? '').padEnd(widths[i])));
      lines.push(`${' '.repeat(indent)}${parts.join(' '.repeat(gap))}`.trimEnd());
    }
  }
  return lines;
}

/**
 * Splits a SQL script into statements the way SQLite's shell does (sqlite3_complete rules): a statement ends at a
 * ';' outside of string literals, quoted identifiers, comments and CREATE TRIGGER ... END bodies. Each piece keeps
 * its offset in the script so errors can be marked where they occur.
 */
export interface SqlPiece {
  sql: string;
  /** Offset of `sql` in the whole script. */
  start: number;
}

export function splitStatements(script: string): SqlPiece[] {
  const out: SqlPiece[] = [];
  let start = 0;
  let i = 0;
  let triggerDepth = 0;
  let words: string[] = [];
  const n = script.length;
  const push = (end: number) => {
    const raw = script.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text.length > 0 && !/^(;|\s)*$/.test(text)) {
      out.push({ sql: text, start: start + lead });
    }
  };
  while (i < n) {
    const c = script[i];
    if (c === "'" || c === '"' || c === '`') {
      const close = script.indexOf(c, i + 1);
      i = close < 0 ? n : close + 1;
      continue;
    }
    if (c === '[') {
      const close = script.indexOf(']', i + 1);
      i = close < 0 ? n : close + 1;
      continue;
    }
    if (c === '-' && script[i + 1] === '-') {
      const nl = script.indexOf('\n', i);
      i = nl < 0 ? n : nl + 1;
      continue;
    }
    if (c === '/' && script[i + 1] === '*') {
      const close = script.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$]/.test(script[j])) {
        j++;
      }
      const word = script.slice(i, j).toUpperCase();
      words.push(word);
      if (words.length > 4) {
        words.shift();
      }
      if (word === 'TRIGGER' && words.includes('CREATE')) {
        triggerDepth = 1;
      } else if (triggerDepth > 0 && word === 'END') {
        triggerDepth = 2;
      }
      i = j;
      continue;
    }
    if (c === ';') {
      if (triggerDepth === 1) {
        i++;
        continue;
      }
      push(i);
      triggerDepth = 0;
      words = [];
      start = i + 1;
    }
    i++;
  }
  push(n);
  return out;
}

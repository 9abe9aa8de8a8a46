/**
 * The speedtest1-style workload of bench/src/main/java/dev/petrel/bench/SpeedtestBenchmark.java, ported statement
 * for statement: the same schema, SQL text, data generator (scramble, the LCG, number words) and row counts, so the
 * browser figures line up with the JMH ones. Every engine runs it through the same {@link BenchDb} interface, one
 * awaited message round trip per statement execution (see README.md, "Method").
 *
 * Differences from JMH, all identical for every engine: each test restarts the LCG at seed 1 (JMH carries it over
 * between invocations), so each round of each engine binds exactly the same parameters; and `scale` shrinks every
 * count for smoke tests (1 = the JMH sizes).
 */
import { words } from './words';

export type Param = number | bigint | string;

/** A prepared statement in an engine's worker. */
export interface BenchStatement {
  /** Binds `params`, runs to completion, resets; resolves to a checksum of the rows (or the change count). */
  run(params: Param[]): Promise<number>;
  /** Releases the statement (fire and forget, as petrel-db's own finalization). */
  finalize(): void;
}

/** One open database of one engine. */
export interface BenchDb {
  exec(sql: string): Promise<void>;
  prepare(sql: string): Promise<BenchStatement>;
  close(): Promise<void>;
}

/** What every engine's adapter computes from result rows: integers summed, text by length (as BenchDb.java). */
export function checksum(rows: unknown[][]): number {
  let sum = 0;
  for (const row of rows) {
    for (const v of row) {
      if (typeof v === 'number') sum += v;
      else if (typeof v === 'bigint') sum += Number(v);
      else if (typeof v === 'string') sum += v.length;
    }
  }
  return sum;
}

const MASK64 = (1n << 64n) - 1n;
const LONG_MAX = (1n << 63n) - 1n;

/** SpeedtestBenchmark.scramble: i * golden ratio (mod 2^64), xor-shift, sign bit cleared. */
export function scramble(i: number): bigint {
  let x = (BigInt(i) * 0x9E3779B97F4A7C15n) & MASK64;
  x ^= x >> 31n;
  return x & LONG_MAX;
}

/** scramble(i) % m as a number (m is small). */
function scrambleMod(i: number, m: number): number {
  return Number(scramble(i) % BigInt(m));
}

/** SpeedtestBenchmark.next(): a 64-bit LCG, its top 31 bits. */
class Lcg {
  private seed = 1n;

  next(): number {
    this.seed = (this.seed * 6364136223846793005n + 1442695040888963407n) & MASK64;
    return Number(this.seed >> 33n);
  }
}

const POPULATE_BATCH = 100;

export interface Test {
  name: string;
  run(db: BenchDb): Promise<number>;
}

/** The workload at a scale (1 = JMH's sizes). */
export class Workload {
  readonly rows: number;
  private readonly n: (count: number) => number;

  constructor(readonly scale = 1) {
    this.n = (count) => Math.max(1, Math.round(count * scale));
    this.rows = this.n(10_000);
  }

  /**
   * Creates and fills t1..t4 with SpeedtestBenchmark.setUp's rows, in one transaction. This is untimed set-up, so
   * the rows go in as multi-row INSERT statements (100 rows each) rather than 40,000 message round trips.
   */
  async populate(db: BenchDb): Promise<void> {
    const rows = this.rows;
    for (let t = 1; t <= 4; t++) {
      await db.exec(`CREATE TABLE t${t}(a INTEGER PRIMARY KEY, b INTEGER, c TEXT)`);
    }
    await db.exec('CREATE INDEX t2b ON t2(b)');
    await db.exec('BEGIN');
    for (let t = 1; t <= 4; t++) {
      for (let first = 1; first <= rows; first += POPULATE_BATCH) {
        const values: string[] = [];
        for (let i = first; i <= Math.min(rows, first + POPULATE_BATCH - 1); i++) {
          const b = scrambleMod(i, rows * 10);
          values.push(`(${i}, ${b}, '${words(b)}')`);
        }
        await db.exec(`INSERT INTO t${t}(a, b, c) VALUES ${values.join(', ')}`);
      }
    }
    await db.exec('COMMIT');
  }

  /** Drops what {@link populate} created, so the next round starts from the same empty schema. */
  async depopulate(db: BenchDb): Promise<void> {
    for (let t = 1; t <= 4; t++) {
      await db.exec(`DROP TABLE t${t}`);
    }
  }

  /** The tests, in JMH's names; each leaves the schema as it found it. */
  tests(): Test[] {
    const rows = this.rows;
    const n = this.n;
    const insertInto = async (db: BenchDb, count: number, row: (i: number) => Param[]): Promise<number> => {
      let sum = 0;
      const ins = await db.prepare('INSERT INTO x VALUES(?, ?, ?)');
      for (let i = 0; i < count; i++) {
        sum += await ins.run(row(i));
      }
      ins.finalize();
      return sum;
    };
    const loop = async (db: BenchDb, sql: string, count: number, params: () => Param[]): Promise<number> => {
      let sum = 0;
      const s = await db.prepare(sql);
      for (let i = 0; i < count; i++) {
        sum += await s.run(params());
      }
      s.finalize();
      return sum;
    };
    return [
      { name: 'insertBulkTransaction', run: async (db) => {
        await db.exec('CREATE TABLE x(a INTEGER, b INTEGER, c TEXT)');
        await db.exec('BEGIN');
        const sum = await insertInto(db, n(5000), (i) => {
          const b = scramble(i);
          return [i, b, words(Number(b % 100_000n))];
        });
        await db.exec('COMMIT');
        await db.exec('DROP TABLE x');
        return sum;
      } },
      { name: 'insertAutocommit', run: async (db) => {
        await db.exec('CREATE TABLE x(a INTEGER, b INTEGER, c TEXT)');
        const sum = await insertInto(db, n(1000), (i) => [i, scramble(i), words(i)]);
        await db.exec('DROP TABLE x');
        return sum;
      } },
      { name: 'insertIndexed', run: async (db) => {
        await db.exec('CREATE TABLE x(a INTEGER, b INTEGER, c TEXT)');
        await db.exec('CREATE INDEX xb ON x(b)');
        await db.exec('CREATE INDEX xc ON x(c)');
        await db.exec('BEGIN');
        const sum = await insertInto(db, n(5000), (i) => {
          const b = scrambleMod(i, 1_000_000);
          return [i, b, words(b)];
        });
        await db.exec('COMMIT');
        await db.exec('DROP TABLE x');
        return sum;
      } },
      { name: 'selectByRowid', run: (db) => {
        const lcg = new Lcg();
        return loop(db, 'SELECT b, c FROM t1 WHERE a = ?', n(1000), () => [1 + lcg.next() % rows]);
      } },
      { name: 'selectByIndex', run: (db) => {
        const lcg = new Lcg();
        return loop(db, 'SELECT a, c FROM t2 WHERE b = ?', n(1000),
          () => [scrambleMod(1 + lcg.next() % rows, rows * 10)]);
      } },
      { name: 'selectIndexedRange', run: (db) => {
        const lcg = new Lcg();
        return loop(db, 'SELECT count(*), sum(a) FROM t2 WHERE b BETWEEN ? AND ?', n(100), () => {
          const lo = lcg.next() % (rows * 10);
          return [lo, lo + 1000];
        });
      } },
      { name: 'scanWhere', run: (db) => {
        const lcg = new Lcg();
        return loop(db, 'SELECT count(*), sum(a) FROM t1 WHERE b >= ? AND b < ?', n(10), () => {
          const lo = lcg.next() % (rows * 10);
          return [lo, lo + 5000];
        });
      } },
      { name: 'scanLike', run: async (db) => {
        const patterns = ['%one%', '%seven thousand%', '%ninety%', '%two hundred%', '%eleven%'];
        let k = 0;
        return loop(db, 'SELECT count(*) FROM t1 WHERE c LIKE ?', patterns.length, () => [patterns[k++]]);
      } },
      { name: 'orderByWithoutIndex', run: async (db) => {
        const s = await db.prepare(`SELECT a, b FROM t1 ORDER BY c LIMIT ${n(500)} OFFSET ${n(5000)}`);
        const sum = await s.run([]);
        s.finalize();
        return sum;
      } },
      { name: 'updateByIndex', run: async (db) => {
        const lcg = new Lcg();
        await db.exec('BEGIN');
        const sum = await loop(db, 'UPDATE t2 SET c = ? WHERE b = ?', n(1000), () => {
          const b = scrambleMod(1 + lcg.next() % rows, rows * 10);
          return [words(b + 1), b];
        });
        await db.exec('COMMIT');
        return sum;
      } },
      { name: 'deleteAndReinsertByIndex', run: async (db) => {
        const lcg = new Lcg();
        let sum = 0;
        await db.exec('BEGIN');
        const del = await db.prepare('DELETE FROM t2 WHERE b = ?');
        const ins = await db.prepare('INSERT OR REPLACE INTO t2(a, b, c) VALUES(?, ?, ?)');
        for (let i = 0; i < n(500); i++) {
          const a = 1 + lcg.next() % rows;
          const b = scrambleMod(a, rows * 10);
          sum += await del.run([b]);
          sum += await ins.run([a, b, words(b)]);
        }
        del.finalize();
        ins.finalize();
        await db.exec('COMMIT');
        return sum;
      } },
      { name: 'join4', run: async (db) => {
        const s = await db.prepare('SELECT count(*), sum(t4.b) FROM t1 JOIN t2 ON t2.a = t1.a '
          + 'JOIN t3 ON t3.a = t2.a JOIN t4 ON t4.a = t3.a WHERE t1.b < ?');
        const sum = await s.run([rows * 5]);
        s.finalize();
        return sum;
      } },
      { name: 'createIndex', run: async (db) => {
        await db.exec('CREATE INDEX tmp_c ON t1(c)');
        await db.exec('DROP INDEX tmp_c');
        return 1;
      } },
    ];
  }
}

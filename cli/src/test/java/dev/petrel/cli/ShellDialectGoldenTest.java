package dev.petrel.cli;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dialect features beyond the core (window functions, views, triggers, foreign keys, generated columns, STRICT
 * and WITHOUT ROWID tables, partial and expression indexes, ALTER TABLE, UPSERT and RETURNING, REGEXP, TEMP and
 * ATTACH) through the shell, against the real {@code sqlite3} 3.40 in list mode (with and without headers): stdout,
 * stderr and exit status must match. Scripts stay within what 3.40 and 3.53 answer alike (3.53 prints REAL values
 * with up to 17 significant digits where 3.40 prints 15, so inexact reals are rounded).
 */
class ShellDialectGoldenTest {
    @BeforeAll
    static void needsSqlite3() throws java.io.IOException {
        ShellGoldenTest.requireSqlite3("petrel-dialect-golden");
    }

    private static final String SALES = "create table s(id integer primary key, region text, amount int);\n"
            + "insert into s(region, amount) values('n', 10), ('s', 20), ('n', 30), ('s', 5), ('e', 20), ('n', 30);\n";

    static Stream<String> scripts() {
        return Stream.of(
                SALES + "select id, region, amount, row_number() over (partition by region order by amount),"
                        + " rank() over (order by amount), dense_rank() over (order by amount),"
                        + " sum(amount) over (order by id rows between 1 preceding and 1 following)"
                        + " from s order by id;\n",
                SALES + "select region, amount, lag(amount) over w, lead(amount, 2, -1) over w,"
                        + " first_value(amount) over w, last_value(amount) over w, nth_value(amount, 2) over w,"
                        + " ntile(2) over w, percent_rank() over w, round(cume_dist() over w, 3)"
                        + " from s window w as (order by amount, id) order by amount, id;\n",
                SALES + "select region, group_concat(amount, '+') over (partition by region order by id"
                        + " range between unbounded preceding and current row exclude current row),"
                        + " count(*) filter (where amount > 10) over (order by amount groups 1 preceding)"
                        + " from s order by id;\n",
                SALES + "create view v(r, total) as select region, sum(amount) from s group by region;\n"
                        + "select * from v order by total desc, r;\n"
                        + "select r from v where total > (select avg(total) from v);\n",
                "create table a(id integer primary key, n int);\n"
                        + "create table log(msg text);\n"
                        + "create trigger ai after insert on a begin insert into log values('ins ' || new.id); end;\n"
                        + "create trigger bu before update of n on a when new.n < 0"
                        + " begin select raise(abort, 'negative'); end;\n"
                        + "create trigger ad after delete on a begin insert into log values('del ' || old.n); end;\n"
                        + "insert into a(n) values(1), (2);\n"
                        + "update a set n = -1 where id = 1;\n"
                        + "delete from a where id = 2;\n"
                        + "select * from log;\n"
                        + "create view va as select * from a;\n"
                        + "create trigger iv instead of insert on va begin insert into a(n) values(new.n * 10); end;\n"
                        + "insert into va(n) values(7);\n"
                        + "select * from a order by id;\n",
                "pragma foreign_keys = on;\n"
                        + "create table p(id integer primary key, name text);\n"
                        + "create table c(id integer primary key, pid int references p(id) on delete cascade"
                        + " on update set null);\n"
                        + "insert into p values(1, 'x'), (2, 'y');\n"
                        + "insert into c values(10, 1), (11, 2), (12, 2);\n"
                        + "insert into c values(13, 9);\n"
                        + "delete from p where id = 2;\n"
                        + "update p set id = 5 where id = 1;\n"
                        + "select * from c;\n"
                        + "pragma foreign_key_list(c);\n"
                        + "pragma foreign_keys = off;\n"
                        + "insert into c values(14, 99);\n"
                        + "pragma foreign_key_check;\n",
                "create table g(a int, b int, s int as (a + b) stored, v text as (a || '-' || b));\n"
                        + "insert into g(a, b) values(1, 2), (3, 4);\n"
                        + "select * from g;\n"
                        + "pragma table_xinfo(g);\n"
                        + "create table st(i integer, t text) strict;\n"
                        + "insert into st values(1, 'a');\n"
                        + "insert into st values('x', 'a');\n"
                        + "create table w(k text primary key, v) without rowid;\n"
                        + "insert into w values('b', 2), ('a', 1);\n"
                        + "select * from w;\n"
                        + "insert into w values('a', 3);\n",
                "create table t(a, b, c);\n"
                        + "create index tp on t(b) where c is not null;\n"
                        + "create index te on t(lower(a));\n"
                        + "insert into t values('X', 1, null), ('y', 2, 3), ('Z', 3, 4);\n"
                        + "select a from t where lower(a) = 'z';\n"
                        + "select a from t where b > 1 and c is not null;\n"
                        + "alter table t rename to u;\n"
                        + "alter table u rename column b to bb;\n"
                        + "alter table u add column d default 'dd';\n"
                        + "alter table u drop column c;\n"
                        + "select * from u;\n"
                        + "select sql from sqlite_schema order by name;\n",
                "create table kv(k text primary key, v int, n int default 0);\n"
                        + "insert into kv values('a', 1, 0) returning *;\n"
                        + "insert into kv(k, v) values('a', 5) on conflict(k) do update set v = v + excluded.v,"
                        + " n = n + 1 returning k, v, n;\n"
                        + "insert into kv(k, v) values('a', 9) on conflict do nothing;\n"
                        + "update kv set v = v * 2 returning v;\n"
                        + "delete from kv returning k;\n",
                "select 'abc' regexp 'b', 'abc' regexp '^b', 'a1b22' regexp '[0-9]{2}', 'x' regexp 'a|x';\n"
                        + "select regexp('^[a-z]+$', 'hello'), 'Hello' regexp '\\w+';\n",
                "create temp table tt(x);\n"
                        + "insert into tt values(1);\n"
                        + "attach ':memory:' as aux;\n"
                        + "create table aux.t(y);\n"
                        + "insert into aux.t select x + 1 from tt;\n"
                        + "select * from tt, aux.t;\n"
                        + "select name from pragma_database_list order by seq;\n"
                        + "detach aux;\n"
                        + "select * from aux.t;\n");
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void dialectScripts(String script) throws Exception {
        ShellGoldenTest.assertSameInListMode(script);
    }
}

package dev.petrel.engine;

import org.junit.jupiter.api.Test;

class DebugTest {
    @Test
    void debug() {
        try (Oracle o = new Oracle()) {
            for (String sql : System.getProperty("sqls", "").split(";;")) {
                System.out.println(sql + "\n  petrel: " + o.petrel(sql).replace("\n", " | ") + "\n  sqlite: "
                        + o.sqlite(sql).replace("\n", " | "));
            }
        }
    }
}

package dev.petrel.jdbc;

import java.sql.SQLException;
import java.sql.Savepoint;

/** A SQL {@code SAVEPOINT}: generated ones are named {@code SP_<id>}, named ones keep the caller's name. */
final class PetrelSavepoint implements Savepoint {
    private final int id;
    private final String name;
    private final boolean named;

    PetrelSavepoint(int id, String name) {
        this.id = id;
        this.name = name;
        this.named = !name.equals("SP_" + id);
    }

    static PetrelSavepoint cast(Savepoint sp) throws SQLException {
        if (!(sp instanceof PetrelSavepoint)) {
            throw new SQLException("not a Petrel savepoint: " + sp);
        }
        return (PetrelSavepoint) sp;
    }

    /** The name as a quoted SQL identifier. */
    String quotedName() {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    @Override
    public int getSavepointId() throws SQLException {
        if (named) {
            throw new SQLException("this is a named savepoint");
        }
        return id;
    }

    @Override
    public String getSavepointName() throws SQLException {
        if (!named) {
            throw new SQLException("this is an unnamed savepoint");
        }
        return name;
    }
}

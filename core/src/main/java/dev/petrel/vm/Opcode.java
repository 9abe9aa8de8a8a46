package dev.petrel.vm;

/**
 * The instruction set of the VM: one constant per opcode, named exactly as SQLite's VDBE opcode
 * (sqlite.org/opcode.html) so that {@code EXPLAIN} output can be compared line by line with real SQLite.
 *
 * <p>Each constant's Javadoc follows vdbe.c's form: an operand line naming the operands used ({@code *} for
 * unused), a {@code Synopsis:} line (also passed to the constructor, because EXPLAIN prints it as the comment
 * column), then the contract. {@code OpcodeTest} checks that every constant has such a comment and a case in
 * {@link Vm#exec}, and writes docs/OPCODES.md from these comments. Registers are {@code r[N]}; cursors are
 * numbered from 0. "Jumps" marks opcodes whose P2 is a jump address (the code generator resolves labels in it).
 */
public enum Opcode {
    // ---- control flow -------------------------------------------------------------------------------------------

    /**
     * Init * P2 * * *
     * Synopsis: start at P2
     * The first instruction of every program: jumps to P2, where the transaction is started and constants are
     * loaded before jumping back to the main body.
     */
    Init(true, "start at P2"),
    /**
     * Goto * P2 * * *
     * Synopsis:
     * Jumps unconditionally to P2.
     */
    Goto(true, ""),
    /**
     * Gosub P1 P2 * * *
     * Synopsis:
     * Stores the address of the next instruction in r[P1] and jumps to P2 (a subroutine ending in Return).
     */
    Gosub(true, ""),
    /**
     * Return P1 * * * *
     * Synopsis:
     * Jumps to the address held in r[P1] (set by Gosub).
     */
    Return(false, ""),
    /**
     * InitCoroutine P1 P2 P3 * *
     * Synopsis:
     * Sets r[P1] to the address P3 - 1 so that the first Yield to r[P1] enters the coroutine at P3; then jumps
     * to P2 (past the coroutine body), unless P2 is 0.
     */
    InitCoroutine(true, ""),
    /**
     * EndCoroutine P1 * * * *
     * Synopsis:
     * Ends a coroutine: jumps to the P2 of the Yield at the address held in r[P1] (the caller's "done" exit).
     */
    EndCoroutine(false, ""),
    /**
     * Yield P1 P2 * * *
     * Synopsis:
     * Swaps the program counter with r[P1]: runs the coroutine (or returns to its caller) at the address held
     * in r[P1], leaving the address of the next instruction there. P2 is the exit taken when the coroutine ends.
     */
    Yield(true, ""),
    /**
     * Halt P1 P2 * P4 P5
     * Synopsis:
     * Ends the program. P1 is the result code (0 = OK); with P1 non-zero the statement fails with message P4
     * (a constraint error: P5 1 NOT NULL, 2 UNIQUE, 3 CHECK, 4 FOREIGN KEY, 5 PRIMARY KEY) and P2 the
     * conflict action (ABORT undoes the statement, ROLLBACK the transaction, FAIL keeps earlier changes).
     */
    Halt(false, ""),
    /**
     * HaltIfNull P1 P2 P3 P4 P5
     * Synopsis: if r[P3]=null halt
     * Like Halt with constraint code P1, but only if r[P3] is NULL (NOT NULL constraints).
     */
    HaltIfNull(false, "if r[P3]=null halt"),
    /**
     * Once * P2 * * *
     * Synopsis:
     * Falls through the first time it runs in one execution of the program; jumps to P2 afterwards.
     */
    Once(true, ""),
    /**
     * If P1 P2 P3 * *
     * Synopsis:
     * Jumps to P2 if r[P1] is true (non-zero); if r[P1] is NULL, jumps when P3 is non-zero.
     */
    If(true, ""),
    /**
     * IfNot P1 P2 P3 * *
     * Synopsis:
     * Jumps to P2 if r[P1] is false (zero); if r[P1] is NULL, jumps when P3 is non-zero.
     */
    IfNot(true, ""),
    /**
     * IsNull P1 P2 * * *
     * Synopsis: if r[P1]==NULL goto P2
     * Jumps to P2 if r[P1] is NULL.
     */
    IsNull(true, "if r[P1]==NULL goto P2"),
    /**
     * NotNull P1 P2 * * *
     * Synopsis: if r[P1]!=NULL goto P2
     * Jumps to P2 if r[P1] is not NULL.
     */
    NotNull(true, "if r[P1]!=NULL goto P2"),
    /**
     * IfPos P1 P2 P3 * *
     * Synopsis: if r[P1]>0 then r[P1]-=P3, goto P2
     * If the integer in r[P1] is positive, subtracts P3 from it and jumps to P2 (OFFSET counting).
     */
    IfPos(true, "if r[P1]>0 then r[P1]-=P3, goto P2"),
    /**
     * IfNotZero P1 P2 * * *
     * Synopsis: if r[P1]!=0 then r[P1]--, goto P2
     * If the integer in r[P1] is not zero, decrements it when positive and jumps to P2.
     */
    IfNotZero(true, "if r[P1]!=0 then r[P1]--, goto P2"),
    /**
     * DecrJumpZero P1 P2 * * *
     * Synopsis: if (--r[P1])==0 goto P2
     * Decrements the integer in r[P1] and jumps to P2 if it became zero (LIMIT counting).
     */
    DecrJumpZero(true, "if (--r[P1])==0 goto P2"),
    /**
     * MustBeInt P1 P2 * * *
     * Synopsis:
     * Makes r[P1] an integer if it is one losslessly; otherwise jumps to P2, or with P2 0 fails with
     * "datatype mismatch".
     */
    MustBeInt(true, ""),
    /**
     * OffsetLimit P1 P2 P3 * *
     * Synopsis: if r[P1]>0 then r[P2]=r[P1]+max(0,r[P3]) else r[P2]=(-1)
     * Computes the number of rows to visit for LIMIT r[P1] OFFSET r[P3].
     */
    OffsetLimit(false, "if r[P1]>0 then r[P2]=r[P1]+max(0,r[P3]) else r[P2]=(-1)"),
    /**
     * Jump P1 P2 P3 * *
     * Synopsis:
     * Jumps to P1, P2 or P3 when the preceding Compare found the left side less, equal or greater.
     */
    Jump(true, ""),
    /**
     * Noop * * * * *
     * Synopsis:
     * Does nothing (a jump target).
     */
    Noop(false, ""),

    // ---- registers ----------------------------------------------------------------------------------------------

    /**
     * Integer P1 P2 * * *
     * Synopsis: r[P2]=P1
     * Stores the 32-bit integer P1 in r[P2].
     */
    Integer(false, "r[P2]=P1"),
    /**
     * Int64 * P2 * P4 *
     * Synopsis: r[P2]=P4
     * Stores the 64-bit integer P4 in r[P2].
     */
    Int64(false, "r[P2]=P4"),
    /**
     * Real * P2 * P4 *
     * Synopsis: r[P2]=P4
     * Stores the REAL P4 in r[P2].
     */
    Real(false, "r[P2]=P4"),
    /**
     * String8 * P2 * P4 *
     * Synopsis: r[P2]='P4'
     * Stores the text P4 in r[P2].
     */
    String8(false, "r[P2]='P4'"),
    /**
     * Null P1 P2 P3 * *
     * Synopsis: r[P2..P3]=NULL
     * Sets r[P2] (through r[P3] when P3 &gt; P2) to NULL.
     */
    Null(false, "r[P2..P3]=NULL"),
    /**
     * Blob * P2 * P4 *
     * Synopsis: r[P2]=P4 (len=P1)
     * Stores the BLOB P4 in r[P2].
     */
    Blob(false, "r[P2]=P4 (len=P1)"),
    /**
     * Variable P1 P2 * * *
     * Synopsis: r[P2]=parameter(P1)
     * Copies the value bound to parameter P1 (1-based) into r[P2].
     */
    Variable(false, "r[P2]=parameter(P1)"),
    /**
     * Copy P1 P2 P3 * *
     * Synopsis: r[P2@P3+1]=r[P1@P3+1]
     * Copies r[P1..P1+P3] into r[P2..P2+P3].
     */
    Copy(false, "r[P2@P3+1]=r[P1@P3+1]"),
    /**
     * SCopy P1 P2 * * *
     * Synopsis: r[P2]=r[P1]
     * Shallow copy of r[P1] into r[P2] (values are immutable here, so the same as Copy of one register).
     */
    SCopy(false, "r[P2]=r[P1]"),
    /**
     * IntCopy P1 P2 * * *
     * Synopsis: r[P2]=r[P1]
     * Copies the integer in r[P1] into r[P2].
     */
    IntCopy(false, "r[P2]=r[P1]"),
    /**
     * Move P1 P2 P3 * *
     * Synopsis: r[P2@P3]=r[P1@P3]
     * Moves P3 registers from r[P1..] to r[P2..], leaving the sources NULL.
     */
    Move(false, "r[P2@P3]=r[P1@P3]"),

    // ---- arithmetic and logic -----------------------------------------------------------------------------------

    /**
     * Add P1 P2 P3 * *
     * Synopsis: r[P3]=r[P1]+r[P2]
     * Numeric addition; NULL if either is NULL; integer overflow gives REAL.
     */
    Add(false, "r[P3]=r[P1]+r[P2]"),
    /**
     * Subtract P1 P2 P3 * *
     * Synopsis: r[P3]=r[P2]-r[P1]
     * Numeric subtraction.
     */
    Subtract(false, "r[P3]=r[P2]-r[P1]"),
    /**
     * Multiply P1 P2 P3 * *
     * Synopsis: r[P3]=r[P1]*r[P2]
     * Numeric multiplication.
     */
    Multiply(false, "r[P3]=r[P1]*r[P2]"),
    /**
     * Divide P1 P2 P3 * *
     * Synopsis: r[P3]=r[P2]/r[P1]
     * Numeric division; division by zero gives NULL.
     */
    Divide(false, "r[P3]=r[P2]/r[P1]"),
    /**
     * Remainder P1 P2 P3 * *
     * Synopsis: r[P3]=r[P2]%r[P1]
     * Integer remainder; a zero divisor gives NULL.
     */
    Remainder(false, "r[P3]=r[P2]%r[P1]"),
    /**
     * Concat P1 P2 P3 * *
     * Synopsis: r[P3]=r[P2]+r[P1]
     * Text concatenation r[P2] || r[P1]; NULL if either is NULL.
     */
    Concat(false, "r[P3]=r[P2]+r[P1]"),
    /**
     * BitAnd P1 P2 P3 * *
     * Synopsis: r[P3]=r[P1]&amp;r[P2]
     * Bitwise AND of the integer values.
     */
    BitAnd(false, "r[P3]=r[P1]&r[P2]"),
    /**
     * BitOr P1 P2 P3 * *
     * Synopsis: r[P3]=r[P1]|r[P2]
     * Bitwise OR of the integer values.
     */
    BitOr(false, "r[P3]=r[P1]|r[P2]"),
    /**
     * ShiftLeft P1 P2 P3 * *
     * Synopsis: r[P3]=r[P2]&lt;&lt;r[P1]
     * Left shift (a negative count shifts right).
     */
    ShiftLeft(false, "r[P3]=r[P2]<<r[P1]"),
    /**
     * ShiftRight P1 P2 P3 * *
     * Synopsis: r[P3]=r[P2]&gt;&gt;r[P1]
     * Arithmetic right shift (a negative count shifts left).
     */
    ShiftRight(false, "r[P3]=r[P2]>>r[P1]"),
    /**
     * BitNot P1 P2 * * *
     * Synopsis: r[P2]= ~r[P1]
     * Bitwise complement.
     */
    BitNot(false, "r[P2]= ~r[P1]"),
    /**
     * AddImm P1 P2 * * *
     * Synopsis: r[P1]=r[P1]+P2
     * Adds the constant P2 to the integer in r[P1].
     */
    AddImm(false, "r[P1]=r[P1]+P2"),
    /**
     * Not P1 P2 * * *
     * Synopsis: r[P2]= !r[P1]
     * Logical NOT: 1, 0 or NULL.
     */
    Not(false, "r[P2]= !r[P1]"),
    /**
     * And P1 P2 P3 * *
     * Synopsis: r[P3]=(r[P1] && r[P2])
     * Three-valued AND.
     */
    And(false, "r[P3]=(r[P1] && r[P2])"),
    /**
     * Or P1 P2 P3 * *
     * Synopsis: r[P3]=(r[P1] || r[P2])
     * Three-valued OR.
     */
    Or(false, "r[P3]=(r[P1] || r[P2])"),
    /**
     * IsTrue P1 P2 P3 P4 *
     * Synopsis: r[P2] = coalesce(r[P1]==TRUE,P3) ^ P4
     * Converts r[P1] to 1 or 0 (NULL gives P3), inverted when P4 is 1 (IS TRUE / IS NOT FALSE ...).
     */
    IsTrue(false, "r[P2] = coalesce(r[P1]==TRUE,P3) ^ P4"),
    /**
     * ZeroOrNull P1 P2 P3 * *
     * Synopsis: r[P2] = 0 OR NULL
     * Stores 0 in r[P2] if r[P1] and r[P3] are both non-NULL, else NULL (a comparison's false result).
     */
    ZeroOrNull(false, "r[P2] = 0 OR NULL"),

    // ---- comparisons --------------------------------------------------------------------------------------------

    /**
     * Eq P1 P2 P3 P4 P5
     * Synopsis: IF r[P3]==r[P1]
     * Compares r[P3] with r[P1] after applying the affinity in the low bits of P5, with collation P4; jumps to
     * P2 if equal. If either is NULL: jumps if P5 has SQLITE_JUMPIFNULL (0x10); with SQLITE_NULLEQ (0x80) NULL
     * equals NULL (IS).
     */
    Eq(true, "IF r[P3]==r[P1]"),
    /**
     * Ne P1 P2 P3 P4 P5
     * Synopsis: IF r[P3]!=r[P1]
     * As Eq, jumping when not equal.
     */
    Ne(true, "IF r[P3]!=r[P1]"),
    /**
     * Lt P1 P2 P3 P4 P5
     * Synopsis: IF r[P3]&lt;r[P1]
     * As Eq, jumping when r[P3] &lt; r[P1].
     */
    Lt(true, "IF r[P3]<r[P1]"),
    /**
     * Le P1 P2 P3 P4 P5
     * Synopsis: IF r[P3]&lt;=r[P1]
     * As Eq, jumping when r[P3] &lt;= r[P1].
     */
    Le(true, "IF r[P3]<=r[P1]"),
    /**
     * Gt P1 P2 P3 P4 P5
     * Synopsis: IF r[P3]&gt;r[P1]
     * As Eq, jumping when r[P3] &gt; r[P1].
     */
    Gt(true, "IF r[P3]>r[P1]"),
    /**
     * Ge P1 P2 P3 P4 P5
     * Synopsis: IF r[P3]&gt;=r[P1]
     * As Eq, jumping when r[P3] &gt;= r[P1].
     */
    Ge(true, "IF r[P3]>=r[P1]"),
    /**
     * Compare P1 P2 P3 P4 *
     * Synopsis: r[P1@P3] &lt;-&gt; r[P2@P3]
     * Compares the vectors r[P1..P1+P3-1] and r[P2..] with the key order P4 (a KeyInfo); the next Jump uses it.
     */
    Compare(false, "r[P1@P3] <-> r[P2@P3]"),

    // ---- types --------------------------------------------------------------------------------------------------

    /**
     * Affinity P1 P2 * P4 *
     * Synopsis: affinity(r[P1@P2])
     * Applies the affinity characters of P4 to r[P1..P1+P2-1], one character per register.
     */
    Affinity(false, "affinity(r[P1@P2])"),
    /**
     * Cast P1 P2 * * *
     * Synopsis: affinity(r[P1])
     * CAST(r[P1] AS type), P2 being the affinity character of the type.
     */
    Cast(false, "affinity(r[P1])"),
    /**
     * RealAffinity P1 * * * *
     * Synopsis:
     * Turns an INTEGER in r[P1] into a REAL (a REAL column read back from its integer encoding).
     */
    RealAffinity(false, ""),
    /**
     * TypeCheck P1 P2 * P4 *
     * Synopsis: typecheck(r[P1@P2])
     * Checks that r[P1..P1+P2-1], the affinity-converted columns of a row of the STRICT table described by P4 (a
     * StrictColumns), have the storage classes their types allow; fails with SQLITE_CONSTRAINT_DATATYPE.
     */
    TypeCheck(false, "typecheck(r[P1@P2])"),

    // ---- transactions and schema --------------------------------------------------------------------------------

    /**
     * Transaction P1 P2 P3 * P5
     * Synopsis:
     * Starts a read (P2=0) or write (P2=1) transaction on database P1 if none is open; if the schema cookie is
     * not P3 (and P5 is 1), fails with SQLITE_SCHEMA so that the statement is prepared again.
     */
    Transaction(false, ""),
    /**
     * Attach P1 P2 P3 * *
     * Synopsis:
     * ATTACH: opens the database file named by r[P1] as schema r[P2] (r[P3] the key, unused) on the connection.
     */
    Attach(false, ""),
    /**
     * Detach P1 * * * *
     * Synopsis:
     * DETACH: closes the attached database named by r[P1].
     */
    Detach(false, ""),
    /**
     * AutoCommit P1 P2 * * *
     * Synopsis:
     * Sets the connection's autocommit flag to P1 (BEGIN: 0, COMMIT: 1); with P2 1 rolls back (ROLLBACK).
     */
    AutoCommit(false, ""),
    /**
     * Savepoint P1 * * P4 *
     * Synopsis:
     * Opens (P1=0), releases (P1=1) or rolls back to (P1=2) the savepoint named P4.
     */
    Savepoint(false, ""),
    /**
     * ReadCookie P1 P2 P3 * *
     * Synopsis:
     * Reads header cookie P3 of database P1 into r[P2]: 0 free page count, 1 schema cookie, 6 user version,
     * 8 application id.
     */
    ReadCookie(false, ""),
    /**
     * SetCookie P1 P2 P3 * *
     * Synopsis:
     * Writes P3 into header cookie P2 of database P1 (numbered as ReadCookie); after the schema cookie the schema
     * is reloaded.
     */
    SetCookie(false, ""),
    /**
     * Pagecount P1 P2 * * *
     * Synopsis:
     * Stores the number of pages of database P1 in r[P2].
     */
    Pagecount(false, ""),
    /**
     * JournalMode P1 P2 * P4 *
     * Synopsis:
     * Changes the journal mode of database P1 to P4 (a mode name: delete, truncate, persist, memory, wal or off)
     * when P4 is not null, then stores the journal mode in effect in r[P2]. An unknown name leaves the mode as it
     * is, and an in-memory database stays in memory mode, as in SQLite.
     */
    JournalMode(false, ""),
    /**
     * PragmaSetting P1 P2 * P4 *
     * Synopsis:
     * Applies the settings PRAGMA P4 (a two-element array: the name in lower case and the value text, or null to
     * read it) to the connection and to the pager of database P1, and stores the value it reports, or NULL, in r[P2] (a pragma that reports a row
     * of several values, wal_checkpoint, fills r[P2] onwards).
     */
    PragmaSetting(false, ""),
    /**
     * IntegrityCk P1 P2 P3 P4 *
     * Synopsis:
     * Checks the b-tree structure of the whole of database P1, or only of the trees whose root pages P4 (an
     * int[]) lists, reporting at most r[P3] errors: stores NULL in r[P2] when there are none, else the messages one
     * per line, and subtracts their number from r[P3].
     */
    IntegrityCk(false, ""),
    /**
     * Vacuum P1 P2 * * *
     * Synopsis:
     * Rebuilds database P1 (0 = main) compactly; if P2 is non-zero, r[P2] holds a file name and the compact copy
     * is written there instead (VACUUM INTO), leaving the database unchanged.
     */
    Vacuum(false, ""),
    /**
     * CreateBtree P1 P2 P3 * *
     * Synopsis: r[P2]=root iDb=P1 flags=P3
     * Creates a new b-tree (P3 1 = table, 2 = index) in database P1 and stores its root page number in r[P2].
     */
    CreateBtree(false, "r[P2]=root iDb=P1 flags=P3"),
    /**
     * Destroy P1 P2 P3 * *
     * Synopsis:
     * Deletes the b-tree rooted at page P1 of database P3 (DROP TABLE / DROP INDEX).
     */
    Destroy(false, ""),
    /**
     * Clear P1 P2 P3 * *
     * Synopsis:
     * Deletes every entry of the b-tree rooted at P1 of database P2 (adds the count to the change counter when P3
     * is non-zero).
     */
    Clear(false, ""),
    /**
     * ParseSchema P1 * * P4 *
     * Synopsis:
     * Reloads the schema of database P1 from its schema table after a DDL statement changed it.
     */
    ParseSchema(false, ""),
    /**
     * DropTable P1 * * P4 *
     * Synopsis:
     * Forgets the table P4 in the in-memory schema (the schema is reloaded at the end of the statement).
     */
    DropTable(false, ""),
    /**
     * DropIndex P1 * * P4 *
     * Synopsis:
     * Forgets the index P4 in the in-memory schema.
     */
    DropIndex(false, ""),

    // ---- cursors ------------------------------------------------------------------------------------------------

    /**
     * OpenRead P1 P2 P3 P4 P5
     * Synopsis: root=P2 iDb=P3
     * Opens cursor P1 on the b-tree rooted at page P2 of database P3 for reading; P4 is the index KeyInfo, or the
     * column count of a table.
     */
    OpenRead(false, "root=P2 iDb=P3"),
    /**
     * OpenWrite P1 P2 P3 P4 P5
     * Synopsis: root=P2 iDb=P3
     * Opens cursor P1 on the b-tree rooted at P2 (or at the page number in r[P2] when P5 has 0x02) of database P3
     * for writing.
     */
    OpenWrite(false, "root=P2 iDb=P3"),
    /**
     * OpenEphemeral P1 P2 * P4 P5
     * Synopsis: nColumn=P2
     * Opens cursor P1 on a new temporary table with P2 columns: an index-like key set when P4 is a KeyInfo,
     * else a rowid table. It vanishes when the cursor is closed.
     */
    OpenEphemeral(false, "nColumn=P2"),
    /**
     * OpenPseudo P1 P2 P3 * *
     * Synopsis: P3 columns in r[P2]
     * Opens cursor P1 on the single row held as a record in r[P2]; Column reads its fields.
     */
    OpenPseudo(false, "P3 columns in r[P2]"),
    /**
     * VFilter P1 P2 P3 P4 P5
     * Synopsis: iplan=r[P3] zplan='P4'
     * Calls the table-valued function P4 ({@code dev.petrel.func.TableFunction}) with the P5 arguments in
     * r[P3..P3+P5-1] and points cursor P1 at the first row of its result (opening the cursor if needed); jumps
     * to P2 when there is none. Column, Rowid and Next then read and advance the rows.
     */
    VFilter(true, "iplan=r[P3] zplan='P4'"),
    /**
     * Close P1 * * * *
     * Synopsis:
     * Closes cursor P1.
     */
    Close(false, ""),
    /**
     * NullRow P1 * * * *
     * Synopsis:
     * Moves cursor P1 to a null row: every Column reads NULL (the unmatched side of an outer join).
     */
    NullRow(false, ""),
    /**
     * Rewind P1 P2 * * *
     * Synopsis:
     * Moves cursor P1 to its first entry; jumps to P2 if there is none.
     */
    Rewind(true, ""),
    /**
     * Last P1 P2 * * *
     * Synopsis:
     * Moves cursor P1 to its last entry; jumps to P2 if there is none.
     */
    Last(true, ""),
    /**
     * Next P1 P2 * * *
     * Synopsis:
     * Advances cursor P1 and jumps to P2 if it is on an entry; falls through at the end.
     */
    Next(true, ""),
    /**
     * Prev P1 P2 * * *
     * Synopsis:
     * Moves cursor P1 back and jumps to P2 if it is on an entry; falls through before the first.
     */
    Prev(true, ""),
    /**
     * SeekRowid P1 P2 P3 * *
     * Synopsis: intkey=r[P3]
     * Moves table cursor P1 to the row whose rowid is r[P3]; jumps to P2 if there is none (or r[P3] is not an
     * integer).
     */
    SeekRowid(true, "intkey=r[P3]"),
    /**
     * NotExists P1 P2 P3 * *
     * Synopsis: intkey=r[P3]
     * As SeekRowid, for an integer r[P3].
     */
    NotExists(true, "intkey=r[P3]"),
    /**
     * SeekGE P1 P2 P3 P4 *
     * Synopsis: key=r[P3@P4]
     * Moves cursor P1 to the first entry &gt;= the key r[P3..P3+P4-1] (a rowid r[P3] on a table); jumps to P2
     * if there is none.
     */
    SeekGE(true, "key=r[P3@P4]"),
    /**
     * SeekGT P1 P2 P3 P4 *
     * Synopsis: key=r[P3@P4]
     * Moves cursor P1 to the first entry &gt; the key; jumps to P2 if there is none.
     */
    SeekGT(true, "key=r[P3@P4]"),
    /**
     * SeekLE P1 P2 P3 P4 *
     * Synopsis: key=r[P3@P4]
     * Moves cursor P1 to the last entry &lt;= the key; jumps to P2 if there is none.
     */
    SeekLE(true, "key=r[P3@P4]"),
    /**
     * SeekLT P1 P2 P3 P4 *
     * Synopsis: key=r[P3@P4]
     * Moves cursor P1 to the last entry &lt; the key; jumps to P2 if there is none.
     */
    SeekLT(true, "key=r[P3@P4]"),
    /**
     * IdxGE P1 P2 P3 P4 *
     * Synopsis: key=r[P3@P4]
     * Jumps to P2 if the index entry of cursor P1 (its first P4 fields) is &gt;= the key r[P3..].
     */
    IdxGE(true, "key=r[P3@P4]"),
    /**
     * IdxGT P1 P2 P3 P4 *
     * Synopsis: key=r[P3@P4]
     * Jumps to P2 if the index entry of cursor P1 is &gt; the key.
     */
    IdxGT(true, "key=r[P3@P4]"),
    /**
     * IdxLE P1 P2 P3 P4 *
     * Synopsis: key=r[P3@P4]
     * Jumps to P2 if the index entry of cursor P1 is &lt;= the key.
     */
    IdxLE(true, "key=r[P3@P4]"),
    /**
     * IdxLT P1 P2 P3 P4 *
     * Synopsis: key=r[P3@P4]
     * Jumps to P2 if the index entry of cursor P1 is &lt; the key.
     */
    IdxLT(true, "key=r[P3@P4]"),
    /**
     * Found P1 P2 P3 P4 *
     * Synopsis: key=r[P3@P4]
     * Jumps to P2 if index cursor P1 has an entry whose prefix equals the key r[P3..P3+P4-1] (P4 0: r[P3] is a
     * whole record); the cursor is left on it.
     */
    Found(true, "key=r[P3@P4]"),
    /**
     * NotFound P1 P2 P3 P4 *
     * Synopsis: key=r[P3@P4]
     * Jumps to P2 if index cursor P1 has no entry whose prefix equals the key.
     */
    NotFound(true, "key=r[P3@P4]"),
    /**
     * NoConflict P1 P2 P3 P4 *
     * Synopsis: key=r[P3@P4]
     * As NotFound, but also jumps when any key field is NULL (NULLs never conflict in a UNIQUE index).
     */
    NoConflict(true, "key=r[P3@P4]"),
    /**
     * Column P1 P2 P3 P4 P5
     * Synopsis: r[P3]=cursor[P1].column[P2]
     * Reads column P2 of the current entry of cursor P1 into r[P3]; a record too short for it gives P4 (the
     * column's default) or NULL.
     */
    Column(false, "r[P3]=cursor[P1].column[P2]"),
    /**
     * Rowid P1 P2 * * *
     * Synopsis: r[P2]=PX rowid of P1
     * Stores the rowid of the current row of table cursor P1 in r[P2] (NULL on a null row).
     */
    Rowid(false, "r[P2]=PX rowid of P1"),
    /**
     * IdxRowid P1 P2 * * *
     * Synopsis: r[P2]=rowid
     * Stores the rowid at the end of the current index entry of cursor P1 in r[P2].
     */
    IdxRowid(false, "r[P2]=rowid"),
    /**
     * DeferredSeek P1 * P3 * *
     * Synopsis: Move P3 to P1.rowid
     * Moves table cursor P3 to the row the index entry of cursor P1 points at.
     */
    DeferredSeek(false, "Move P3 to P1.rowid"),
    /**
     * Sequence P1 P2 * * *
     * Synopsis: r[P2]=cursor[P1].ctr++
     * Stores the next value of cursor P1's sequence counter in r[P2].
     */
    Sequence(false, "r[P2]=cursor[P1].ctr++"),
    /**
     * Count P1 P2 * * *
     * Synopsis: r[P2]=count()
     * Stores the number of entries of cursor P1's b-tree in r[P2].
     */
    Count(false, "r[P2]=count()"),
    /**
     * ResultRow P1 P2 * * *
     * Synopsis: output=r[P1@P2]
     * Hands r[P1..P1+P2-1] to the caller as a result row; the next step resumes after this instruction.
     */
    ResultRow(false, "output=r[P1@P2]"),
    /**
     * MakeRecord P1 P2 P3 P4 *
     * Synopsis: r[P3]=mkrec(r[P1@P2])
     * Encodes r[P1..P1+P2-1] as a record (after applying the affinity string P4, if any) into r[P3].
     */
    MakeRecord(false, "r[P3]=mkrec(r[P1@P2])"),
    /**
     * NewRowid P1 P2 P3 * *
     * Synopsis: r[P2]=rowid
     * Stores a new rowid for table cursor P1 in r[P2]: one more than the largest (at least the AUTOINCREMENT
     * high-water mark in r[P3] when P3 is non-zero, which is updated).
     */
    NewRowid(false, "r[P2]=rowid"),
    /**
     * Insert P1 P2 P3 P4 P5
     * Synopsis: intkey=r[P3] data=r[P2]
     * Writes the record r[P2] with rowid r[P3] into table cursor P1 (replacing a row with that rowid). P5 bit
     * 0x01 counts the row as a change and makes it the last insert rowid (0x20 only counts).
     */
    Insert(false, "intkey=r[P3] data=r[P2]"),
    /**
     * IdxInsert P1 P2 P3 P4 P5
     * Synopsis: key=r[P2]
     * Writes the record r[P2] as a key into index cursor P1; with OPFLAG_NCHANGE in P5 (a row of a WITHOUT ROWID
     * table) it counts as a change.
     */
    IdxInsert(false, "key=r[P2]"),
    /**
     * Delete P1 * * P4 P5
     * Synopsis:
     * Deletes the current row of cursor P1; P5 bit 0x01 counts it as a change.
     */
    Delete(false, ""),
    /**
     * IdxDelete P1 P2 P3 * *
     * Synopsis: key=r[P2@P3]
     * Deletes the index entry whose key is r[P2..P2+P3-1] from index cursor P1, if present.
     */
    IdxDelete(false, "key=r[P2@P3]"),
    /**
     * RowData P1 P2 * * *
     * Synopsis: r[P2]=data
     * Copies the whole record of the current entry of cursor P1 into r[P2].
     */
    RowData(false, "r[P2]=data"),

    // ---- sorter -------------------------------------------------------------------------------------------------

    /**
     * SorterOpen P1 P2 * P4 *
     * Synopsis:
     * Opens sorter cursor P1 for records of P2 columns ordered by the KeyInfo P4 on their leading columns.
     */
    SorterOpen(false, ""),
    /**
     * SorterInsert P1 P2 * * *
     * Synopsis: key=r[P2]
     * Adds the record r[P2] to sorter P1 (sorted runs spill to a temporary file when memory fills).
     */
    SorterInsert(false, "key=r[P2]"),
    /**
     * SorterSort P1 P2 * * *
     * Synopsis:
     * Sorts sorter P1 and moves to its first record; jumps to P2 if it is empty.
     */
    SorterSort(true, ""),
    /**
     * SorterData P1 P2 P3 * *
     * Synopsis: r[P2]=data
     * Copies the current record of sorter P1 into r[P2] and makes pseudo cursor P3 read it.
     */
    SorterData(false, "r[P2]=data"),
    /**
     * SorterNext P1 P2 * * *
     * Synopsis:
     * Advances sorter P1; jumps to P2 if a record remains.
     */
    SorterNext(true, ""),
    /**
     * SorterCompare P1 P2 P3 P4 *
     * Synopsis: if key(P1)!=trim(r[P3],P4) goto P2
     * Jumps to P2 if the first P4 fields of the current sorter record differ from those of record r[P3].
     */
    SorterCompare(true, "if key(P1)!=trim(r[P3],P4) goto P2"),
    /**
     * ResetSorter P1 * * * *
     * Synopsis:
     * Deletes every entry of ephemeral table or sorter P1.
     */
    ResetSorter(false, ""),

    // ---- functions ----------------------------------------------------------------------------------------------

    /**
     * Function P1 P2 P3 P4 P5
     * Synopsis: r[P3]=func(r[P2@P5])
     * Calls the scalar function P4 with arguments r[P2..P2+P5-1] and stores its result in r[P3].
     */
    Function(false, "r[P3]=func(r[P2@P5])"),
    /**
     * AggStep P1 P2 P3 P4 P5
     * Synopsis: accum=r[P3] step(r[P2@P5])
     * Feeds r[P2..P2+P5-1] to the aggregate P4 whose state lives in r[P3]. With P1 non-zero, P1 is an ephemeral
     * index cursor used to drop duplicate arguments (DISTINCT aggregates).
     */
    AggStep(false, "accum=r[P3] step(r[P2@P5])"),
    /**
     * AggFinal P1 P2 * P4 *
     * Synopsis: accum=r[P1] N=P2
     * Replaces the aggregate state in r[P1] with the aggregate's final result (P4 the function).
     */
    AggFinal(false, "accum=r[P1] N=P2"),

    // ---- window functions ---------------------------------------------------------------------------------------

    /**
     * WindowAdd P1 P2 P3 P4 *
     * Synopsis: window r[P1] add r[P3]
     * Adds the sorted record in r[P3] to the window buffer in r[P1] (made for window pass P4 on first use).
     * When the record starts a new partition, the buffered partition is evaluated and control jumps to P2 to
     * emit it (the record waits in the buffer). With P3 zero the input has ended: a buffered partition is
     * evaluated and control jumps to P2; an empty buffer falls through.
     */
    WindowAdd(true, "window r[P1] add r[P3]"),
    /**
     * WindowNext P1 P2 P3 * *
     * Synopsis: r[P3]=window r[P1] next row
     * Puts the next evaluated row of the window buffer in r[P1] into r[P3] as a record; when the partition is
     * exhausted, makes the buffer gather again and jumps to P2.
     */
    WindowNext(true, "r[P3]=window r[P1] next row"),

    // ---- triggers and foreign keys ------------------------------------------------------------------------------

    /**
     * Program P1 P2 P3 P4 P5
     * Synopsis: call trigger P4 with r[P1@P3]
     * Runs the trigger sub-program P4 (a {@link TriggerProgram}) in a frame of its own (registers, cursors):
     * r[P1..P1+P3-1] become its registers 1..P3 (the OLD and NEW rows). Jumps to P2 if the sub-program ends in
     * RAISE(IGNORE). With P5 non-zero the call is skipped when P4 is already running in an enclosing frame
     * (recursive_triggers off). last_insert_rowid() is restored when the sub-program ends.
     */
    Program(true, "call trigger P4 with r[P1@P3]"),
    /**
     * Raise P1 P2 * * *
     * Synopsis: RAISE(P2, r[P1])
     * RAISE() in a trigger program. P2 0 (IGNORE) ends the sub-program and makes its Program opcode jump; P2 1
     * (ROLLBACK), 2 (ABORT) or 3 (FAIL) fails the statement with SQLITE_CONSTRAINT_TRIGGER and the message
     * r[P1], resolved as that conflict action.
     */
    Raise(false, "RAISE(P2, r[P1])"),
    /**
     * FkCounter P1 P2 * * *
     * Synopsis: fkctr[P1]+=P2
     * Adds P2 to the statement's foreign key violation counter (P1 0) or to the connection's deferred counter
     * (P1 1, also used for P1 0 under PRAGMA defer_foreign_keys). A statement ending with its counter above
     * zero fails with "FOREIGN KEY constraint failed"; so does COMMIT with the deferred counter above zero.
     */
    FkCounter(false, "fkctr[P1]+=P2"),
    /**
     * FkIfZero P1 P2 * * *
     * Synopsis: if fkctr[P1]==0 goto P2
     * Jumps to P2 if the counter named by P1 (as FkCounter) is zero: nothing to resolve by a new parent row.
     */
    FkIfZero(true, "if fkctr[P1]==0 goto P2"),
    /**
     * ConnectionFlag * P2 P3 P4 *
     * Synopsis: r[P2]=flag P4
     * Reads the connection setting named P4 (foreign_keys, recursive_triggers, defer_foreign_keys) into r[P2],
     * after setting it to P3 - 1 when P3 is non-zero (PRAGMA name = value).
     */
    ConnectionFlag(false, "r[P2]=flag P4"),
    /**
     * ResetCount * * * * *
     * Synopsis:
     * In a trigger sub-program, after each statement of the body: changes() becomes the number of rows that
     * statement changed, and counting starts again (the firing statement's changes() returns when the frame ends).
     */
    ResetCount(false, "");

    /** Operand P5 bit for comparisons: jump when either operand is NULL. */
    public static final int JUMPIFNULL = 0x10;
    /** Operand P5 bit for comparisons: NULL compares equal to NULL (IS, IS NOT). */
    public static final int NULLEQ = 0x80;
    /** Operand P5 mask of the affinity character's offset ('A' + n) in comparisons. */
    public static final int AFF_MASK = 0x0f;

    private final boolean jumps;
    private final String synopsis;

    Opcode(boolean jumps, String synopsis) {
        this.jumps = jumps;
        this.synopsis = synopsis;
    }

    /**
     * The database (0 main, 1 temp, 2.. attached) instruction {@code in} of this opcode reads or writes, or -1
     * when it touches none; the code generator starts a transaction on each database its program names.
     */
    public int databaseOperand(Insn in) {
        switch (this) {
            case OpenRead:
            case OpenWrite:
            case Destroy:
                return in.p3;
            case Clear:
                return in.p2;
            case ReadCookie:
            case SetCookie:
            case Pagecount:
            case IntegrityCk:
            case CreateBtree:
            case Vacuum:
                return in.p1;
            default:
                return -1;
        }
    }

    /** Whether instruction {@code in} writes the database {@link #databaseOperand} names (a write transaction). */
    public boolean writesDatabase(Insn in) {
        return this == OpenWrite || this == Destroy || this == Clear || this == SetCookie || this == CreateBtree
                || (this == Vacuum && in.p2 == 0);
    }

    /** Whether P2 is a jump address. */
    public boolean jumps() {
        return jumps;
    }

    /** The synopsis EXPLAIN prints as the comment (with P1..P4 substituted), possibly empty. */
    public String synopsis() {
        return synopsis;
    }
}

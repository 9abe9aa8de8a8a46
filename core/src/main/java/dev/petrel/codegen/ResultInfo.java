package dev.petrel.codegen;

import dev.petrel.record.Collation;
import dev.petrel.value.Affinity;
import java.util.ArrayList;
import java.util.List;

/** What a SELECT returns, per column: name, declared type (for table columns), affinity and collation. */
final class ResultInfo {
    final List<String> names = new ArrayList<>();
    final List<String> declTypes = new ArrayList<>();
    final List<Affinity> affinities = new ArrayList<>();
    final List<Collation> collations = new ArrayList<>();

    int size() {
        return names.size();
    }
}

package io.consentgateway.adapter.out.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * Long lists of ids go to the database in several statements: an {@code IN} list binds one parameter per id, and
 * both databases bound a statement's parameters (PostgreSQL's protocol: 65,535).
 */
final class IdLists {
    static final int MOST_PER_STATEMENT = 500;

    private IdLists() {
    }

    /** {@code ids} in consecutive pieces of at most {@link #MOST_PER_STATEMENT}; none for none. */
    static <T> List<List<T>> chunks(List<T> ids) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += MOST_PER_STATEMENT) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + MOST_PER_STATEMENT)));
        }
        return chunks;
    }
}

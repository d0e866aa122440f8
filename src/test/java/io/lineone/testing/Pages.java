package io.lineone.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Walking a store's keyset pages, as a caller with a cursor would. */
public final class Pages {

    private Pages() {
    }

    /**
     * Every id, page after page: {@code pageAfter} gets the last id of the page before (null for the first) and
     * returns the next ids; the walk ends at the first empty page. Fails on a page over {@code limit}, and after a
     * thousand pages, so that a cursor that never moves cannot hang the test.
     */
    public static List<String> walk(int limit, Function<String, List<String>> pageAfter) {
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 1000; pages++) {
            List<String> page = pageAfter.apply(after);
            assertThat(page.size()).as("page after %s", after).isLessThanOrEqualTo(limit);
            if (page.isEmpty()) {
                return seen;
            }
            seen.addAll(page);
            after = page.get(page.size() - 1);
        }
        throw new AssertionError("paging never ended");
    }
}

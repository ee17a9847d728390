package org.gazette.revision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void keepsCommonLinesAndPairsChangesSideBySide() {
        var rows = LineDiff.of(List.of("a", "b", "c", "d"), List.of("a", "B", "c", "d", "e"));
        assertThat(rows).containsExactly(
                new LineDiff.Row("a", "a", LineDiff.Kind.SAME),
                new LineDiff.Row("b", "B", LineDiff.Kind.CHANGED),
                new LineDiff.Row("c", "c", LineDiff.Kind.SAME),
                new LineDiff.Row("d", "d", LineDiff.Kind.SAME),
                new LineDiff.Row(null, "e", LineDiff.Kind.ADDED));
    }

    @Test
    void removedLinesStandAlone() {
        assertThat(LineDiff.of(List.of("x", "y", "z"), List.of("x", "z")))
                .containsExactly(new LineDiff.Row("x", "x", LineDiff.Kind.SAME), new LineDiff.Row("y", null, LineDiff.Kind.REMOVED),
                        new LineDiff.Row("z", "z", LineDiff.Kind.SAME));
        assertThat(LineDiff.of(List.of(), List.of())).isEmpty();
    }
}

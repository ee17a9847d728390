package org.gazette.revision;

import java.util.ArrayList;
import java.util.List;

/** A side-by-side line diff: the longest common subsequence, then paired rows of removed and added lines. */
public final class LineDiff {

    /** Lines kept in both, or a line only on the left (removed), only on the right (added), or changed. */
    public enum Kind { SAME, REMOVED, ADDED, CHANGED }

    public record Row(String left, String right, Kind kind) {
    }

    /** Beyond this many lines a side, the diff compares whole blocks instead (it still shows everything). */
    private static final int MAX_LINES = 3000;

    private LineDiff() {
    }

    public static List<Row> of(List<String> left, List<String> right) {
        if (left.size() > MAX_LINES || right.size() > MAX_LINES) {
            return pair(left, right);
        }
        int n = left.size();
        int m = right.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = left.get(i).equals(right.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Row> rows = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && left.get(i).equals(right.get(j))) {
                rows.addAll(pair(removed, added));
                removed.clear();
                added.clear();
                rows.add(new Row(left.get(i), right.get(j), Kind.SAME));
                i++;
                j++;
            } else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
                added.add(right.get(j++));
            } else {
                removed.add(left.get(i++));
            }
        }
        rows.addAll(pair(removed, added));
        return rows;
    }

    /** Lines removed and added at the same place, shown against each other. */
    private static List<Row> pair(List<String> removed, List<String> added) {
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < Math.max(removed.size(), added.size()); k++) {
            String l = k < removed.size() ? removed.get(k) : null;
            String r = k < added.size() ? added.get(k) : null;
            Kind kind = l == null ? Kind.ADDED : r == null ? Kind.REMOVED : Kind.CHANGED;
            rows.add(new Row(l, r, kind));
        }
        return rows;
    }
}

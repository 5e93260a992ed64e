package io.gordon.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The original's deep-merge acceptance table (gordon.md 1.2, test_deep_merge_dict). */
class ConfigMergeTest {
  private static final Origin O = Origin.file("t.toml");

  /** Builds a table from alternating key/value pairs; a Map value becomes a sub-table. */
  static ConfigTable t(Object... kv) {
    Map<String, ConfigTable.Entry> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1] instanceof Object[] sub ? t(sub) : kv[i + 1];
      m.put((String) kv[i], new ConfigTable.Entry(v, O));
    }
    return new ConfigTable(O, m);
  }

  static Object[] sub(Object... kv) {
    return kv;
  }

  private static Map<String, Object> merge(ConfigTable a, ConfigTable b) {
    return a.mergedWith(b).toPlainMap();
  }

  @Test
  void disjointKeysAreBothKept() {
    assertThat(merge(t("a", 1L), t("b", 2L))).isEqualTo(Map.of("a", 1L, "b", 2L));
  }

  @Test
  void scalarOnTheRightReplaces() {
    assertThat(merge(t("a", 1L), t("a", 2L))).isEqualTo(Map.of("a", 2L));
  }

  @Test
  void tablesMergeRecursively() {
    assertThat(merge(t("a", sub("a1", 1L)), t("a", sub("a2", 2L))))
        .isEqualTo(Map.of("a", Map.of("a1", 1L, "a2", 2L)));
  }

  @Test
  void nestedScalarOnTheRightReplaces() {
    assertThat(merge(t("a", sub("a1", 1L)), t("a", sub("a1", 2L))))
        .isEqualTo(Map.of("a", Map.of("a1", 2L)));
  }

  @Test
  void tableMergesIntoEmpty() {
    assertThat(merge(t(), t("a", sub("a1", 1L)))).isEqualTo(Map.of("a", Map.of("a1", 1L)));
  }

  // TOML cannot express None; a non-table scalar plays its part in the two rows using it.
  @Test
  void tableReplacesNonTable() {
    assertThat(merge(t("a", "None"), t("a", sub("a1", 1L))))
        .isEqualTo(Map.of("a", Map.of("a1", 1L)));
  }

  @Test
  void nonTableReplacesTable() {
    assertThat(merge(t("a", sub("a1", 1L)), t("a", "None"))).isEqualTo(Map.of("a", "None"));
  }

  @Test
  void emptyTableOnTheRightLeavesTheLeftUntouched() {
    assertThat(merge(t("a", sub("a1", 1L)), t("a", sub())))
        .isEqualTo(Map.of("a", Map.of("a1", 1L)));
  }

  @Test
  void listsReplaceWholesale() {
    assertThat(merge(t("a", java.util.List.of("x", "y")), t("a", java.util.List.of("z"))))
        .isEqualTo(Map.of("a", java.util.List.of("z")));
  }

  @Test
  void originsFollowTheWinningValue() {
    ConfigTable a = ConfigFiles.parse("[core]\ndebug = false\nmetrics = \"ffwd\"\n", "gordon.toml");
    ConfigTable b = ConfigFiles.parse("\n\n[core]\ndebug = true\n", "gordon-user.toml");
    ConfigTable m = a.mergedWith(b);
    assertThat(m.originOf("core.debug")).contains(new Origin("gordon-user.toml", 4, 1));
    assertThat(m.originOf("core.metrics")).contains(new Origin("gordon.toml", 3, 1));
  }
}

package io.gordon.api.model;

import java.util.Random;

/**
 * Random domain names, valid and broken in every way {@link DnsNames} checks: mixed case, padding,
 * missing or doubled dots, labels of 0 to 70 characters, names past 253 characters, hyphens and
 * underscores at either end, wildcards and owner markers anywhere, characters outside the rules.
 */
final class NameGrammar {
  private static final String NORMAL = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String ODD = "ABCXYZ-_*. \t\u00e9\u212a\u0130!/@";
  private static final String[] SPECIAL = {
    "*",
    "_gordon-a-*",
    "_gordon-*",
    "_gordon--*",
    "_GORDON-A-*",
    "-*",
    "a-*",
    "_gordon-",
    "-",
    "_",
    "a-",
    "-a",
    "_a_",
    "xn--bcher-kva"
  };
  private static final String[] WHOLE = {null, "", " ", "\t\n", ".", "..", " . ", "a..b.", ".a."};

  private NameGrammar() {}

  static String name(Random r) {
    if (r.nextInt(40) == 0) {
      return WHOLE[r.nextInt(WHOLE.length)];
    }
    boolean longName = r.nextInt(8) == 0;
    int labels = longName ? 3 + r.nextInt(6) : 1 + r.nextInt(4);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < labels; i++) {
      if (i > 0) {
        b.append('.');
      }
      b.append(label(r, longName));
    }
    if (r.nextInt(4) != 0) {
      b.append('.');
    }
    if (r.nextInt(12) == 0) {
      b.insert(0, r.nextBoolean() ? " " : "\t");
    }
    if (r.nextInt(12) == 0) {
      b.append(r.nextBoolean() ? " " : "\n");
    }
    return b.toString();
  }

  private static String label(Random r, boolean longName) {
    int pick = r.nextInt(10);
    if (pick == 0) {
      return SPECIAL[r.nextInt(SPECIAL.length)];
    }
    int length =
        longName ? 40 + r.nextInt(25) : r.nextInt(30) == 0 ? 60 + r.nextInt(10) : r.nextInt(12);
    boolean clean = pick < 7;
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int c = r.nextInt(clean ? 40 : 60);
      if (c < NORMAL.length()) {
        b.append(NORMAL.charAt(c));
      } else if (c < 38 || clean) {
        b.append(c % 2 == 0 ? '-' : '_');
      } else {
        b.append(ODD.charAt(r.nextInt(ODD.length())));
      }
    }
    return b.toString();
  }
}

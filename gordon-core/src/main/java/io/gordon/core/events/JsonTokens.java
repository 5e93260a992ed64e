package io.gordon.core.events;

/**
 * The tokens of one JSON document in a string, for {@link FastEventReader}: a strict subset of JSON
 * read without a Jackson parser, whose making (buffers, symbol table, contexts) cost more per event
 * than reading the event. Whatever it does not take plainly, it refuses with {@link #REFUSED}: a
 * number that is not a plain non-negative {@code int}, {@code true}, {@code false}, whitespace
 * other than JSON's four, nesting deeper than {@link #MAX_DEPTH}, a string longer than the codec's
 * limit, and anything that is not JSON. So for every document it reads without refusing, its tokens
 * and values are the ones Jackson's parser with the codec's settings gives (JsonTokensTest compares
 * both), and the reader's callers take any refusal to the tree readers, which word the problems.
 * Not thread-safe: one per document.
 */
final class JsonTokens {
  /** A token; {@link #END} once the document's one value and its trailing whitespace are read. */
  enum Token {
    START_OBJECT,
    END_OBJECT,
    START_ARRAY,
    END_ARRAY,
    FIELD_NAME,
    STRING,
    INT,
    NULL,
    END
  }

  /**
   * Thrown for anything outside the subset; made once, without a stack (refusing is routine), and
   * never leaves {@link FastEventReader}.
   */
  @SuppressWarnings(
      "StaticAssignmentOfThrowable") // stackless and immutable: a signal, not an error
  static final RuntimeException REFUSED = new Refused();

  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused() {
      super("not plain JSON of a generic event", null, false, false);
    }
  }

  /** Deepest nesting taken: an event is three levels deep. */
  static final int MAX_DEPTH = 8;

  private static final byte OBJECT = 1;
  private static final byte ARRAY = 2;

  /** The members of a generic event and of its records, the most frequent first. */
  private static final String[] NAMES = {
    "action",
    "resourceRecords",
    "name",
    "type",
    "ttl",
    "rrdatas",
    "id",
    "timestamp",
    "resourceName",
    "schema",
    "expected"
  };

  private final String s;
  private final int end;
  private int pos;
  private final byte[] kinds = new byte[MAX_DEPTH];

  /** Per open container: whether a member or element was read, so the next needs a comma. */
  private final boolean[] more = new boolean[MAX_DEPTH];

  private int depth;
  private boolean afterName;
  private boolean rootRead;
  private Token current;
  private String text;
  private int number;

  JsonTokens(String s) {
    this.s = s;
    this.end = s.length();
  }

  /** The next token; throws {@link #REFUSED} on anything outside the subset. */
  Token next() {
    whitespace();
    if (depth == 0) {
      if (rootRead) {
        if (pos != end) {
          throw REFUSED; // trailing tokens
        }
        return is(Token.END);
      }
      rootRead = true;
      return is(value());
    }
    if (kinds[depth - 1] == OBJECT) {
      if (afterName) {
        afterName = false;
        expect(':');
        whitespace();
        return is(value());
      }
      if (pos < end && s.charAt(pos) == '}') {
        pos++;
        depth--;
        return is(Token.END_OBJECT);
      }
      if (more[depth - 1]) {
        expect(',');
        whitespace();
      }
      if (pos >= end || s.charAt(pos) != '"') {
        throw REFUSED;
      }
      text = name();
      more[depth - 1] = true;
      afterName = true;
      return is(Token.FIELD_NAME);
    }
    if (pos < end && s.charAt(pos) == ']') {
      pos++;
      depth--;
      return is(Token.END_ARRAY);
    }
    if (more[depth - 1]) {
      expect(',');
      whitespace();
    }
    more[depth - 1] = true;
    return is(value());
  }

  private Token is(Token t) {
    current = t;
    return t;
  }

  /** The last token. */
  Token current() {
    return current;
  }

  /** The text of the last {@link Token#FIELD_NAME} or {@link Token#STRING}. */
  String text() {
    return text;
  }

  /** The value of the last {@link Token#INT}. */
  int intValue() {
    return number;
  }

  private Token value() {
    if (pos >= end) {
      throw REFUSED;
    }
    char c = s.charAt(pos);
    switch (c) {
      case '{' -> {
        open(OBJECT);
        return Token.START_OBJECT;
      }
      case '[' -> {
        open(ARRAY);
        return Token.START_ARRAY;
      }
      case '"' -> {
        text = string();
        return Token.STRING;
      }
      case 'n' -> {
        if (!s.startsWith("null", pos)) {
          throw REFUSED;
        }
        pos += 4;
        delimited();
        return Token.NULL;
      }
      default -> {
        number = integer();
        return Token.INT;
      }
    }
  }

  private void open(byte kind) {
    if (depth == MAX_DEPTH) {
      throw REFUSED;
    }
    pos++;
    kinds[depth] = kind;
    more[depth] = false;
    depth++;
  }

  /**
   * A member's name: one of {@link #NAMES} as that instance when it is written plainly (no escape),
   * otherwise as {@link #string()} reads it. Its text is the same either way; only the new string
   * per member (~40 bytes, six or more per event) is saved.
   */
  private String name() {
    int from = pos + 1;
    for (String n : NAMES) {
      int close = from + n.length();
      if (close < end && s.charAt(close) == '"' && s.regionMatches(from, n, 0, n.length())) {
        pos = close + 1;
        return n;
      }
    }
    return string();
  }

  /** A string without control characters, within the codec's length limit. */
  private String string() {
    int from = ++pos;
    while (pos < end) {
      char c = s.charAt(pos);
      if (c == '"') {
        return checked(s.substring(from, pos++));
      }
      if (c == '\\') {
        return escaped(from);
      }
      if (c < 0x20) {
        throw REFUSED;
      }
      pos++;
    }
    throw REFUSED; // not closed
  }

  /** The rest of a string from its first backslash, at {@code pos}; JSON's escapes only. */
  private String escaped(int from) {
    StringBuilder b = new StringBuilder(s.length() - from).append(s, from, pos);
    while (pos < end) {
      char c = s.charAt(pos++);
      if (c == '"') {
        return checked(b.toString());
      }
      if (c < 0x20 || (c == '\\' && pos >= end)) {
        throw REFUSED;
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = s.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> b.append(hex());
        default -> throw REFUSED;
      }
    }
    throw REFUSED;
  }

  /** The four hex digits of a unicode escape. */
  private char hex() {
    if (end - pos < 4) {
      throw REFUSED;
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      char h = s.charAt(pos++);
      int d;
      if (h >= '0' && h <= '9') {
        d = h - '0';
      } else if (h >= 'a' && h <= 'f') {
        d = h - 'a' + 10;
      } else if (h >= 'A' && h <= 'F') {
        d = h - 'A' + 10;
      } else {
        throw REFUSED; // ASCII hex only, as JSON (Character.digit takes other scripts' digits)
      }
      v = v << 4 | d;
    }
    return (char) v;
  }

  private static String checked(String text) {
    if (text.length() > JsonEventCodec.MAX_STRING) {
      throw REFUSED;
    }
    return text;
  }

  /** {@code 0} or digits without a leading zero, within {@code int}, then a delimiter. */
  private int integer() {
    int from = pos;
    long v = 0;
    while (pos < end && pos - from <= 10) {
      char c = s.charAt(pos);
      if (c < '0' || c > '9') {
        break;
      }
      v = v * 10 + (c - '0');
      pos++;
    }
    int digits = pos - from;
    if (digits == 0
        || digits > 10
        || v > Integer.MAX_VALUE
        || (digits > 1 && s.charAt(from) == '0')) {
      throw REFUSED;
    }
    delimited();
    return (int) v;
  }

  /** After a number or literal: the end, whitespace, or what may follow a value. */
  private void delimited() {
    if (pos < end) {
      char c = s.charAt(pos);
      if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        throw REFUSED;
      }
    }
  }

  private void expect(char c) {
    if (pos >= end || s.charAt(pos) != c) {
      throw REFUSED;
    }
    pos++;
  }

  private void whitespace() {
    while (pos < end) {
      char c = s.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }
}

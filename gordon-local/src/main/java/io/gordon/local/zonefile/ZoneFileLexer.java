package io.gordon.local.zonefile;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 1035 master-file text into logical lines of tokens: comments dropped, parentheses
 * joining lines, quoted strings kept whole (with their quotes and escapes).
 */
final class ZoneFileLexer {
  /**
   * One logical line.
   *
   * @param number the physical line it starts on, from 1
   * @param blankOwner whether it starts with white space (the previous owner applies)
   * @param tokens its tokens
   */
  record Line(int number, boolean blankOwner, List<String> tokens) {}

  private ZoneFileLexer() {}

  static List<Line> lines(String text) {
    List<Line> out = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    StringBuilder tok = new StringBuilder();
    int line = 1;
    int start = 1;
    boolean blankOwner = false;
    boolean atLineStart = true;
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (atLineStart) {
        blankOwner = c == ' ' || c == '\t';
        start = line;
        atLineStart = false;
      }
      if (c == '"') {
        i = quoted(text, i, tok, line);
        continue;
      }
      if (c == '\\' && i + 1 < text.length()) {
        tok.append(c).append(text.charAt(++i));
        continue;
      }
      if (c == ';') {
        while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '(' || c == ')') {
        flush(tok, tokens);
        depth += c == '(' ? 1 : -1;
        if (depth < 0) {
          throw new ZoneFileException(line, "')' without '('");
        }
        continue;
      }
      if (c == '\n') {
        flush(tok, tokens);
        line++;
        if (depth == 0) {
          if (!tokens.isEmpty()) {
            out.add(new Line(start, blankOwner, List.copyOf(tokens)));
          }
          tokens.clear();
          atLineStart = true;
        }
        continue;
      }
      if (Character.isWhitespace(c)) {
        flush(tok, tokens);
        continue;
      }
      tok.append(c);
    }
    flush(tok, tokens);
    if (depth != 0) {
      throw new ZoneFileException(start, "'(' is never closed");
    }
    if (!tokens.isEmpty()) {
      out.add(new Line(start, blankOwner, List.copyOf(tokens)));
    }
    return out;
  }

  private static int quoted(String text, int i, StringBuilder tok, int line) {
    tok.append('"');
    for (int j = i + 1; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '\\' && j + 1 < text.length()) {
        tok.append(c).append(text.charAt(++j));
      } else if (c == '"') {
        tok.append('"');
        return j;
      } else if (c == '\n') {
        break;
      } else {
        tok.append(c);
      }
    }
    throw new ZoneFileException(line, "a quoted string is not closed on its line");
  }

  private static void flush(StringBuilder tok, List<String> tokens) {
    if (tok.length() > 0) {
      tokens.add(tok.toString());
      tok.setLength(0);
    }
  }
}

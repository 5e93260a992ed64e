# Sourced by bin/gordon and bin/test: selects a JDK >= 21 and exports JAVA_HOME.
# Order: $JAVA_HOME if it is >= 21, then the newest suitable JDK under /usr/lib/jvm.
# With GORDON_RUNTIME_ONLY=1 (an unpacked release, which builds nothing) a JRE will do.

gordon_java_major() { # prints the feature version of the JDK at $1, or nothing
  local release="$1/release"
  [ -x "$1/bin/java" ] || return 0
  [ -n "${GORDON_RUNTIME_ONLY:-}" ] || [ -x "$1/bin/javac" ] || return 0
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1
  fi
}

gordon_select_jdk() {
  local v best="" best_v=0 dir
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(gordon_java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then export JAVA_HOME; return 0; fi
  fi
  for dir in /usr/lib/jvm/*; do
    [ -L "$dir" ] && continue
    v=$(gordon_java_major "$dir")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$dir"; best_v="$v"; fi
  done
  if [ -z "$best" ]; then
    echo "gordon: no JDK >= 21 found (looked at JAVA_HOME=${JAVA_HOME:-<unset>} and /usr/lib/jvm/*); install one, e.g. apt-get install openjdk-21-jdk-headless, or set JAVA_HOME" >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

# Sourced by bin/paperboy and bin/test: finds a JDK >= 21 and exports JAVA_HOME.
# Order: $JAVA_HOME, `java` on PATH, then the newest JDK under /usr/lib/jvm.

java_major() { # prints the major version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1 || echo 0
}

paperboy_find_java() {
  local candidate home best="" best_major=0 major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ] && [ -x "$JAVA_HOME/bin/javac" ]; then return 0; fi
  fi
  if candidate=$(command -v java 2>/dev/null); then
    home=$(dirname "$(dirname "$(readlink -f "$candidate")")")
    major=$(java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] && [ -x "$home/bin/javac" ]; then export JAVA_HOME="$home"; return 0; fi
  fi
  for home in /usr/lib/jvm/*; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major=$(java_major "$home/bin/java")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$home"; best_major=$major; fi
  done
  if [ -n "$best" ]; then export JAVA_HOME="$best"; return 0; fi
  echo "paperboy: no JDK 21 or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm/*)." >&2
  echo "paperboy: install one, e.g. Temurin 25, and set JAVA_HOME." >&2
  return 1
}

paperboy_mvn() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "paperboy: Apache Maven (mvn) is needed to build; install it (Debian: apt-get install maven)." >&2
    return 1
  fi
  # Maven's bundled Guava uses sun.misc.Unsafe; JDK 24+ warns about it on every run.
  local major
  major=$(java_major "$JAVA_HOME/bin/java")
  if [ "${major:-0}" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
  mvn "$@"
}

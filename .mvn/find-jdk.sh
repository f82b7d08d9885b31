# Sourced by ./mvnw and the project's scripts: makes JAVA_HOME point at a JDK >= 21.
# Keeps a JAVA_HOME that is already new enough; otherwise looks at `java` on the PATH and at
# the usual install roots, and takes the newest JDK it finds there.
mcw_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
mcw_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(mcw_java_major "$JAVA_HOME"); [ "${v:-0}" -ge 21 ] && return 0
  fi
  candidates=""
  if command -v javac >/dev/null 2>&1; then
    candidates=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  fi
  for root in /usr/lib/jvm /usr/java /opt/java /opt "$HOME/.sdkman/candidates/java" /Library/Java/JavaVirtualMachines; do
    [ -d "$root" ] || continue
    for d in "$root"/*; do
      [ -x "$d/bin/javac" ] && candidates="$candidates $d"
      [ -x "$d/Contents/Home/bin/javac" ] && candidates="$candidates $d/Contents/Home"
    done
  done
  best=""; best_v=0
  for d in $candidates; do
    v=$(mcw_java_major "$d")
    if [ "${v:-0}" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  if [ "$best_v" -ge 21 ]; then
    JAVA_HOME="$best"; export JAVA_HOME; return 0
  fi
  echo "MediCareWizard needs a JDK 21 or newer; none was found. Install one and set JAVA_HOME." >&2
  return 1
}
mcw_find_jdk || exit 1

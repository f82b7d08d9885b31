# The embedded runtime's JVM options, sourced by run-local and performance/run-load-test.
# - An OutOfMemoryError ends the process (status 3) rather than leaving it up with dead threads.
# - A heap of 1 GB from the start: left to size itself, G1 kept 150-400 MB under load and collected
#   every 0.7-1 s, with concurrent cycles back to back; with 1 GB young pauses come every 3-4 s
#   (docs/performance.md, "The collectors"). MCW_JAVA_OPTS comes after these; with a heap size in it
#   (-Xmx, -Xms or their -XX: names), -Xms1g is left out: above a smaller maximum it would stop the
#   JVM from starting, and -XX:InitialHeapSize alone would not undo its minimum.
RUNTIME_JVM_OPTIONS=(-XX:+ExitOnOutOfMemoryError -Xms1g)
case " ${MCW_JAVA_OPTS:-} " in
  *" -Xmx"* | *" -Xms"* | *" -XX:MaxHeapSize="* | *" -XX:InitialHeapSize="* | *" -XX:MinHeapSize="*)
    RUNTIME_JVM_OPTIONS=(-XX:+ExitOnOutOfMemoryError) ;;
esac

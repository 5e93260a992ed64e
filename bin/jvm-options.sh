# The JVM settings gordon runs with, in one place. bin/gordon sources this file; the OCI image's
# entrypoint is built from it (deploy/image/OciImage.java reads the NAME="value" lines, so keep
# them literal: no expansions, one line each). ImageLayoutIT starts the launcher's JVM and the
# image's and compares the flags both end up with.

# Heap: half the memory limit (the cgroup's, else the machine's), at most 256 MB: resident memory
# stays under 256 MB at 1,000 events/s (docs/benchmarks.md, "Resident memory"). The image has no
# shell to take that minimum: its heap is this percentage of the container's limit
# (-XX:MaxRAMPercentage), so a 512 MB limit gives the launcher's 256 MB heap.
GORDON_HEAP_PERCENT="50"
GORDON_HEAP_MAX_MB="256"
# Young generation a 32nd of the heap (8 MB of 256), at least 4 MB: each young collection copies
# what the events since the last one keep (statuses, zone, dedup ids), so a small one pauses
# briefly; at 1,000 events/s the 202's p99 was 10.7-12.6 ms with 32 MB and 6.4-7.4 ms with 8 MB,
# RSS 213 -> 193 MB (docs/benchmarks.md, "The 202's tail with launcher defaults"). The launcher
# sets it (-Xmn) from the heap it chose; the image, whose heap only the JVM knows, by the ratio
# (-XX:NewRatio, old : young) with the floor as its start (-XX:NewSize).
GORDON_YOUNG_RATIO="31"
GORDON_YOUNG_MIN_MB="4"
# Sized with the heap: left out, like the heap, when JAVA_OPTS or GORDON_JAVA_OPTS size the heap.
GORDON_SIZE_OPTS="-XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -Xss512k"
# The collector, unless JAVA_OPTS or GORDON_JAVA_OPTS choose one (two would stop the JVM).
GORDON_GC_OPTS="-XX:+UseSerialGC"
# Always: C1 only (a small service whose start-up matters more than peak code), and exit on an
# OutOfMemoryError so that systemd or the container runtime restarts a clean process.
GORDON_JVM_OPTS="-XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"
# From JDK 24 on, the JDK warns on stderr the first time a library calls sun.misc.Unsafe's memory
# methods (JEP 498) or loads a native library (JEP 472): the gcp plugins' gRPC (its shaded Netty)
# and protobuf do both, so `gordon run` began with eight WARNING lines a user can do nothing
# about. These options allow both without a word. Older JDKs do not warn and refuse the first
# option, so the launcher and the image add them only for a JDK of 24 or newer.
GORDON_LIBRARY_ACCESS_OPTS="--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"

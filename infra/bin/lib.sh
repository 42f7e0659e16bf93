# shellcheck shell=bash
# Shared by infra/bin/run, infra/bin/test and bench/*: finds (or installs, when we may) the
# tools the build needs, and builds. Source it; it sets REPO, JAVA_HOME and PATH.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export REPO

say() { printf '%s\n' "$*" >&2; }
die() {
  say "error: $*"
  exit 1
}

is_root() { [[ $(id -u) -eq 0 ]]; }

APT_UPDATED=no
apt_install() {
  if [[ $APT_UPDATED == no ]]; then
    say "Updating the apt package lists…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    APT_UPDATED=yes
  fi
  say "Installing $*…"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The major version of a java binary: 17, 21, 25…
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 |
    awk -F'= ' '/java.specification.version/ { split($2, v, "."); print v[1]; exit }'
}

jdk_ok() { [[ -x $1/bin/java && -x $1/bin/javac ]] && (($(java_major "$1/bin/java") >= 21)); }

# A JDK 21+ (the build compiles for Java 21): JAVA_HOME if it qualifies, else the newest in
# /usr/lib/jvm.
need_jdk() {
  if [[ -n ${JAVA_HOME:-} ]] && jdk_ok "$JAVA_HOME"; then
    :
  else
    local best="" best_version=0 dir version
    for dir in /usr/lib/jvm/*/; do
      dir=${dir%/}
      [[ -x $dir/bin/java && -x $dir/bin/javac && ! -L $dir ]] || continue
      version=$(java_major "$dir/bin/java")
      if ((version >= 21 && version > best_version)); then
        best=$dir
        best_version=$version
      fi
    done
    [[ -n $best ]] ||
      die "JDK 21+ not found in JAVA_HOME or /usr/lib/jvm: install one (Eclipse Temurin 21 or newer, or openjdk-21-jdk where your distribution has it) and run this again, or set JAVA_HOME to it"
    export JAVA_HOME=$best
  fi
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven's own Guava pokes at sun.misc.Unsafe; JDK 24+ warns about it on every build.
  if (($(java_major "$JAVA_HOME/bin/java") >= 24)); then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}

# JVM flags that start a short-lived Java program from an AOT cache kept next to its jar (JDK 25+,
# JEP 514/515: classes loaded and linked, method profiles). Without a cache newer than the jar, this
# run records it (a few seconds more, at exit); on older JDKs, nothing. Prints one flag per line.
aot_cache_flags() {
  local jar=$1 cache=${1%.jar}.aot
  (($(java_major "$JAVA_HOME/bin/java") >= 25)) || return 0
  if [[ -f $cache && $cache -nt $jar ]]; then
    printf '%s\n' "-XX:AOTCache=$cache"
  else
    rm -f "$cache"
    printf '%s\n' "-XX:AOTCacheOutput=$cache"
  fi
}

need_maven() {
  command -v mvn >/dev/null && return
  if is_root; then
    apt_install maven
  else
    die "Maven not found: install it (sudo apt-get install maven) and run this again"
  fi
}

# Node 20+ runs the DynamoDB (dynalite) and SES (aws-ses-v2-local) stand-ins.
need_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    die "Node.js 20+ with npm not found: install it (e.g. the nodejs package from NodeSource or https://nodejs.org) and run this again"
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  ((major >= 20)) || die "Node.js $(node --version) is too old: install Node.js 20 or newer"
  local dir=$REPO/infra/node
  if [[ ! -d $dir/node_modules || $dir/package-lock.json -nt $dir/node_modules ]]; then
    say "Installing the Node stand-ins (npm ci in infra/node)…"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    touch "$dir/node_modules"
  fi
}

# The browser tests drive Debian's chromium through chromedriver.
need_chromium() {
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] && return
  if is_root; then
    apt_install chromium chromium-driver
  else
    say "warning: the browser tests need chromium and chromedriver in /usr/bin:"
    say "         sudo apt-get install -y chromium chromium-driver"
    say "         without them those tests fail."
  fi
}

# Maven 3.8 writes colour resets even in batch mode; keep logs plain.
plain() { sed -u 's/\x1b\[[0-9;]*m//g'; }

# mvn -q package of every module without tests: silent unless something is wrong. Package, not
# install: the stack runs from this checkout's target/ folders, and ~/.m2 stays free of our jars.
build_quietly() {
  say "Building (mvn -q -DskipTests package)…"
  (cd "$REPO" && mvn -q -B -Dmaven.test.skip=true -Dspotless.check.skip=true package 2>&1 | plain >&2) ||
    die "the build failed (see the errors above)"
}

# The runtime classpath of the local stack (written by its package phase).
local_stack_classpath() {
  local module=$REPO/infra/local-stack
  [[ -f $module/target/runtime-classpath.txt ]] ||
    die "$module/target/runtime-classpath.txt is missing: the build did not finish"
  printf '%s:%s' "$module/target/classes" "$(cat "$module/target/runtime-classpath.txt")"
}

# Flags for every JVM that runs the stack: the CDN forwards Host to the functions as CloudFront
# does with an all-viewer origin request policy; Netty may load its native transport quietly.
# shellcheck disable=SC2034 # used by the scripts that source this file
STACK_JVM_FLAGS=(-Djdk.httpclient.allowRestrictedHeaders=host -Dmicroblog.repo="$REPO"
  --enable-native-access=ALL-UNNAMED)

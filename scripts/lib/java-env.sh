# shellcheck shell=bash
# Finds a JDK >= 21 for WeftDB's scripts. Sourced by ./weftdb and scripts/test; defines functions
# only. Call weftdb_use_jdk: it exports JAVA_HOME and PATH and sets WEFTDB_JAVA_FLAGS (the flags
# the launcher and the tests pass to java) and MAVEN_OPTS, or prints why not and returns 1.

WEFTDB_MIN_JAVA=21
WEFTDB_JVM_DIR=/usr/lib/jvm
WEFTDB_PREFERRED_JDK=$WEFTDB_JVM_DIR/temurin-25-jdk-amd64

# Prints the feature release (21, 25, ...) of the JDK at $1, or nothing when $1 is not a JDK.
weftdb_java_major() {
    local home=$1 version=""
    [[ -x $home/bin/java && -x $home/bin/javac ]] || return 0
    if [[ -r $home/release ]]; then
        version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$home/release")
    fi
    if [[ -z $version ]]; then
        version=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
    fi
    version=${version#1.}   # 1.8.0_x -> 8.0_x
    version=${version%%[!0-9]*}
    [[ -n $version ]] && printf '%s\n' "$version"
    return 0
}

# Prints the chosen JDK home: $JAVA_HOME if it is new enough, else the preferred Temurin, else the
# newest JDK >= 21 under $WEFTDB_JVM_DIR, else the JDK of the `javac` on PATH if it is new enough.
weftdb_find_jdk() {
    local candidate major best="" best_major=0
    if [[ -n ${JAVA_HOME:-} ]]; then
        major=$(weftdb_java_major "$JAVA_HOME")
        if [[ -n $major ]] && (( major >= WEFTDB_MIN_JAVA )); then
            printf '%s\n' "$JAVA_HOME"
            return 0
        fi
    fi
    major=$(weftdb_java_major "$WEFTDB_PREFERRED_JDK")
    if [[ -n $major ]] && (( major >= WEFTDB_MIN_JAVA )); then
        printf '%s\n' "$WEFTDB_PREFERRED_JDK"
        return 0
    fi
    for candidate in "$WEFTDB_JVM_DIR"/*/; do
        candidate=${candidate%/}
        [[ -L $candidate ]] && continue   # Debian's short aliases point at the real directories
        major=$(weftdb_java_major "$candidate")
        if [[ -n $major ]] && (( major >= WEFTDB_MIN_JAVA && major > best_major )); then
            best=$candidate
            best_major=$major
        fi
    done
    if [[ -n $best ]]; then
        printf '%s\n' "$best"
        return 0
    fi
    if candidate=$(command -v javac); then
        candidate=$(dirname "$(dirname "$(readlink -f "$candidate")")")
        major=$(weftdb_java_major "$candidate")
        if [[ -n $major ]] && (( major >= WEFTDB_MIN_JAVA )); then
            printf '%s\n' "$candidate"
            return 0
        fi
    fi
    return 1
}

weftdb_use_jdk() {
    local home major
    if ! home=$(weftdb_find_jdk); then
        printf '%s\n' \
            "error: WeftDB needs a JDK ${WEFTDB_MIN_JAVA} or newer and none was found" \
            "  (looked at \$JAVA_HOME${JAVA_HOME:+=$JAVA_HOME}, $WEFTDB_PREFERRED_JDK, $WEFTDB_JVM_DIR/* and the javac on PATH)." \
            "  Install one (for example Eclipse Temurin 25) or point JAVA_HOME at it." >&2
        return 1
    fi
    major=$(weftdb_java_major "$home")
    export JAVA_HOME=$home
    export PATH="$JAVA_HOME/bin:$PATH"
    WEFTDB_JAVA_FLAGS=(--enable-native-access=ALL-UNNAMED)
    # JDK 23+ warns when sun.misc.Unsafe memory access is used (Netty, Maven); older JDKs reject the flag.
    if (( major >= 23 )); then
        WEFTDB_JAVA_FLAGS+=(--sun-misc-unsafe-memory-access=allow)
        case " ${MAVEN_OPTS:-} " in
            *" --sun-misc-unsafe-memory-access="*) ;;
            *) export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow" ;;
        esac
    fi
}

# Runs Maven offline first (fast, no network) and again online when offline resolution is what
# failed; returns Maven's exit code. With --quiet as the first argument Maven's output is held back
# and shown only when the build fails; otherwise it streams as Maven writes it.
weftdb_mvn_offline_first() {
    local - log status=0 quiet=false
    set -o pipefail
    if [[ ${1:-} == --quiet ]]; then
        quiet=true
        shift
    fi
    if ! command -v mvn >/dev/null 2>&1; then
        echo "error: Maven (mvn, 3.8 or newer) is not installed; on Debian: apt-get install maven" >&2
        return 1
    fi
    log=$(mktemp "${TMPDIR:-/tmp}/weftdb-mvn.XXXXXX")
    if $quiet; then
        mvn -o "$@" >"$log" 2>&1 || status=$?
    else
        mvn -o "$@" 2>&1 | tee "$log" || status=$?
    fi
    if (( status != 0 )) && grep -qE 'in offline mode|has not been downloaded from it before' "$log"; then
        echo "(the local Maven repository lacks some artifacts; retrying online)" >&2
        status=0
        if $quiet; then
            mvn "$@" >"$log" 2>&1 || status=$?
        else
            mvn "$@" || status=$?
        fi
    fi
    if $quiet && (( status != 0 )); then
        cat "$log" >&2
    fi
    rm -f "$log"
    return "$status"
}

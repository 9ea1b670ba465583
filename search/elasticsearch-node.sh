#!/usr/bin/env bash
# A real Elasticsearch 8.19.7 node for development, tests and CI, with the project's analysis plugin.
#
#   bash search/elasticsearch-node.sh up       # fetch, build, install, start; last stdout line: ELASTICSEARCH_URL=...
#   bash search/elasticsearch-node.sh status   # running? version, plugins (exit 0 running, 3 not)
#   bash search/elasticsearch-node.sh down     # stop it (harmless when nothing runs)
#
# Environment:
#   ES_STATE_DIR   where the distribution, data, logs and pid file live (default <repo>/var/elasticsearch).
#                  Each state dir is an independent node: tests use their own next to the developer's.
#   ES_PORT        HTTP port on 127.0.0.1 (default 9200)
#   ES_JAVA_HOME / JAVA_HOME   JDK to run on (default: the machine's JDK 17)
#   ES_HEAP        heap size (default 512m)
#   ES_START_TIMEOUT  seconds to wait for the node to answer (default 60)
#   ES_SERVICE_USER   user that runs the node when this script runs as root (default elasticsearch-dev)
#
# Why this way:
# - Maven Central is the only place here that has a runnable Elasticsearch: its integ-test-zip
#   distribution. It lacks the analysis-common module, so search/elasticsearch-plugin supplies the
#   analysis components the project uses (stemmer, synonym_graph, dictionary_decompounder, ...).
# - That distribution has no rest-root module either; the plugin answers GET / (for clients' info() and
#   ping()), but health is checked with GET /_cluster/health and versions with the _cat/_nodes APIs,
#   which answer with or without the plugin.
# - Elasticsearch refuses to run as root: as root, we run it as an unprivileged system user.
# - Progress and errors go to stderr; stdout carries only the URL line, so callers can parse it.

set -euo pipefail
# Let failures inside $(...) stop the script too.
shopt -s inherit_errexit

readonly ES_VERSION=8.19.7
readonly ES_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"
readonly PLUGIN_NAME=project-analysis
readonly CLUSTER_NAME=project-dev

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly SCRIPT_DIR
readonly REPO_ROOT=${SCRIPT_DIR%/*}
readonly PLUGIN_SRC=$SCRIPT_DIR/elasticsearch-plugin

STATE_DIR=${ES_STATE_DIR:-$REPO_ROOT/var/elasticsearch}
case $STATE_DIR in /*) ;; *) STATE_DIR=$PWD/$STATE_DIR ;; esac
readonly STATE_DIR
readonly ES_HOME_DIR=$STATE_DIR/elasticsearch-$ES_VERSION   # the unpacked distribution (plugins go in here)
readonly DATA_DIR=$STATE_DIR/data
readonly LOG_DIR=$STATE_DIR/logs
readonly TMP_DIR=$STATE_DIR/tmp
readonly PID_FILE=$STATE_DIR/elasticsearch.pid
readonly PORT_FILE=$STATE_DIR/http.port           # the port the running node was started with
readonly PLUGIN_SUM_FILE=$STATE_DIR/plugin.sha256  # checksum of the installed plugin zip

PORT=${ES_PORT:-9200}
readonly HEAP=${ES_HEAP:-512m}
readonly START_TIMEOUT=${ES_START_TIMEOUT:-60}
readonly STOP_TIMEOUT=${ES_STOP_TIMEOUT:-30}
readonly SERVICE_USER=${ES_SERVICE_USER:-elasticsearch-dev}

say() { echo "elasticsearch-node: $*" >&2; }

# The node's own logs explain most failures: show their end with every error.
show_logs() {
    local f
    [[ -d $LOG_DIR ]] || return 0
    for f in "$LOG_DIR/startup.out" "$LOG_DIR/$CLUSTER_NAME.log"; do
        if [[ -s $f ]]; then
            echo "---- last lines of $f ----" >&2
            tail -n 25 "$f" >&2
        else
            echo "---- $f: empty or absent ----" >&2
        fi
    done
}

die() {
    say "ERROR: $*"
    show_logs
    exit 1
}

is_root() { [[ $(id -u) -eq 0 ]]; }

# Run a command as the user that owns and runs the node.
as_node_user() {
    if is_root; then
        runuser -u "$SERVICE_USER" -- "$@"
    else
        "$@"
    fi
}

# ---------------------------------------------------------------------------------------------
# Process and HTTP helpers

# Prints the PID of this state dir's node if it runs. The command line must name this state dir's
# distribution, so a recycled PID or another state dir's node is never mistaken for ours.
node_pid() {
    local pid
    [[ -s $PID_FILE ]] || return 1
    pid=$(tr -dc '0-9' < "$PID_FILE")
    [[ -n $pid && -r /proc/$pid/cmdline ]] || return 1
    tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$ES_HOME_DIR" || return 1
    echo "$pid"
}

# PIDs of every process (launcher or server) that runs this state dir's distribution, found by
# command line: catches a node whose pid file is missing (killed launcher, interrupted start).
node_processes() {
    local pattern
    pattern=$(printf '%s' "-Des.path.home=$ES_HOME_DIR" | sed 's/[][\\.*^$+?(){}|]/\\&/g')
    pgrep -f -- "$pattern( |\$)" || true
}

running_port() {
    if [[ -s $PORT_FILE ]]; then cat "$PORT_FILE"; else echo "$PORT"; fi
}

# GET a path on the node; prints the body, fails on connection errors and HTTP errors.
http_get() {
    curl --silent --show-error --fail --max-time "${3:-5}" "http://127.0.0.1:$1$2"
}

# True when something (ours or not) accepts connections on 127.0.0.1:PORT.
port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

node_version() {
    http_get "$1" '/_cat/nodes?h=version' 2>/dev/null | tr -d '[:space:]'
}

# ---------------------------------------------------------------------------------------------
# Tools

find_java_home() {
    local candidate java
    for candidate in "${ES_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64; do
        if [[ -n $candidate && -x $candidate/bin/java ]]; then
            echo "$candidate"
            return 0
        fi
    done
    # Last resort: the java on PATH (…/bin/java -> its JDK folder).
    if java=$(command -v java 2>/dev/null); then
        java=$(readlink -f "$java")
        echo "${java%/bin/java}"
        return 0
    fi
    return 1
}

check_java() {
    local major
    # An explicit ES_JAVA_HOME is a choice: don't silently run on another JDK.
    if [[ -n ${ES_JAVA_HOME:-} && ! -x ${ES_JAVA_HOME}/bin/java ]]; then
        die "missing java: ES_JAVA_HOME=$ES_JAVA_HOME has no bin/java"
    fi
    JAVA_DIR=$(find_java_home) || die "missing java: set ES_JAVA_HOME or JAVA_HOME to a JDK 17+ (e.g. apt-get install openjdk-17-jdk-headless)"
    major=$("$JAVA_DIR/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
    [[ -n $major && $major -ge 17 ]] || die "java at $JAVA_DIR is not Java 17 or newer (found: ${major:-unknown})"
}

need_mvn() {
    command -v mvn >/dev/null 2>&1 || die "missing mvn: Maven is needed to fetch Elasticsearch and build the plugin (apt-get install maven)"
}

# Offline first: after the first run everything is in ~/.m2 and the network is not needed.
mvn_offline_first() {
    local out
    out=$(mktemp)
    if mvn -B -q -o "$@" >"$out" 2>&1; then
        rm -f "$out"
        return 0
    fi
    if mvn -B -q "$@" >"$out" 2>&1; then
        rm -f "$out"
        return 0
    fi
    tail -n 40 "$out" >&2
    rm -f "$out"
    return 1
}

# ---------------------------------------------------------------------------------------------
# Steps of `up`

# The distribution lives in Maven's local repository (~/.m2), downloaded once; each state dir
# unpacks its own copy because installed plugins and config are per node.
fetch_distribution() {
    [[ -f $ES_HOME_DIR/.unpacked ]] && return 0
    need_mvn
    local download=$STATE_DIR/download
    rm -rf "$download" "$ES_HOME_DIR"
    mkdir -p "$download"
    say "fetching Elasticsearch $ES_VERSION ($ES_ARTIFACT) through Maven"
    (cd "$download" && mvn_offline_first dependency:copy -Dartifact="$ES_ARTIFACT" -DoutputDirectory="$download") \
        || die "could not fetch $ES_ARTIFACT with mvn (see above)"
    local zip=$download/elasticsearch-$ES_VERSION.zip
    [[ -f $zip ]] || die "mvn dependency:copy did not produce $zip"
    say "unpacking into $ES_HOME_DIR"
    if command -v unzip >/dev/null 2>&1; then
        unzip -q "$zip" -d "$download/unpacked" || die "cannot unpack $zip"
    else
        # No unzip: Python's zipfile loses the executable bits, so restore them on the launchers.
        python3 -m zipfile -e "$zip" "$download/unpacked" || die "cannot unpack $zip: install unzip"
        chmod +x "$download/unpacked/elasticsearch-$ES_VERSION"/bin/*
    fi
    mv "$download/unpacked/elasticsearch-$ES_VERSION" "$ES_HOME_DIR"
    rm -rf "$download"
    touch "$ES_HOME_DIR/.unpacked"
}

# Builds the plugin zip when it is missing or older than its sources; prints the zip's path.
# Tests are skipped here to keep `up` quick; `mvn test` in search/elasticsearch-plugin runs them.
build_plugin() {
    local zip target=$PLUGIN_SRC/target
    mkdir -p "$target"
    (
        # Two nodes (developer's and tests') may be started at once: build one at a time.
        flock 9
        zip=$(ls "$target/$PLUGIN_NAME"-*.zip 2>/dev/null | head -n 1 || true)
        if [[ -z $zip ]] || [[ -n $(find "$PLUGIN_SRC/pom.xml" "$PLUGIN_SRC/src" -newer "$zip" -print -quit) ]]; then
            need_mvn
            say "building the analysis plugin (search/elasticsearch-plugin)"
            (cd "$PLUGIN_SRC" && mvn_offline_first package -DskipTests) || die "the analysis plugin does not build (see above)"
        fi
    ) 9>"$target/.build.lock" || exit 1
    zip=$(ls "$target/$PLUGIN_NAME"-*.zip 2>/dev/null | head -n 1 || true)
    [[ -n $zip ]] || die "building the plugin produced no $target/$PLUGIN_NAME-*.zip"
    echo "$zip"
}

# (Re)installs the plugin only when its zip changed since the last install into this state dir.
install_plugin() {
    local zip=$1 sum
    sum=$(sha256sum "$zip" | cut -d' ' -f1)
    if [[ -d $ES_HOME_DIR/plugins/$PLUGIN_NAME && -s $PLUGIN_SUM_FILE && $(cat "$PLUGIN_SUM_FILE") == "$sum" ]]; then
        return 0
    fi
    say "installing plugin $PLUGIN_NAME from $zip"
    local out=$STATE_DIR/plugin-install.out
    {
        if [[ -d $ES_HOME_DIR/plugins/$PLUGIN_NAME ]]; then
            ES_JAVA_HOME=$JAVA_DIR "$ES_HOME_DIR/bin/elasticsearch-plugin" remove "$PLUGIN_NAME"
        fi
        ES_JAVA_HOME=$JAVA_DIR "$ES_HOME_DIR/bin/elasticsearch-plugin" install --batch "file://$zip"
    } >"$out" 2>&1 || { cat "$out" >&2; die "installing the plugin failed (output above)"; }
    echo "$sum" > "$PLUGIN_SUM_FILE"
}

# Rewritten on every start so that the settings always match this script (and ES_PORT).
write_config() {
    local config=$ES_HOME_DIR/config
    cat > "$config/elasticsearch.yml" <<EOF
# Written by search/elasticsearch-node.sh on every start: change the script, not this file.
cluster.name: $CLUSTER_NAME
node.name: ${STATE_DIR##*/}
path.data: $DATA_DIR
path.logs: $LOG_DIR
network.host: 127.0.0.1
http.port: $PORT
# One node, no cluster forming, no TLS/passwords: a local development and test node.
discovery.type: single-node
xpack.security.enabled: false
# A developer's nearly full disk must not make indices read-only or shards unassigned.
cluster.routing.allocation.disk.threshold_enabled: false
EOF
    cat > "$config/jvm.options.d/project.options" <<EOF
# Written by search/elasticsearch-node.sh: small fixed heap for a development/test node.
-Xms$HEAP
-Xmx$HEAP
# No GC log files (up to 2 GB by default); warnings still reach the console.
-Xlog:disable
-Xlog:all=warning:stderr:utctime,level,tags
EOF
}

# As root: a system user runs the node and owns the state dir, and every folder above the state
# dir must let that user through (Elasticsearch checks its paths on start).
prepare_service_user() {
    is_root || return 0
    if ! id -u "$SERVICE_USER" >/dev/null 2>&1; then
        say "creating system user $SERVICE_USER to run Elasticsearch (it refuses to run as root)"
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$SERVICE_USER" \
            || die "cannot create user $SERVICE_USER with useradd"
    fi
    chown -R "$SERVICE_USER:" "$STATE_DIR"
    local dir=$STATE_DIR ancestors=()
    while [[ $dir != / ]]; do
        dir=${dir%/*}
        [[ -z $dir ]] && dir=/
        ancestors=("$dir" "${ancestors[@]}")
    done
    for dir in "${ancestors[@]}"; do
        if ! runuser -u "$SERVICE_USER" -- test -x "$dir"; then
            chmod o+x "$dir" || die "$SERVICE_USER cannot enter $dir and chmod o+x failed"
            say "note: ran 'chmod o+x $dir' so that $SERVICE_USER can reach $STATE_DIR (search only, no listing)"
        fi
    done
    runuser -u "$SERVICE_USER" -- test -w "$STATE_DIR" || die "$SERVICE_USER cannot write to $STATE_DIR"
}

start_node() {
    mkdir -p "$DATA_DIR" "$LOG_DIR" "$TMP_DIR"
    rm -f "$PID_FILE" "$LOG_DIR/startup.out"
    : > "$LOG_DIR/startup.out"
    echo "$PORT" > "$PORT_FILE"
    prepare_service_user
    say "starting Elasticsearch $ES_VERSION on 127.0.0.1:$PORT (state: $STATE_DIR)"
    # One budget for the whole start: the launcher's wait and then the health check.
    START_DEADLINE=$((SECONDS + START_TIMEOUT))
    # -d daemonises once the node is up; -p writes the server's PID. A clean environment keeps the
    # caller's ES_JAVA_OPTS, proxies, ... out of the node.
    local rc=0
    as_node_user env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$STATE_DIR" LANG=C.UTF-8 \
        ES_JAVA_HOME="$JAVA_DIR" ES_TMPDIR="$TMP_DIR" ES_PATH_CONF="$ES_HOME_DIR/config" \
        timeout "$START_TIMEOUT" "$ES_HOME_DIR/bin/elasticsearch" -d -p "$PID_FILE" \
        >>"$LOG_DIR/startup.out" 2>&1 || rc=$?
    if [[ $rc -ne 0 ]]; then
        stop_node
        if [[ $rc -eq 124 ]]; then
            die "the node did not start within ${START_TIMEOUT}s"
        fi
        die "the node failed to start (exit code $rc)"
    fi
}

wait_for_health() {
    local body
    while ((SECONDS < START_DEADLINE)); do
        if ! node_pid >/dev/null; then
            die "the node exited during start-up"
        fi
        if body=$(http_get "$PORT" '/_cluster/health?wait_for_status=yellow&timeout=5s' 10 2>/dev/null) \
            && [[ $body =~ \"status\":\"(green|yellow)\" ]]; then
            return 0
        fi
        sleep 1
    done
    stop_node
    die "the node did not report yellow/green health on 127.0.0.1:$PORT within ${START_TIMEOUT}s"
}

# Stops this state dir's node: TERM, then KILL after STOP_TIMEOUT seconds. Also ends processes
# left without a pid file (a start that was interrupted or timed out).
stop_node() {
    local pids pid deadline
    pids=$({ node_pid || true; node_processes; } | sort -u)
    [[ -n $pids ]] || { rm -f "$PID_FILE"; return 0; }
    kill -TERM $pids 2>/dev/null || true
    deadline=$((SECONDS + STOP_TIMEOUT))
    for pid in $pids; do
        while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
            sleep 0.5
        done
        if kill -0 "$pid" 2>/dev/null; then
            say "process $pid ignored TERM for ${STOP_TIMEOUT}s: sending KILL"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
    rm -f "$PID_FILE"
}

# ---------------------------------------------------------------------------------------------
# Commands

cmd_up() {
    local pid port version zip
    mkdir -p "$STATE_DIR"
    if pid=$(node_pid); then
        port=$(running_port)
        version=$(node_version "$port") || true
        say "already running: pid $pid, port $port, version ${version:-unknown (HTTP not answering)}"
        if [[ $port != "$PORT" ]]; then
            say "note: it runs on port $port, not ES_PORT=$PORT; run 'down' first to move it"
        fi
        if [[ -f $PLUGIN_SUM_FILE && -n $(find "$PLUGIN_SRC/pom.xml" "$PLUGIN_SRC/src" -newer "$PLUGIN_SUM_FILE" -print -quit) ]]; then
            say "note: the plugin's sources changed since it was installed; run 'down' then 'up' to rebuild and load it"
        fi
        echo "ELASTICSEARCH_URL=http://127.0.0.1:$port"
        return 0
    fi
    if port_in_use "$PORT"; then
        die "port $PORT on 127.0.0.1 is already in use by another process (set ES_PORT to use another port)"
    fi
    command -v curl >/dev/null 2>&1 || die "missing curl: it is used to check the node's health (apt-get install curl)"
    check_java
    fetch_distribution
    zip=$(build_plugin)
    install_plugin "$zip"
    write_config
    start_node
    wait_for_health
    pid=$(node_pid) || die "the node is not running after start"
    version=$(node_version "$PORT") || true
    say "running: pid $pid, port $PORT, version ${version:-unknown}, heap $HEAP, logs in $LOG_DIR"
    echo "ELASTICSEARCH_URL=http://127.0.0.1:$PORT"
}

cmd_down() {
    local pids
    pids=$({ node_pid || true; node_processes; } | sort -u | paste -sd' ' -)
    if [[ -z $pids ]]; then
        rm -f "$PID_FILE"
        say "not running (state: $STATE_DIR)"
        return 0
    fi
    say "stopping node (pid $pids)"
    stop_node
    say "stopped"
}

cmd_status() {
    local pid port version plugins
    if ! pid=$(node_pid); then
        echo "not running (state: $STATE_DIR)"
        return 3
    fi
    port=$(running_port)
    if ! version=$(node_version "$port") || [[ -z $version ]]; then
        echo "process $pid is alive but 127.0.0.1:$port does not answer (starting, or hung: see $LOG_DIR)"
        return 3
    fi
    plugins=$(http_get "$port" '/_cat/plugins?h=component,version' 2>/dev/null | awk '{print $1 " " $2}' | paste -sd, - || true)
    echo "running: pid $pid, url http://127.0.0.1:$port, version $version"
    echo "plugins: ${plugins:-none}"
    echo "health: $(http_get "$port" '/_cat/health?h=status' 2>/dev/null | tr -d '[:space:]')"
    echo "state: $STATE_DIR"
}

main() {
    local command=${1:-}
    case $command in
        up | down | status) ;;
        *)
            echo "usage: $0 up|down|status   (env: ES_STATE_DIR, ES_PORT, ES_JAVA_HOME, ES_HEAP)" >&2
            exit 2
            ;;
    esac
    if [[ $command == status ]]; then
        cmd_status
        return
    fi
    mkdir -p "$STATE_DIR"
    # One up/down at a time per state dir (e.g. two test sessions starting the same node).
    exec 8>"$STATE_DIR/.lock"
    flock 8
    "cmd_$command"
}

main "$@"

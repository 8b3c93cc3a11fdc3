# Sourced by search.sh, load.sh and import.sh. build_programs <dir>: builds the benchmark programs
# (src/bench/pom.xml, a build apart from the app's) and copies them with their libraries to <dir>, setting
# CP to their class path there. They run from that copy, so rebuilding meanwhile cannot disturb them.
build_programs() {
    local dir=$1
    ./mvnw -B -ntp -q -f src/bench/pom.xml package
    rm -rf "$dir" && mkdir -p "$dir" && cp -r src/bench/target/classes src/bench/target/lib "$dir/"
    CP="$dir/classes:$dir/lib/*"
}

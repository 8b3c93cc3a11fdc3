#!/usr/bin/env bash
# Generates a Java, a Python and a TypeScript (fetch) client from the OpenAPI document the main build stored
# (target/openapi/openapi.json) and runs the same scenario with each against the packaged app
# (target/quarkus-app), started here on a free port in a temporary directory and stopped at the end: list
# officials of RU, search statements, create an official with the key, read it back typed, update it with
# If-Match, and get a 404 and a 422 as typed problems. Any mismatch fails the run with the output that shows it.
# Run after the main build: ./mvnw package -DskipTests && bash src/test/openapi-client/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
jar=$root/target/quarkus-app/quarkus-run.jar
if [[ ! -f $jar || ! -f $root/target/openapi/openapi.json ]]; then
    echo "No packaged app or OpenAPI document in $root/target: run ./mvnw package first" >&2
    exit 1
fi
began=$(date +%s)
work=$(mktemp -d)
app=
stop() {
    if [[ -n $app ]]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap stop EXIT

# Runs a step quietly, or shows its output and stops the run if it fails.
quietly() {
    local what=$1
    shift
    if ! "$@" >"$work/step.log" 2>&1; then
        echo "FAILED: $what" >&2
        cat "$work/step.log" >&2
        exit 1
    fi
}
took() { echo "  ($(($(date +%s) - $1)) s)"; }

echo "== Generating the clients (openapi-generator) and compiling the Java one"
t=$(date +%s)
quietly "openapi-generator or the Java client's compilation" "$root/mvnw" -B -ntp -q -f "$here/pom.xml" clean package
took "$t"

echo "== Starting the packaged app"
t=$(date +%s)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
key=client-check-$(python3 -c 'import secrets; print(secrets.token_hex(20))')
base=http://127.0.0.1:$port
(cd "$work" && exec env DEMARCHE_ADMIN_KEY="$key" java -Dquarkus.http.port="$port" -jar "$jar" >"$work/app.log" 2>&1) &
app=$!
# Ready, with the sample data loaded and searchable.
for _ in $(seq 1 240); do
    if curl -sf "$base/api/v1/statements?q=ceasefire&limit=1" 2>/dev/null | grep -q '"total":[1-9]'; then break; fi
    if ! kill -0 "$app" 2>/dev/null; then echo "FAILED: the app stopped" >&2; cat "$work/app.log" >&2; exit 1; fi
    sleep 0.5
done
curl -sf "$base/api/v1/statements?q=ceasefire&limit=1" | grep -q '"total":[1-9]' \
    || { echo "FAILED: the app did not answer searches within 2 minutes" >&2; cat "$work/app.log" >&2; exit 1; }
took "$t"

echo "== Java (native HttpClient) scenario"
t=$(date +%s)
java -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" org.demarche.clientcheck.Scenario "$base" "$key"
took "$t"

echo "== Python scenario"
t=$(date +%s)
quietly "creating the Python venv" python3 -m venv "$work/venv"
quietly "installing the Python client" "$work/venv/bin/pip" install -q --disable-pip-version-check "$here/target/clients/python"
"$work/venv/bin/python" "$here/scenarios/scenario.py" "$base" "$key"
took "$t"

echo "== TypeScript (fetch) scenario"
t=$(date +%s)
cp -r "$here/target/clients/typescript" "$work/ts"
cp "$here/scenarios/scenario.ts" "$work/ts/"
cd "$work/ts"
quietly "npm init" npm init -y
quietly "installing TypeScript" npm install --no-audit --no-fund typescript@5 @types/node@20
quietly "compiling the TypeScript client and scenario" npx tsc --strict --target es2022 --module commonjs \
    --moduleResolution node --skipLibCheck --outDir out scenario.ts
node out/scenario.js "$base" "$key"
cd "$root"
took "$t"

echo "== The three clients passed the scenario in $(($(date +%s) - began)) s"

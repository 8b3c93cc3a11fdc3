"""Hostile clients against a running Demarche (driven by hostile.sh; Python 3 standard library only).

While SLOW connections from one key send a write's body a byte a second, and FLOOD clients ask
for searches and exports without pause, three probes measure what everyone else gets: a read, a
write with another key, and /q/health/ready. Then one import of a large file of invalid lines: the
size of its answer and the time it took. Each role comes from an address of its own (X-Forwarded-For;
the app runs with proxy address forwarding on), as they would behind a proxy. Prints one JSON object.

  python3 hostile.py <base-url> <slow-key> <writer-key> <seconds> <slow-connections> <flood> <import-mb>
"""
import asyncio
import json
import multiprocessing
import statistics
import sys
import time
from collections import Counter
from urllib.parse import urlsplit

BASE, SLOW_KEY, WRITER_KEY = sys.argv[1], sys.argv[2], sys.argv[3]
SECONDS, SLOW, FLOOD, IMPORT_MB = (int(a) for a in sys.argv[4:8])
HOST, PORT = urlsplit(BASE).hostname, urlsplit(BASE).port
PROBE_TIMEOUT = 10
PROBE_INTERVAL = 0.6  # 100 writes a minute: under the write rate limit
ADDRESSES = {"slow": "198.51.100.1", "flood": "198.51.100.2", "read": "198.51.100.3", "write": "198.51.100.4",
             "health": "198.51.100.5", "import": "198.51.100.6"}


async def request(method, path, role, headers=None, body=b"", timeout=PROBE_TIMEOUT):
    """One request on its own connection; answers (status, size of the answer in bytes)."""
    reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, PORT), timeout)
    try:
        lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{PORT}", "Connection: close",
                 f"X-Forwarded-For: {ADDRESSES[role]}", f"Content-Length: {len(body)}"] + [
                    f"{k}: {v}" for k, v in (headers or {}).items()]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        await writer.drain()
        status_line = await asyncio.wait_for(reader.readline(), timeout)
        size = 0
        while chunk := await asyncio.wait_for(reader.read(1 << 16), timeout):
            size += len(chunk)
        return (int(status_line.split(b" ", 2)[1]) if status_line else 0), size
    finally:
        writer.close()


async def slow_body(statuses, stop):
    """Writes whose 10 000-byte bodies arrive a byte a second, one after another on new connections, so
    that the connection stays open for the whole run; notes the status each ends with."""
    head = (f"POST /api/v1/topics HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nAuthorization: Bearer {SLOW_KEY}\r\n"
            f"X-Forwarded-For: {ADDRESSES['slow']}\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n")
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection(HOST, PORT)
        except OSError:
            statuses["connect failed"] += 1
            await asyncio.sleep(1)
            continue
        read = asyncio.ensure_future(reader.readline())
        try:
            writer.write(head.encode())
            while not stop.is_set() and not read.done():
                writer.write(b" ")
                await writer.drain()
                await asyncio.wait([read], timeout=1)
            if read.done():
                line = read.result()
                statuses[line.split(b" ")[1].decode() if line.startswith(b"HTTP/") else "closed by server"] += 1
                await asyncio.sleep(1)  # as a client told to retry later would
            else:
                statuses["still open at the end"] += 1
        except OSError:
            statuses["closed by server"] += 1
        finally:
            read.cancel()
            writer.close()


async def flood(statuses, stop, n):
    paths = ["/api/v1/statements?q=security", "/api/v1/statements/facets?q=ukraine", "/api/v1/export"]
    i = n
    while not stop.is_set():
        try:
            status, _ = await request("GET", paths[i % len(paths)], "flood", timeout=60)
        except (OSError, asyncio.TimeoutError):
            status = "error"
        statuses[str(status)] += 1
        i += 1


async def probe(name, results, stop, call):
    while not stop.is_set():
        started = time.monotonic()
        try:
            status, _ = await call()
        except (OSError, asyncio.TimeoutError):
            status = "timeout"
        results.setdefault(name, []).append((time.monotonic() - started, status, started))
        await asyncio.sleep(PROBE_INTERVAL)


def summary(samples, began):
    times = sorted(t for t, _, _ in samples)
    return {"requests": len(samples), "statuses": dict(Counter(str(s) for _, s, _ in samples)),
            "p50_ms": round(statistics.median(times) * 1000, 1), "max_ms": round(times[-1] * 1000, 1),
            "over_1s": sum(1 for t in times if t > 1),
            "over_1s_at_s": [round(at - began) for t, _, at in samples if t > 1]}


async def attack(queue):
    """The slow bodies and the flood, for two seconds more than the probes run; their counts go to the queue."""
    stop = asyncio.Event()
    slow_statuses, flood_statuses = Counter(), Counter()
    tasks = [asyncio.ensure_future(slow_body(slow_statuses, stop)) for _ in range(SLOW)] + [
        asyncio.ensure_future(flood(flood_statuses, stop, n)) for n in range(FLOOD)]
    await asyncio.sleep(SECONDS + 2)
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    queue.put({"slow bodies": dict(slow_statuses), "flood": dict(flood_statuses)})


async def main():
    # The probes' requests 20 times each, unmeasured: the attack meets a server that has answered them before.
    stop, probes = asyncio.Event(), {}
    writes = iter(range(10 ** 9))
    calls = {
        "read": lambda: request("GET", "/api/v1/officials?limit=5", "read"),
        "write (other key)": lambda: request(
            "POST", "/api/v1/topics", "write", {"Authorization": f"Bearer {WRITER_KEY}", "Content-Type": "application/json"},
            json.dumps({"slug": f"hostile-probe-{time.time_ns()}-{next(writes)}", "name": "Hostile probe"}).encode()),
        "health": lambda: request("GET", "/q/health/ready", "health")}
    for _ in range(20):
        for call in calls.values():
            await call()
    # The attack runs in a process of its own, so that its load does not delay the probes' measurements.
    queue = multiprocessing.Queue()
    attacker = multiprocessing.Process(target=lambda: asyncio.run(attack(queue)))
    attacker.start()
    await asyncio.sleep(2)  # every slow connection has sent its headers
    began = time.monotonic()
    tasks = [asyncio.ensure_future(probe(name, probes, stop, call)) for name, call in calls.items()]
    await asyncio.sleep(SECONDS)
    stop.set()
    await asyncio.gather(*tasks)
    result = await asyncio.get_running_loop().run_in_executor(None, queue.get)
    attacker.join()
    result["probes"] = {name: summary(samples, began) for name, samples in probes.items()}
    if IMPORT_MB:
        line = b'{"type":"statement","text":1}\n'
        body = line * (IMPORT_MB * 1024 * 1024 // len(line))
        started = time.monotonic()
        status, answer_bytes = await request("POST", "/api/v1/import?dryRun=true", "import", {
            "Authorization": f"Bearer {WRITER_KEY}", "Content-Type": "application/x-ndjson"}, body, timeout=600)
        result["import"] = {"body_mb": IMPORT_MB, "lines": body.count(b"\n"), "status": status,
                            "answer_bytes": answer_bytes, "seconds": round(time.monotonic() - started, 1)}
    print(json.dumps(result))


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    asyncio.run(main())

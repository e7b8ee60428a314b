"""The comparison's scenarios in CPython: threading, queue and concurrent.futures.

Run by the host's `compare` command as a child process: argv[1] is a JSON object of sizes (the host's
CompareSizes); the figures go to stdout as one JSON object, progress to stderr. Each scenario checks its result.
"""
import concurrent.futures
import json
import math
import queue
import random
import statistics
import sys
import threading
import time


def percentile(sorted_values, p):
    if not sorted_values:
        return None
    index = math.ceil(p * len(sorted_values)) - 1
    return sorted_values[max(0, min(len(sorted_values) - 1, index))]


def run_threads(count, target):
    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def counter(s):
    lock = threading.Lock()
    state = {"count": 0}
    lat = [[] for _ in range(s["CounterWorkers"])]

    def work(w):
        for _ in range(s["IncrementsPerWorker"]):
            start = time.perf_counter()
            with lock:
                state["count"] += 1
            lat[w].append(time.perf_counter() - start)

    t0 = time.perf_counter()
    run_threads(s["CounterWorkers"], work)
    elapsed = time.perf_counter() - t0
    expected = s["CounterWorkers"] * s["IncrementsPerWorker"]
    return expected, elapsed, state["count"] == expected, f"final count {state['count']} of {expected}", lat


def bank(s):
    n, initial = s["Accounts"], 1000
    balances = [initial] * n
    locks = [threading.Lock() for _ in range(n)]
    lat = [[] for _ in range(s["BankWorkers"])]

    def work(w):
        rnd = random.Random(1000 + w)
        for _ in range(s["TransfersPerWorker"]):
            a = rnd.randrange(n)
            b = (a + 1 + rnd.randrange(n - 1)) % n
            amount = rnd.randint(1, 199)
            start = time.perf_counter()
            with locks[min(a, b)], locks[max(a, b)]:
                if balances[a] >= amount:
                    balances[a] -= amount
                    balances[b] += amount
            lat[w].append(time.perf_counter() - start)

    t0 = time.perf_counter()
    run_threads(s["BankWorkers"], work)
    elapsed = time.perf_counter() - t0
    total, expected = sum(balances), n * initial
    negative = sum(1 for x in balances if x < 0)
    return (s["BankWorkers"] * s["TransfersPerWorker"], elapsed, total == expected and negative == 0,
            f"money {total} of {expected}, {negative} negative balances", lat)


def bounded_queue(s):
    items, producers, consumers = s["QueueItems"], s["Producers"], s["Consumers"]
    q = queue.Queue(maxsize=s["QueueCapacity"])
    consumed = [[] for _ in range(consumers)]
    lat = [[] for _ in range(consumers)]

    def produce(p):
        for i in range(p, items, producers):
            q.put((i, time.perf_counter()))

    def consume(c):
        while True:
            i, put_at = q.get()
            if i < 0:
                return
            lat[c].append(time.perf_counter() - put_at)
            consumed[c].append(i)

    t0 = time.perf_counter()
    cs = [threading.Thread(target=consume, args=(c,)) for c in range(consumers)]
    for t in cs:
        t.start()
    run_threads(producers, produce)
    for _ in range(consumers):
        q.put((-1, 0))
    for t in cs:
        t.join()
    elapsed = time.perf_counter() - t0
    seen = [0] * items
    for lst in consumed:
        for i in lst:
            seen[i] += 1
    missing = sum(1 for x in seen if x == 0)
    twice = sum(1 for x in seen if x > 1)
    return (items, elapsed, missing == 0 and twice == 0,
            f"{items - missing} of {items} items consumed, {twice} more than once, {missing} never", lat)


def semaphore(s):
    sem = threading.BoundedSemaphore(s["IoLimit"])
    gauge_lock = threading.Lock()  # the instrument, as Interlocked is in the host
    gauge = {"now": 0, "max": 0, "calls": 0}
    delay = s["IoDelaySeconds"]
    lat = [[] for _ in range(s["IoClients"])]

    def work(c):
        for _ in range(s["IoJobsPerClient"]):
            start = time.perf_counter()
            with sem:
                lat[c].append(time.perf_counter() - start)
                with gauge_lock:
                    gauge["now"] += 1
                    gauge["max"] = max(gauge["max"], gauge["now"])
                time.sleep(delay)
                with gauge_lock:
                    gauge["now"] -= 1
                    gauge["calls"] += 1

    t0 = time.perf_counter()
    run_threads(s["IoClients"], work)
    elapsed = time.perf_counter() - t0
    expected = s["IoClients"] * s["IoJobsPerClient"]
    return (expected, elapsed, gauge["calls"] == expected and gauge["max"] <= s["IoLimit"],
            f"{gauge['calls']} of {expected} calls, at most {gauge['max']} at once (limit {s['IoLimit']})", lat)


def work_unit(party, phase):
    x = party * 31 + phase
    for _ in range(200 * (party + 1)):
        x = (x * 1103515245 + 12345) & 0xFFFFFFFF
    return x


def barrier(s):
    parties, phases = s["BarrierParties"], s["BarrierPhases"]
    b = threading.Barrier(parties)
    arrived = [0] * phases
    arrived_lock = threading.Lock()
    early = [0]
    lat = [[] for _ in range(parties)]

    def work(p):
        for phase in range(phases):
            work_unit(p, phase)
            with arrived_lock:
                arrived[phase] += 1
            start = time.perf_counter()
            b.wait()
            lat[p].append(time.perf_counter() - start)
            with arrived_lock:
                if arrived[phase] != parties:
                    early[0] += 1

    t0 = time.perf_counter()
    run_threads(parties, work)
    elapsed = time.perf_counter() - t0
    return (phases, elapsed, early[0] == 0,
            f"{phases} of {phases} phases, {early[0]} passes before all had arrived", lat)


def count_primes(below):
    count = 0
    for n in range(2, below):
        d, prime = 2, True
        while d * d <= n:
            if n % d == 0:
                prime = False
                break
            d += 1
        if prime:
            count += 1
    return count


def small_job(i):
    return i * i % 1000003


def executor_map(s):
    jobs = s["SmallJobs"]
    expected = sum(small_job(i) for i in range(jobs))
    t0 = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor() as ex:
        results = list(ex.map(small_job, range(jobs)))
    elapsed = time.perf_counter() - t0
    total = sum(results)
    return (jobs, elapsed, len(results) == jobs and total == expected,
            f"{len(results)} of {jobs} results, sum {'as expected' if total == expected else total}", None)


PRIME_COUNTS = {}


def executor_cpu(s):
    jobs, bound = s["CpuJobs"], s["CpuPrimeBound"]
    if bound not in PRIME_COUNTS:
        PRIME_COUNTS[bound] = count_primes(bound)
    expected = PRIME_COUNTS[bound] * jobs
    t0 = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor() as ex:
        results = list(ex.map(count_primes, [bound] * jobs))
    elapsed = time.perf_counter() - t0
    total = sum(results)
    return (jobs, elapsed, len(results) == jobs and total == expected,
            f"{len(results)} of {jobs} results, sum {'as expected' if total == expected else total}", None)


def uneven_job(i, long_job):
    if i % 8 == 0:
        time.sleep(long_job)
    return i * i % 1000003


def executor_uneven(s):
    jobs, long_job = s["UnevenJobs"], s["LongJobSeconds"]
    expected = sum(i * i % 1000003 for i in range(jobs))
    t0 = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=s["UnevenWorkers"]) as ex:
        results = list(ex.map(uneven_job, range(jobs), [long_job] * jobs))
    elapsed = time.perf_counter() - t0
    total = sum(results)
    return (jobs, elapsed, len(results) == jobs and total == expected,
            f"{len(results)} of {jobs} results, sum {'as expected' if total == expected else total}", None)


SCENARIOS = {
    "counter": counter,
    "bank": bank,
    "queue": bounded_queue,
    "semaphore": semaphore,
    "barrier": barrier,
    "executor-map": executor_map,
    "executor-cpu": executor_cpu,
    "executor-uneven": executor_uneven,
}


def main():
    sizes = json.loads(sys.argv[1])
    wanted = sys.argv[2].split(",") if len(sys.argv) > 2 and sys.argv[2] else list(SCENARIOS)
    out = {"python": sys.version.split()[0], "scenarios": []}
    for name in wanted:
        fn = SCENARIOS[name]
        rates, latencies, correct, check = [], [], True, ""
        for run in range(sizes["WarmupRuns"] + sizes["Runs"]):
            print(f"python {name}: run {run + 1}", file=sys.stderr, flush=True)
            ops, elapsed, ok, check_text, lat = fn(sizes)
            if run < sizes["WarmupRuns"]:
                continue
            rates.append(ops / elapsed if elapsed > 0 else 0.0)
            if lat is not None:
                latencies.extend(x for worker in lat for x in worker)
            if correct:
                check = check_text  # the last check, or the first that failed
            correct = correct and ok
        rates.sort()
        latencies.sort()
        out["scenarios"].append({
            "name": name,
            "opsPerSecondMedian": statistics.median(rates) if rates else 0.0,
            "opsPerSecondMin": rates[0] if rates else 0.0,
            "opsPerSecondMax": rates[-1] if rates else 0.0,
            "p50Micros": percentile(latencies, 0.50) * 1e6 if latencies else None,
            "p99Micros": percentile(latencies, 0.99) * 1e6 if latencies else None,
            "correct": correct,
            "check": check,
            "runs": len(rates),
        })
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
